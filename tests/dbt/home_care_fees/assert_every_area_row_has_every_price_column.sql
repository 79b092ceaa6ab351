-- Every area row of a home-care fee table has one price per price column its two
-- header rows name (the parser records that number as the fact `price_columns`).
with header_columns as (
    select
        source_sha256,
        cast(fact_value as integer) as price_columns,
    from {{ ref('stg_extraction__document_facts') }}
    where
        document_kind = 'home_care_fees'
        and fact = 'price_columns'
),

area_rows as (
    select
        source_sha256,
        source_line,
    from {{ ref('stg_home_care_fees__fees') }}
),

price_cells as (
    select
        source_sha256,
        source_line,
        count(*) as prices,
    from {{ ref('stg_home_care_fees__fee_schedule') }}
    group by source_sha256, source_line
),

compared as (
    select
        area_rows.source_sha256,
        area_rows.source_line,
        header_columns.price_columns,
        coalesce(price_cells.prices, 0) as prices,
    from area_rows
    left join price_cells
        on
            area_rows.source_sha256 = price_cells.source_sha256
            and area_rows.source_line = price_cells.source_line
    left join header_columns
        on area_rows.source_sha256 = header_columns.source_sha256
)

select *
from compared
where price_columns is null or prices != price_columns
