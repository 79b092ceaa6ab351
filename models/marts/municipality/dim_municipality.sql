-- One row per municipality version. `county_name` is the seed's; the county version
-- in force when the municipality version began is joined for its id and parallel name
-- (a test checks the two names agree).
with municipality_versions as (
    select * from {{ ref('stg_reference__municipality_versions') }}
),

counties as (
    select * from {{ ref('stg_reference__county_versions') }}
),

with_county as (
    select
        municipality_versions.*,
        counties.county_version_id,
        counties.name_parallel as county_name_parallel
    from municipality_versions
    left join counties
        on
            municipality_versions.county_code = counties.county_code
            -- a county row with an open start (placeholder 1999-01-01) was also in
            -- force for municipality versions that began earlier (e.g. 1977)
            and (municipality_versions.valid_from >= counties.valid_from or counties.is_valid_from_open)
            and (counties.valid_to is null or municipality_versions.valid_from <= counties.valid_to)
)

select
    version_id,
    municipality_code,
    municipality_name,
    name_parallel,
    county_code,
    county_name,
    county_version_id,
    county_name_parallel,
    valid_from,
    is_valid_from_open,
    valid_to,
    is_municipality,
    name_legal_date,
    notes,
    array_to_string(parallel_forms, '; ') as parallel_forms,
    coalesce(name_parallel, municipality_name) as display_name,
    valid_to is null as is_current
from with_county
