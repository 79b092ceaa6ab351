with source as (
    select * from {{ source('extraction', 'document_facts') }}
),

renamed as (
    select
        source_file,
        source_sha256,
        kind as document_kind,
        fact,
        value as fact_value,
        cast(source_page as integer) as source_page,
        cast(source_line as integer) as source_line
    from source
)

select * from renamed
