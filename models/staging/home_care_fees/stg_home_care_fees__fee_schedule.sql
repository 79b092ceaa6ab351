with source as (
    select * from {{ source('home_care_fees', 'fee_schedule') }}
),

renamed as (
    select
        cast(year as integer) as year,
        area_level,
        cast(municipality_code as varchar) as municipality_code,
        cast(county_code as varchar) as county_code,
        area_name,
        parent_municipality_name,
        cast(column_number as integer) as column_number,
        column_label,
        income_band,
        income_band_label,
        cast(income_band_lower_g as decimal(6, 2)) as income_band_lower_g,
        cast(income_band_upper_g as decimal(6, 2)) as income_band_upper_g,
        price_type,
        cast(price_nok as decimal(12, 2)) as price_nok,
        value_status,
        {{ lineage_columns() }}
    from source
)

select * from renamed
