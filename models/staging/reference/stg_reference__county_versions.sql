with source as (
    select * from {{ ref('county_versions') }}
),

renamed as (
    select
        county_code,
        county_name,
        name_parallel,
        valid_from,
        valid_to,
        notes,
        county_code || '@' || strftime(valid_from, '%Y-%m-%d') as county_version_id,
        valid_from_open = 1 as is_valid_from_open,
        is_county = 1 as is_county,
        case
            when predecessor_codes is not null then string_split(predecessor_codes, ';')
        end as predecessor_codes,
        case
            when successor_codes is not null then string_split(successor_codes, ';')
        end as successor_codes
    from source
)

select * from renamed
