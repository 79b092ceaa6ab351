-- The macro behind `assert_national_rate_rederived_from_municipalities`, run on
-- inline documents: a returned row means a document was flagged wrongly or missed.
with fixture (source_sha256, area_level, sex, year, quarter, absence_days, absence_rate_pct) as (
    values
    -- rates as published: the municipalities' rate is 6.358, the TOTAL's 6.4;
    -- a rate of 0 and man-days not published are left out
    ('good', 'total', 'men', 2002, 2, 80000, 6.4),
    ('good', 'municipality', 'men', 2002, 2, 17663, 5.5),
    ('good', 'municipality', 'men', 2002, 2, 20755, 6.4),
    ('good', 'municipality', 'men', 2002, 2, 40352, 6.8),
    ('good', 'municipality', 'men', 2002, 2, 720, 0.0),
    ('good', 'municipality', 'men', 2002, 2, null, 5.0),
    -- Halden read a thousandfold too large: its own rates still agree (every
    -- quantity scaled), but it pulls the municipalities' rate to 5.503
    ('thousandfold', 'total', 'men', 2002, 2, 80000, 6.4),
    ('thousandfold', 'municipality', 'men', 2002, 2, 17663747, 5.5),
    ('thousandfold', 'municipality', 'men', 2002, 2, 20755, 6.4),
    ('thousandfold', 'municipality', 'men', 2002, 2, 40352, 6.8),
    -- 6.0496 against 6.1: beyond the rounding (0.05), within the allowance for
    -- unknown residence (0.5 % of 6.1 = 0.0305)
    ('edge_in', 'total', 'men', 2001, 3, 2000, 6.1),
    ('edge_in', 'municipality', 'men', 2001, 3, 1000, 6.0),
    ('edge_in', 'municipality', 'men', 2001, 3, 1000, 6.1),
    -- 5.9496 against 6.1: beyond both
    ('edge_out', 'total', 'women', 2001, 3, 2000, 6.1),
    ('edge_out', 'municipality', 'women', 2001, 3, 1000, 5.9),
    ('edge_out', 'municipality', 'women', 2001, 3, 1000, 6.0)
),

flagged as (
    {{ sickness_absence_national_rate_gaps_sql('fixture') }}
),

expected (source_sha256) as (
    values ('thousandfold'), ('edge_out')
),

mismatches as (
    {{ rows_differ('flagged', 'expected', ['source_sha256']) }}
)

select * from mismatches
