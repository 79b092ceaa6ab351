-- The printed totals of documents with rejected lines, beside the sum of the rows
-- that were read: the gap is the value of the rejected rows (and, for NAV, of the
-- suppressed cells), never spread over the published rows. The totals are those
-- the staging models' total tests check.
with care_staffing as (
    {{ total_gaps_sql(
        'care_staffing', ref('stg_care_staffing__man_years'), 'man_years',
        ['source_sha256', 'year', 'education_type'], "area_level = 'municipality'", "area_level = 'country'"
    ) }}
),

tiltak as (
    {{ total_gaps_sql(
        'tiltak', ref('stg_tiltak__participants'), 'participants',
        ['source_sha256', 'table_number', 'month'], "measure = 'month' and not is_total_row",
        "measure = 'month' and is_total_row", 'is_suppressed'
    ) }}
),

sickness_absence as (
    {{ total_gaps_sql(
        'sickness_absence', ref('stg_sickness_absence__absence'), 'absence_days',
        ['source_sha256', 'table_level', 'sex', 'year', 'quarter'], "area_level != 'total'", "area_level = 'total'"
    ) }}
),

gaps as (
    select * from care_staffing
    union all
    select * from tiltak
    union all
    select * from sickness_absence
),

documents as (
    select
        source_sha256,
        source_file
    from {{ ref('stg_extraction__manifest') }}
)

select
    gaps.document_kind,
    documents.source_file,
    gaps.source_sha256,
    gaps.total_of,
    gaps.published_total,
    gaps.read_sum,
    gaps.gap,
    gaps.suppressed_cells,
    gaps.rejected_lines
from gaps
left join documents
    on gaps.source_sha256 = documents.source_sha256
