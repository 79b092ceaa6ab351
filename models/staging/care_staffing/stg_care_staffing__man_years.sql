with source as (
    select * from {{ source('care_staffing', 'man_years') }}
),

renamed as (
    select
        cast(year as integer) as year,
        area_level,
        cast(municipality_code as varchar) as municipality_code,
        area_name,
        cast(column_number as integer) as column_number,
        education_type,
        education_label,
        cast(man_years as decimal(12, 2)) as man_years,
        value_status,
        {{ lineage_columns() }}
    from source
)

select * from renamed
