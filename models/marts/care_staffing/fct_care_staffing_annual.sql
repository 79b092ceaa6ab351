with cells as (
    select * from {{ ref('stg_care_staffing__man_years') }}
),

municipality_education_cells as (
    select *
    from cells
    where
        area_level = 'municipality'
        and education_type != 'total'
)

select
    year,
    municipality_code,
    area_name as source_name,
    education_type,
    education_label,
    man_years,
    value_status,
    source_file,
    source_sha256,
    source_page,
    source_line
from municipality_education_cells
