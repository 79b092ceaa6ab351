-- Rows published on their only reading although a cross-check of the document's
-- arithmetic disagrees (an area that changed since last year compares two
-- structures): kept, since nothing in the row is damaged, and listed here.
with facts as (
    select * from {{ ref('stg_extraction__document_facts') }}
)

select
    document_kind,
    source_file,
    source_sha256,
    source_page,
    source_line,
    fact_value as disagreement
from facts
where fact = 'cross_check_disagreement'
