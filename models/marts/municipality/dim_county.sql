with county_versions as (
    select * from {{ ref('stg_reference__county_versions') }}
)

select
    county_version_id,
    county_code,
    county_name,
    name_parallel,
    valid_from,
    is_valid_from_open,
    valid_to,
    valid_to is null as is_current,
    is_county,
    array_to_string(predecessor_codes, ';') as predecessor_codes,
    array_to_string(successor_codes, ';') as successor_codes,
    notes
from county_versions
