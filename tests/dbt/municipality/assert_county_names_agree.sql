-- The seed gives each municipality version its county's name; it must be the name of
-- the county version in force when the municipality version began (dim_county).
with municipalities as (
    select * from {{ ref('dim_municipality') }}
),

counties as (
    select * from {{ ref('dim_county') }}
)

select
    municipalities.version_id,
    municipalities.county_code,
    municipalities.county_name,
    counties.county_name as county_version_name
from municipalities
left join counties
    on municipalities.county_version_id = counties.county_version_id
where counties.county_name is distinct from municipalities.county_name
