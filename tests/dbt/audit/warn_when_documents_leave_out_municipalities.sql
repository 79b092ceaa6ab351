-- A document that lists a selection of the municipalities of its period is published;
-- every run names what it leaves out (all of it in audit_document_coverage).
{{ config(severity='warn') }}

select
    document_kind,
    source_file,
    municipalities_missing,
    missing_counties,
    missing_municipalities
from {{ ref('audit_document_coverage') }}
where municipalities_missing > 0
