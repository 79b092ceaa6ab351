with source as (
    select * from {{ source('teacher_norm', 'compensation') }}
),

renamed as (
    select
        period,
        period_label,
        cast(structure_date as date) as structure_date,
        area_level,
        county_name,
        source_name,
        cast(municipality_code as varchar) as municipality_code,
        reference_name,
        match_status,
        match_candidates,
        cast(missing_man_years as decimal(12, 2)) as missing_man_years,
        missing_man_years_status,
        cast(compensation_nok as decimal(15, 2)) as compensation_nok,
        compensation_nok_status,
        cast(funded_man_years as decimal(12, 2)) as funded_man_years,
        funded_man_years_status,
        cast(funded_man_years_decimals as integer) as funded_man_years_decimals,
        {{ lineage_columns() }}
    from source
)

select * from renamed
