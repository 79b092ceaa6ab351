-- The printed totals of documents with rejected lines, beside the sum of the rows
-- that were read: the gap is the value of the rejected rows (and, for NAV, of the
-- suppressed cells), never spread over the published rows.
with published_totals as (
    select * from {{ ref('audit_published_totals') }}
)

select
    document_kind,
    source_file,
    source_sha256,
    total_of,
    published_total,
    read_sum,
    gap,
    suppressed_cells,
    rejected_lines
from published_totals
where rejected_lines > 0
