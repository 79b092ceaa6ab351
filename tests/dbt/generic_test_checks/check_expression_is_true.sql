-- The macro behind `expression_is_true` on inline data: NULL is not true.
with fixture (id, low, high) as (
    values (1, 1, 2), (2, 3, 2), (3, null, 2)
),

flagged as (
    {{ expression_is_true_sql('fixture', 'low <= high') }}
),

expected (id) as (
    values (2), (3)
),

mismatches as (
    {{ rows_differ('flagged', 'expected', ['id']) }}
)

select * from mismatches
