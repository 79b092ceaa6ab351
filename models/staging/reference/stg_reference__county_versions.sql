with source as (
    select * from {{ ref('county_versions') }}
),

renamed as (
    select
        county_code || '@' || strftime(valid_from, '%Y-%m-%d') as county_version_id,
        county_code,
        county_name,
        name_parallel,
        valid_from,
        valid_from_open = 1 as is_valid_from_open,
        valid_to,
        is_county = 1 as is_county,
        case
            when predecessor_codes is not null then string_split(predecessor_codes, ';')
        end as predecessor_codes,
        case
            when successor_codes is not null then string_split(successor_codes, ';')
        end as successor_codes,
        notes
    from source
)

select * from renamed
