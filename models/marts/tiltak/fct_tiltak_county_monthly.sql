with cells as (
    select * from {{ ref('int_tiltak_months_deduplicated') }}
),

county_cells as (
    select *
    from cells
    where
        table_dimension = 'county'
        and not is_total_row
)

select
    month,
    tiltak_type,
    code as county_code,
    source_name,
    participants,
    is_suppressed,
    value_status,
    report_first_month,
    report_last_month,
    source_file,
    source_sha256,
    source_page,
    source_line,
from county_cells
