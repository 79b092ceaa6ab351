with prices as (
    select * from {{ ref('stg_home_care_fees__fee_schedule') }}
),

municipality_prices as (
    select *
    from prices
    where area_level = 'municipality'
)

select
    year,
    municipality_code,
    area_name as source_name,
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
from municipality_prices
