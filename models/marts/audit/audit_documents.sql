with manifest as (
    select * from {{ ref('stg_extraction__manifest') }}
),

coverage as (
    select * from {{ ref('audit_document_coverage') }}
),

periods as (
    select * from {{ ref('int_document_periods_aggregated') }}
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
    periods.period_start,
    periods.period_end,
    coverage.municipalities_listed,
    coverage.municipalities_of_period,
    coverage.municipalities_missing,
    coverage.claims_completeness
from manifest
left join coverage
    on
        manifest.source_sha256 = coverage.source_sha256
        and manifest.extraction_status in ('extracted', 'unchanged')
left join periods
    on
        manifest.source_sha256 = periods.source_sha256
        and manifest.extraction_status in ('extracted', 'unchanged')
