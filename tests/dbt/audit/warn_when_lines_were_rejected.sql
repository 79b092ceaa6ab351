-- Rejected lines never fail the build (the rows that could be read are published),
-- but every run shows them as a warning, listed here and in audit_extraction_rejects.
{{ config(severity='warn') }}

select
    document_kind,
    source_file,
    source_line,
    reason
from {{ ref('audit_extraction_rejects') }}
