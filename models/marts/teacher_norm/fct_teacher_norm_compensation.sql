with table_rows as (
    select * from {{ ref('stg_teacher_norm__compensation') }}
),

resolved_municipalities as (
    -- Unresolved names stay in staging (and in the rejects): a test there fails the build.
    select *
    from table_rows
    where
        area_level = 'municipality'
        and municipality_code is not null
)

select
    period,
    municipality_code,
    structure_date,
    source_name,
    county_name,
    missing_man_years,
    missing_man_years_status,
    compensation_nok,
    compensation_nok_status,
    funded_man_years,
    funded_man_years_status,
    source_file,
    source_sha256,
    source_page,
    source_line
from resolved_municipalities
