-- Every line that looked like data but could not be read, and why, per document.
select
    source_file,
    source_line,
    reason,
    raw_line
from {{ ref('audit_extraction_rejects') }}
order by source_file, source_line
