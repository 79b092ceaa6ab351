-- The national breakdowns in one long table: a breakdown (target group, sex, age
-- band, …) and its category per month and measure. The "I alt" rows and the
-- target groups' all-measure totals are tests in staging, not rows here.
with cells as (
    select * from {{ ref('int_tiltak_months_deduplicated') }}
),

breakdown_cells as (
    select *
    from cells
    where
        table_dimension in (
            'target_group', 'sex', 'age_band', 'immigrant_status', 'world_region', 'education'
        )
        and not is_total_row
)

select
    month,
    tiltak_type,
    table_dimension as breakdown,
    code as category_code,
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
from breakdown_cells
