with source as (
    select * from {{ source('extraction', 'manifest') }}
),

renamed as (
    select
        source_file,
        source_path,
        source_sha256,
        format as source_format,
        kind as document_kind,
        parser_version,
        status as extraction_status,
        cast(rows as bigint) as extracted_rows,
        cast(rejects as bigint) as rejected_lines,
        message,
        cast(extracted_at as timestamp) as extracted_at,
        cast(run_at as timestamp) as run_at
    from source
)

select * from renamed
