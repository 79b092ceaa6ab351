-- Every breakdown table's "I alt" line is the national total of its measure: the
-- same figure as the overview's row for that measure, month by month.
with cells as (
    select * from {{ ref('stg_tiltak__participants') }}
    where measure = 'month'
),

overview as (
    select
        source_sha256,
        tiltak_type,
        month,
        participants,
    from cells
    where table_dimension = 'total'
),

breakdown_totals as (
    select
        source_sha256,
        table_number,
        table_dimension,
        tiltak_type,
        month,
        participants,
        source_line,
    from cells
    where
        is_total_row
        and table_dimension not in ('total', 'target_group')
)

select
    breakdown_totals.*,
    overview.participants as overview_participants,
from breakdown_totals
left join overview
    on
        breakdown_totals.source_sha256 = overview.source_sha256
        and breakdown_totals.tiltak_type = overview.tiltak_type
        and breakdown_totals.month = overview.month
where overview.participants is distinct from breakdown_totals.participants
