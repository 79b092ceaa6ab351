with source as (
    select * from {{ source('home_care_fees', 'fees') }}
),

renamed as (
    select
        cast(year as integer) as year,
        area_level,
        cast(municipality_code as varchar) as municipality_code,
        cast(county_code as varchar) as county_code,
        area_name,
        parent_municipality_name,
        cast(share_paying_pct as decimal(9, 2)) as share_paying_pct,
        share_paying_status,
        cast(payment_per_user_nok as decimal(12, 2)) as payment_per_user_nok,
        payment_per_user_status,
        {{ lineage_columns() }}
    from source
)

select * from renamed
