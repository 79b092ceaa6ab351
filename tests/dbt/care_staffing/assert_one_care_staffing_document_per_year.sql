-- Two documents for the same year (a corrected edition beside the original) would
-- double every key of the fact, and neither says which is newer: name both files
-- rather than pick one. Remove the edition that does not apply and run again.
select
    year,
    count(distinct source_sha256) as documents,
    string_agg(distinct source_file, ', ' order by source_file) as source_files
from {{ ref('stg_care_staffing__man_years') }}
group by year
having count(distinct source_sha256) > 1
