-- The macro behind `int_tiltak_months_deduplicated`, run on inline reports that
-- overlap: a returned row means the wrong report's figure was kept.
with fixture (code, month, participants, report_first_month, report_last_month, source_sha256) as (
    values
    -- March is in both reports: the one ending in May wins over the one ending in April
    ('0301', date '2026-03-01', 900, date '2026-01-01', date '2026-04-01', 'aaa'),
    ('0301', date '2026-03-01', 905, date '2026-03-01', date '2026-05-01', 'bbb'),
    -- January is only in the older report: it stays
    ('0301', date '2026-01-01', 880, date '2026-01-01', date '2026-04-01', 'aaa'),
    -- the same range loaded twice (a re-issue): the larger hash wins, whatever the order
    ('1103', date '2026-03-01', 10, date '2026-01-01', date '2026-04-01', 'ccc'),
    ('1103', date '2026-03-01', 11, date '2026-01-01', date '2026-04-01', 'ddd')
),

kept as (
    {{ tiltak_latest_report_sql('fixture', ['code', 'month']) }}
),

expected (code, month, participants) as (
    values
    ('0301', date '2026-03-01', 905),
    ('0301', date '2026-01-01', 880),
    ('1103', date '2026-03-01', 11)
),

mismatches as (
    {{ rows_differ('kept', 'expected', ['code', 'month', 'participants']) }}
)

select * from mismatches
