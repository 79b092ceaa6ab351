-- Cells published by two reports whose figures (or suppression) differ: the
-- later report wins in the marts, and this lists what it overrode. Two reports
-- with the same month range are a tie (`is_tie`): the winner is then chosen by
-- hash, not by age, and the analyst must decide which figure to trust.
with month_cells as (
    select *
    from {{ ref('stg_tiltak__participants') }}
    where measure = 'month'
),

paired as (
    select
        newer.month,
        newer.table_dimension,
        newer.code,
        newer.tiltak_type,
        newer.source_name,
        older.participants as older_participants,
        older.value_status as older_value_status,
        newer.participants as newer_participants,
        newer.value_status as newer_value_status,
        older.source_file as older_source_file,
        older.source_line as older_source_line,
        older.report_last_month as older_report_last_month,
        newer.source_file as newer_source_file,
        newer.source_line as newer_source_line,
        newer.report_last_month as newer_report_last_month,
        (
            newer.report_first_month = older.report_first_month
            and newer.report_last_month = older.report_last_month
        ) as is_tie
    from month_cells as newer
    inner join month_cells as older
        on
            newer.table_dimension = older.table_dimension
            and newer.code = older.code
            and newer.tiltak_type = older.tiltak_type
            and newer.month = older.month
            and newer.source_sha256 != older.source_sha256
            -- the same order as `tiltak_latest_report_sql`: last month, first month, hash
            and (newer.report_last_month, newer.report_first_month, newer.source_sha256)
            > (older.report_last_month, older.report_first_month, older.source_sha256)
)

select
    month,
    table_dimension,
    code,
    tiltak_type,
    source_name,
    older_participants,
    older_value_status,
    newer_participants,
    newer_value_status,
    older_source_file,
    older_source_line,
    older_report_last_month,
    newer_source_file,
    newer_source_line,
    newer_report_last_month,
    is_tie
from paired
where
    newer_participants is distinct from older_participants
    or newer_value_status != older_value_status
