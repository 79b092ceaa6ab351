-- A county table lists every county of its period (SSB's county tables do): name the
-- counties valid at a table's date that it has no row for. A county whose row was
-- rejected, or whose name did not resolve, is among them; the TOTAL's test bounds
-- what such a county held.
{{ config(severity='warn') }}

with county_tables as (
    select distinct
        source_sha256,
        source_file,
        sex,
        structure_date
    from {{ ref('int_sickness_absence_counties_resolved') }}
),

listed as (
    select distinct
        source_sha256,
        sex,
        county_code
    from {{ ref('int_sickness_absence_counties_resolved') }}
    where resolution = 'resolved'
),

counties_of_period as (
    select
        county_tables.source_sha256,
        county_tables.source_file,
        county_tables.sex,
        versions.county_code,
        versions.county_name
    from county_tables
    inner join {{ ref('stg_reference__county_versions') }} as versions
        on
            county_tables.structure_date >= versions.valid_from
            and (versions.valid_to is null or county_tables.structure_date <= versions.valid_to)
    where versions.is_county
)

select
    counties_of_period.source_file,
    counties_of_period.sex,
    string_agg(
        counties_of_period.county_code || ' ' || counties_of_period.county_name, ', '
        order by counties_of_period.county_code
    ) as missing_counties
from counties_of_period
left join listed
    on
        counties_of_period.source_sha256 = listed.source_sha256
        and counties_of_period.sex = listed.sex
        and counties_of_period.county_code = listed.county_code
where listed.county_code is null
group by counties_of_period.source_file, counties_of_period.sex
