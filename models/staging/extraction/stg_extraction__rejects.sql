with source as (
    select * from {{ source('extraction', 'rejects') }}
),

renamed as (
    select
        source_file,
        source_sha256,
        kind as document_kind,
        cast(source_page as integer) as source_page,
        cast(source_line as integer) as source_line,
        raw_line,
        reason,
        candidates,
        cast(duplicate_of_line as integer) as duplicate_of_line
    from source
)

select * from renamed
