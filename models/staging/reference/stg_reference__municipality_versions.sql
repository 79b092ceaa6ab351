-- The seed is already typed (seeds/_seeds.yml); staging renames nothing but turns
-- the 0/1 flags into booleans and the `; `-separated parallel forms into a list.
with source as (
    select * from {{ ref('municipality_versions') }}
),

renamed as (
    select
        version_id,
        municipality_code,
        municipality_name,
        name_parallel,
        county_code,
        county_name,
        valid_from,
        earliest_evidence,
        valid_to,
        name_legal_date,
        source as reference_source,
        notes,
        case
            when parallel_forms is not null then string_split(parallel_forms, '; ')
        end as parallel_forms,
        valid_from_open = 1 as is_valid_from_open,
        is_municipality = 1 as is_municipality
    from source
)

select * from renamed
