-- Every municipality line of a report is a row or a reject. The parser counts the
-- municipality tables' lines by their label before it reads their cells (fact
-- `municipality_rows`, value `<tiltak_type>:<lines>`) and how many of those it
-- rejected (`municipality_rows_rejected`): a line dropped without a reject leaves
-- the count above the rows kept plus the rejects.
with facts as (
    select
        source_sha256,
        fact,
        cast(split_part(fact_value, ':', 2) as integer) as line_count,
        split_part(fact_value, ':', 1) as tiltak_type
    from {{ ref('stg_extraction__document_facts') }}
    where
        document_kind = 'tiltak'
        and fact in ('municipality_rows', 'municipality_rows_rejected')
),

counted as (
    select
        source_sha256,
        tiltak_type,
        sum(line_count) filter (where fact = 'municipality_rows') as document_lines,
        sum(line_count) filter (where fact = 'municipality_rows_rejected') as rejected_lines
    from facts
    group by source_sha256, tiltak_type
),

kept as (
    select
        source_sha256,
        tiltak_type,
        count(distinct concat(table_number, '/', code)) as kept_rows
    from {{ ref('stg_tiltak__participants') }}
    where
        table_dimension = 'municipality'
        and not is_total_row
    group by source_sha256, tiltak_type
),

compared as (
    select
        counted.document_lines,
        counted.rejected_lines,
        coalesce(counted.source_sha256, kept.source_sha256) as source_sha256,
        coalesce(counted.tiltak_type, kept.tiltak_type) as tiltak_type,
        coalesce(kept.kept_rows, 0) as kept_rows
    from counted
    full outer join kept
        on
            counted.source_sha256 = kept.source_sha256
            and counted.tiltak_type = kept.tiltak_type
)

select
    source_sha256,
    tiltak_type,
    document_lines,
    rejected_lines,
    kept_rows
from compared
where
    document_lines is null
    or document_lines != kept_rows + coalesce(rejected_lines, 0)
