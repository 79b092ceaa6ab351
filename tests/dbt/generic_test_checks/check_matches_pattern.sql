-- The macro behind `matches_pattern` on inline data: the whole value must match, NULL passes.
with fixture (id, code) as (
    values (1, '0301'), (2, '301'), (3, '03010'), (4, 'O301'), (5, null), (6, '5001')
),

flagged as (
    {{ matches_pattern_sql('fixture', 'code', '[0-9]{4}') }}
),

expected (id) as (
    values (2), (3), (4)
),

mismatches as (
    {{ rows_differ('flagged', 'expected', ['id']) }}
)

select * from mismatches
