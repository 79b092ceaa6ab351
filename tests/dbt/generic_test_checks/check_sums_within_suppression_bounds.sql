-- The macro behind `sums_within_suppression_bounds`, run on inline data whose failing
-- partitions are known: a returned row means the macro flags the wrong partitions.
with fixture (area, part, amount, is_suppressed) as (
    values
    -- a: 10 + 5 = 15, nothing suppressed, total 15 → passes (exact)
    ('a', 'component', 10, false),
    ('a', 'component', 5, false),
    ('a', 'total', 15, false),
    -- b: nothing suppressed, 10 + 5 = 15 ≠ 16 → fails
    ('b', 'component', 10, false),
    ('b', 'component', 5, false),
    ('b', 'total', 16, false),
    -- c: 10 known + 2 suppressed (0..3 each): total 15 within [10, 16] → passes
    ('c', 'component', 10, false),
    ('c', 'component', null, true),
    ('c', 'component', null, true),
    ('c', 'total', 15, false),
    -- d: 10 known + 1 suppressed: total 14 above 10 + 3 → fails
    ('d', 'component', 10, false),
    ('d', 'component', null, true),
    ('d', 'total', 14, false),
    -- e: known components 12 exceed the total 11 → fails
    ('e', 'component', 12, false),
    ('e', 'component', null, true),
    ('e', 'total', 11, false),
    -- f: a total with no components → fails
    ('f', 'total', 5, false),
    -- g: components with no total → fails
    ('g', 'component', 5, false),
    -- h: the total itself suppressed → fails (nothing to compare with)
    ('h', 'component', null, true),
    ('h', 'total', null, true)
),

flagged as (
    {{ sums_within_suppression_bounds_sql('fixture', 'amount', ['area'], "part = 'component'", "part = 'total'", 'is_suppressed', 3) }}
),

expected (area) as (
    values ('b'), ('d'), ('e'), ('f'), ('g'), ('h')
),

mismatches as (
    {{ rows_differ('flagged', 'expected', ['area']) }}
)

select * from mismatches
