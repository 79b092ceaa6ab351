-- Each published county name (or printed code) beside the county version it
-- resolved to at the table's date: one row per date, name and printed code. See
-- `resolve_county_names_sql` for `name_match` and `resolution`.
with resolved_rows as (
    select * from {{ ref('int_sickness_absence_counties_resolved') }}
)

select distinct
    'fct_sickness_absence_county_quarterly' as fact_model,
    structure_date as at_date,
    source_name,
    printed_county_code,
    county_code,
    county_version_id,
    reference_name,
    name_match,
    resolution,
    candidate_codes,
    source_file
from resolved_rows
