with prices as (
    select * from {{ ref('stg_home_care_fees__fee_schedule') }}
),

district_parents as (
    select * from {{ ref('int_home_care_district_parents_resolved') }}
),

district_prices as (
    select
        prices.*,
        district_parents.parent_municipality_code,
    from prices
    inner join district_parents
        on
            prices.source_sha256 = district_parents.source_sha256
            and prices.source_line = district_parents.source_line
    where prices.area_level = 'district'
)

select
    year,
    parent_municipality_code,
    area_name as district_name,
    parent_municipality_name as parent_source_name,
    income_band,
    income_band_lower_g,
    income_band_upper_g,
    price_type,
    price_nok,
    value_status,
    source_file,
    source_sha256,
    source_page,
    source_line,
from district_prices
