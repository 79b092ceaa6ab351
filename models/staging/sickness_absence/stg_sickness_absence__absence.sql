with source as (
    select * from {{ source('sickness_absence', 'absence') }}
),

renamed as (
    select
        cast(year as integer) as year,
        cast(quarter as integer) as quarter,
        table_level,
        cast(table_year as integer) as table_year,
        cast(table_quarter as integer) as table_quarter,
        area_level,
        cast(municipality_code as varchar) as municipality_code,
        cast(county_code as varchar) as county_code,
        source_name,
        footnote_marker,
        sex,
        cast(absence_days as bigint) as absence_days,
        days_status,
        cast(change_days as bigint) as change_days,
        change_status,
        cast(absence_rate_pct as decimal(4, 1)) as absence_rate_pct,
        rate_status,
        cast(rate_change as decimal(4, 1)) as rate_change,
        rate_change_unit,
        rate_change_status,
        is_derived,
        cast(split_candidates as integer) as split_candidates,
        is_disambiguated,
        days_split,
        total_bound,
        {{ lineage_columns() }}
    from source
)

select * from renamed
