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
    is_county,
    notes,
    valid_to is null as is_current,
    array_to_string(predecessor_codes, ';') as predecessor_codes,
    array_to_string(successor_codes, ';') as successor_codes
from county_versions
