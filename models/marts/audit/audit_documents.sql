with manifest as (
    select * from {{ ref('stg_extraction__manifest') }}
)

select
    source_file,
    source_path,
    source_sha256,
    source_format,
    document_kind,
    parser_version,
    extraction_status,
    extracted_rows,
    rejected_lines,
    message,
    extracted_at,
    run_at
from manifest
