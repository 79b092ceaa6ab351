-- County rows of `stg_sickness_absence__absence` with the county each name (or
-- printed code) stands for at the table's date: the first day of its latest
-- quarter, whose structure the whole table follows (a 2018 table gives 2017's
-- rates for Trøndelag, 50). See `resolve_county_names_sql`.
with county_rows as (
    select
        *,
        {{ sickness_absence_structure_date() }} as structure_date
    from {{ ref('stg_sickness_absence__absence') }}
    where area_level = 'county'
),

published_names as (
    select
        structure_date as at_date,
        source_name,
        county_code as printed_code
    from county_rows
),

resolved_names as (
    {{ resolve_county_names_sql('published_names', ref('stg_reference__county_versions')) }}
)

select
    county_rows.year,
    county_rows.quarter,
    county_rows.structure_date,
    resolved_names.county_code,
    county_rows.county_code as printed_county_code,
    county_rows.source_name,
    county_rows.footnote_marker,
    resolved_names.county_version_id,
    resolved_names.reference_name,
    resolved_names.name_match,
    resolved_names.resolution,
    resolved_names.candidate_codes,
    county_rows.sex,
    county_rows.absence_days,
    county_rows.days_status,
    county_rows.change_days,
    county_rows.change_status,
    county_rows.absence_rate_pct,
    county_rows.rate_status,
    county_rows.rate_change,
    county_rows.rate_change_unit,
    county_rows.rate_change_status,
    county_rows.is_derived,
    county_rows.source_file,
    county_rows.source_sha256,
    county_rows.source_page,
    county_rows.source_line,
    county_rows.raw_line
from county_rows
left join resolved_names
    on
        county_rows.structure_date = resolved_names.at_date
        and county_rows.source_name = resolved_names.source_name
        and county_rows.county_code is not distinct from resolved_names.printed_code
