-- One row per table kind × row × measure × month over all reports: the latest
-- report (by its last month) wins where reports overlap. The year-to-date
-- averages stay behind: they belong to one report and are tests, not facts.
with month_cells as (
    select *
    from {{ ref('stg_tiltak__participants') }}
    where measure = 'month'
),

latest as (
    {{ tiltak_latest_report_sql('month_cells', ['table_dimension', 'code', 'tiltak_type', 'month']) }}
)

select
    month,
    table_dimension,
    code,
    source_name,
    tiltak_type,
    is_total_row,
    participants,
    value_status,
    is_suppressed,
    report_first_month,
    report_last_month,
    source_file,
    source_sha256,
    source_page,
    source_line,
from latest
