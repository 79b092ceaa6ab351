with source as (
    select * from {{ ref('municipality_changes') }}
),

renamed as (
    select
        old_version_id,
        old_code,
        old_name,
        old_valid_to,
        new_version_id,
        new_code,
        new_name,
        new_valid_from,
        change_date,
        change_type,
        share,
        share_basis,
        source as reference_source,
        note,
        is_succession = 1 as is_succession,
        code_changed = 1 as is_code_changed,
        name_changed = 1 as is_name_changed
    from source
)

select * from renamed
