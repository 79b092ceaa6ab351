-- Every municipality cell a report publishes for one of its months has a row in
-- `fct_tiltak_monthly` (from this report or a later one that publishes the same
-- month): deduplication across reports never loses a municipality.
with report_cells as (
    select
        source_sha256,
        source_line,
        tiltak_type,
        code as municipality_code,
        month
    from {{ ref('stg_tiltak__participants') }}
    where
        table_dimension = 'municipality'
        and not is_total_row
        and measure = 'month'
),

mart as (
    select
        month,
        tiltak_type,
        municipality_code
    from {{ ref('fct_tiltak_monthly') }}
)

select
    report_cells.source_sha256,
    report_cells.source_line,
    report_cells.tiltak_type,
    report_cells.municipality_code,
    report_cells.month
from report_cells
left join mart
    on
        report_cells.month = mart.month
        and report_cells.tiltak_type = mart.tiltak_type
        and report_cells.municipality_code = mart.municipality_code
where mart.municipality_code is null
