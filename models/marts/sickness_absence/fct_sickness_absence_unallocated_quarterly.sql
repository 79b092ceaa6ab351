-- What each table's TOTAL counts beyond its areas: employees resident in no listed
-- municipality or county. Derived as the TOTAL less the sum of the areas only where
-- the document's arithmetic proves it (every area has man-days and no line of the
-- document was rejected); otherwise NULL, with the reason. Never spread over the
-- areas. Where several documents give a key, the one the facts prefer is kept
-- (`sickness_absence_preference_order` on the TOTAL row).
with absence as (
    select * from {{ ref('stg_sickness_absence__absence') }}
),

rejected_lines as (
    {{ rejected_lines_per_document() }}
),

per_table as (
    select
        source_sha256,
        table_level,
        sex,
        year,
        quarter,
        cast(count(*) filter (where area_level in ('municipality', 'county')) as integer) as areas,
        max(absence_days) filter (where area_level = 'total') as total_absence_days,
        max(days_status) filter (where area_level = 'total') as days_status,
        max(source_file) filter (where area_level = 'total') as source_file,
        max(source_line) filter (where area_level = 'total') as source_line,
        count(*) filter (where area_level in ('municipality', 'county') and absence_days is null)
            as areas_without_days,
        sum(absence_days) filter (where area_level in ('municipality', 'county')) as areas_absence_days,
        count(*) filter (where area_level = 'unallocated') > 0 as has_printed_unallocated_row,
        sum(absence_days) filter (where area_level = 'unallocated') as printed_unallocated_days
    from absence
    group by source_sha256, table_level, sex, year, quarter
),

derived as (
    select
        per_table.*,
        coalesce(rejected_lines.rejected_lines, 0) as rejected_lines,
        case
            when per_table.total_absence_days is null then 'no_total'
            when per_table.areas_without_days > 0 then 'areas_not_published'
            when coalesce(rejected_lines.rejected_lines, 0) > 0 then 'lines_rejected'
        end as not_derived_because
    from per_table
    left join rejected_lines
        on per_table.source_sha256 = rejected_lines.source_sha256
),

ranked as (
    select
        *,
        row_number() over (
            partition by table_level, sex, year, quarter
            order by
                {{ sickness_absence_status_rank('days_status') }},
                not_derived_because nulls first,
                source_file,
                source_sha256
        ) as preference
    from derived
)

select
    year,
    quarter,
    table_level,
    sex,
    total_absence_days,
    areas_absence_days,
    not_derived_because,
    printed_unallocated_days,
    source_file,
    source_sha256,
    source_line,
    areas,
    has_printed_unallocated_row,
    case when not_derived_because is null then total_absence_days - areas_absence_days end as unallocated_days,
    case when not_derived_because is null then 'derived' else 'not_derived' end as unallocated_status,
    case
        when not_derived_because is null and total_absence_days > 0
            then cast(round((total_absence_days - areas_absence_days) / total_absence_days, 6) as decimal(9, 6))
    end as unallocated_share
from ranked
where preference = 1
