with manifest as (
    select * from {{ ref('stg_extraction__manifest') }}
),

coverage as (
    select * from {{ ref('audit_document_coverage') }}
)

select
    manifest.source_file,
    manifest.source_path,
    manifest.source_sha256,
    manifest.source_format,
    manifest.document_kind,
    manifest.parser_version,
    manifest.extraction_status,
    manifest.extracted_rows,
    manifest.rejected_lines,
    manifest.message,
    manifest.extracted_at,
    manifest.run_at,
    coverage.municipalities_listed,
    coverage.municipalities_of_period,
    coverage.municipalities_missing,
    coverage.claims_completeness
from manifest
left join coverage
    on
        manifest.source_sha256 = coverage.source_sha256
        and manifest.extraction_status in ('extracted', 'unchanged')
