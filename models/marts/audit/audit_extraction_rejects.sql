with rejects as (
    select * from {{ ref('stg_extraction__rejects') }}
)

select
    document_kind,
    source_file,
    source_sha256,
    source_page,
    source_line,
    raw_line,
    reason,
    candidates,
    duplicate_of_line
from rejects
