-- Every row of a care staffing table has one cell per column its header names
-- (the header's column count is recorded by the parser as the fact `columns`).
with header_columns as (
    select
        source_sha256,
        cast(fact_value as integer) as header_columns
    from {{ ref('stg_extraction__document_facts') }}
    where
        document_kind = 'care_staffing'
        and fact = 'columns'
),

row_cells as (
    select
        source_sha256,
        source_line,
        count(*) as cells
    from {{ ref('stg_care_staffing__man_years') }}
    group by source_sha256, source_line
)

select
    row_cells.source_sha256,
    row_cells.source_line,
    row_cells.cells,
    header_columns.header_columns
from row_cells
left join header_columns
    on row_cells.source_sha256 = header_columns.source_sha256
where header_columns.header_columns is null or row_cells.cells != header_columns.header_columns
