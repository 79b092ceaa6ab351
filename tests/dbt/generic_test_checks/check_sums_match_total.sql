-- The macro behind `sums_match_total`, run on inline data whose failing partitions
-- are known: a returned row means the macro flags the wrong partitions.
with fixture (area, part, amount) as (
    values
    -- a: components 1.00 + 2.00 = total 3.00 → passes
    ('a', 'component', 1.00),
    ('a', 'component', 2.00),
    ('a', 'total', 3.00),
    -- b: 1.00 + 2.00 = 3.00 ≠ 3.02 → fails (beyond tolerance 0.01)
    ('b', 'component', 1.00),
    ('b', 'component', 2.00),
    ('b', 'total', 3.02),
    -- c: within tolerance → passes
    ('c', 'component', 1.005),
    ('c', 'total', 1.00),
    -- d: a total with no components → fails
    ('d', 'total', 5.00),
    -- e: components with no total → fails
    ('e', 'component', 5.00)
),

flagged as (
    {{ sums_match_total_sql('fixture', 'amount', ['area'], "part = 'component'", "part = 'total'", 0.01) }}
),

expected (area) as (
    values ('b'), ('d'), ('e')
),

mismatches as (
    {{ rows_differ('flagged', 'expected', ['area']) }}
)

select * from mismatches
