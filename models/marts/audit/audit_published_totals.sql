-- Every printed total of every document beside the sum of the rows read and the
-- tolerance its test applies: the totals the staging models' total tests check. For
-- a document with rejected lines the gap is what the rejected rows held (and, for
-- NAV, the suppressed cells), never spread over the published rows.
with care_staffing as (
    {{ total_gaps_sql(
        'care_staffing', ref('stg_care_staffing__man_years'), 'man_years',
        ['source_sha256', 'year', 'education_type'], "area_level = 'municipality'", "area_level = 'country'",
        tolerance='sum within 0.01'
    ) }}
),

tiltak as (
    {{ total_gaps_sql(
        'tiltak', ref('stg_tiltak__participants'), 'participants',
        ['source_sha256', 'table_number', 'month'], "measure = 'month' and not is_total_row",
        "measure = 'month' and is_total_row", 'is_suppressed',
        tolerance='sum ≤ total ≤ sum + 3 × suppressed cells'
    ) }}
),

sickness_absence as (
    {{ total_gaps_sql(
        'sickness_absence', ref('stg_sickness_absence__absence'), 'absence_days',
        ['source_sha256', 'table_level', 'sex', 'year', 'quarter'], "area_level != 'total'", "area_level = 'total'",
        tolerance='total × 0.995 ≤ sum ≤ total + 1 per figure'
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
    gaps.rejected_lines,
    gaps.tolerance
from gaps
left join documents
    on gaps.source_sha256 = documents.source_sha256
