-- The three total tests given the document's rejected lines, on inline data whose
-- failing partitions are known: a document with rejected lines is checked one-sidedly
-- (its rejected rows hold an unknown part of the total), one without is checked as
-- before. A returned row means a macro flags the wrong partitions.
with fixture (source_sha256, part, amount, is_suppressed) as (
    values
    -- with_gap: one line rejected, 10 + 5 read of 20 → passes (the gap is the rejected row)
    ('with_gap', 'component', 10, false),
    ('with_gap', 'component', 5, false),
    ('with_gap', 'total', 20, false),
    -- over_total: one line rejected, yet 10 + 15 read exceed 20 → fails
    ('over_total', 'component', 10, false),
    ('over_total', 'component', 15, false),
    ('over_total', 'total', 20, false),
    -- total_rejected: the total's line was the rejected one → passes
    ('total_rejected', 'component', 10, false),
    -- only_total: its only component line was rejected → passes
    ('only_total', 'total', 20, false),
    -- no_rejects_gap: nothing rejected, 10 + 5 of 20 → fails
    ('no_rejects_gap', 'component', 10, false),
    ('no_rejects_gap', 'component', 5, false),
    ('no_rejects_gap', 'total', 20, false),
    -- no_rejects_no_total: nothing rejected, no total → fails
    ('no_rejects_no_total', 'component', 10, false)
),

rejects (source_sha256, source_line) as (
    values
    ('with_gap', 7),
    ('over_total', 7),
    ('total_rejected', 3),
    ('only_total', 4),
    ('only_total', 5)
),

matched as (
    {{ sums_match_total_sql('fixture', 'amount', ['source_sha256'], "part = 'component'", "part = 'total'", 0, rejects='rejects') }}
),

bounded as (
    {{ sums_within_suppression_bounds_sql('fixture', 'amount', ['source_sha256'], "part = 'component'", "part = 'total'", 'is_suppressed', 3, rejects='rejects') }}
),

shared as (
    {{ sum_within_share_of_total_sql('fixture', 'amount', ['source_sha256'], "part = 'component'", "part = 'total'", 0.005, 0, rejects='rejects') }}
),

flagged as (
    select
        'sums_match_total' as test_macro,
        source_sha256
    from matched
    union all
    select
        'sums_within_suppression_bounds' as test_macro,
        source_sha256
    from bounded
    union all
    select
        'sum_within_share_of_total' as test_macro,
        source_sha256
    from shared
),

expected (test_macro, source_sha256) as (
    values
    ('sums_match_total', 'over_total'),
    ('sums_match_total', 'no_rejects_gap'),
    ('sums_match_total', 'no_rejects_no_total'),
    ('sums_within_suppression_bounds', 'over_total'),
    ('sums_within_suppression_bounds', 'no_rejects_gap'),
    ('sums_within_suppression_bounds', 'no_rejects_no_total'),
    ('sum_within_share_of_total', 'over_total'),
    ('sum_within_share_of_total', 'no_rejects_gap'),
    ('sum_within_share_of_total', 'no_rejects_no_total')
),

mismatches as (
    {{ rows_differ('flagged', 'expected', ['test_macro', 'source_sha256']) }}
)

select * from mismatches
