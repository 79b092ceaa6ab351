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
        source_file,
        source_sha256,
        cast(source_page as integer) as source_page,
        cast(source_line as integer) as source_line,
        raw_line
    from source
)

select * from renamed
