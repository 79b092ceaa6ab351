-- The macro behind `no_overlapping_validity` on inline data.
with fixture (code, valid_from, valid_to) as (
    values
    -- A: versions meet (one ends the day before the next starts) → passes
    ('A', date '1999-01-01', date '2001-12-31'),
    ('A', date '2002-01-01', null),
    -- B: share 2010 → fails
    ('B', date '1999-01-01', date '2010-12-31'),
    ('B', date '2010-01-01', null),
    -- C: two open versions → fails
    ('C', date '1999-01-01', null),
    ('C', date '2005-01-01', null),
    -- D: the same start twice → fails once
    ('D', date '1999-01-01', date '2000-12-31'),
    ('D', date '1999-01-01', date '2000-12-31'),
    -- E: a gap between versions is allowed → passes
    ('E', date '1999-01-01', date '2000-12-31'),
    ('E', date '2003-01-01', null)
),

flagged as (
    {{ no_overlapping_validity_sql('fixture', 'code') }}
),

expected (validity_key) as (
    values ('B'), ('C'), ('D')
),

mismatches as (
    {{ rows_differ('flagged', 'expected', ['validity_key'], count_duplicates=true) }}
)

select * from mismatches
