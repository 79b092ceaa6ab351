-- The macro behind `sum_within_share_of_total` on inline data whose failing
-- partitions are known (shortfall share 0.005, excess 0.5 per component).
with fixture (area, part, amount) as (
    values
    -- a: 995 + 4 = 999 of 1 000, short by 0.1 % → passes
    ('a', 'component', 995.0),
    ('a', 'component', 4.0),
    ('a', 'total', 1000.0),
    -- b: 990 of 1 000, short by 1 % → fails
    ('b', 'component', 990.0),
    ('b', 'total', 1000.0),
    -- c: 1 001 of 1 000 with two components: within rounding (2 × 0.5) → passes
    ('c', 'component', 500.0),
    ('c', 'component', 501.0),
    ('c', 'total', 1000.0),
    -- d: 1 002 of 1 000 with two components: beyond rounding → fails
    ('d', 'component', 500.0),
    ('d', 'component', 502.0),
    ('d', 'total', 1000.0),
    -- e: a NULL component adds nothing and earns no rounding → passes
    ('e', 'component', 1000.0),
    ('e', 'component', null),
    ('e', 'total', 1000.0),
    -- f: a total with no components → fails
    ('f', 'total', 5.0),
    -- g: components with no total → fails
    ('g', 'component', 5.0)
),

flagged as (
    {{ sum_within_share_of_total_sql('fixture', 'amount', ['area'], "part = 'component'", "part = 'total'", 0.005, 0.5) }}
),

expected (area) as (
    values ('b'), ('d'), ('f'), ('g')
),

mismatches as (
    {{ rows_differ('flagged', 'expected', ['area']) }}
)

select * from mismatches
