-- The macro behind `within_bounds` on inline data: NULL passes, bounds are inclusive.
with fixture (id, rate) as (
    values (1, 0.0), (2, 100.0), (3, -0.1), (4, 100.1), (5, null), (6, 50.0)
),

flagged as (
    {{ within_bounds_sql('fixture', 'rate', 0, 100) }}
),

expected (id) as (
    values (3), (4)
),

mismatches as (
    {{ rows_differ('flagged', 'expected', ['id']) }}
)

select * from mismatches
