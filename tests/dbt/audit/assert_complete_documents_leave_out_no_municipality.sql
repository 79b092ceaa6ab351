-- A document that claims to be complete (a national total that is the sum of its rows,
-- or a stated total, and no word of a selection) lists every municipality of its
-- period. Rows it printed but that were rejected are not missing from it: as many
-- municipalities as it has rejected lines may be absent, never more.
with rejected as (
    {{ rejected_lines_per_document() }}
)

select
    coverage.document_kind,
    coverage.source_file,
    coverage.municipalities_missing,
    coverage.missing_municipalities,
    coalesce(rejected.rejected_lines, 0) as rejected_lines
from {{ ref('audit_document_coverage') }} as coverage
left join rejected
    on coverage.source_sha256 = rejected.source_sha256
where
    coverage.claims_completeness
    and coverage.municipalities_missing > coalesce(rejected.rejected_lines, 0)
