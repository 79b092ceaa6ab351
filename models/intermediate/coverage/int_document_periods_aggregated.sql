-- The first and last day each document's figures cover, whatever the kind: what the
-- quality report and `audit_documents` call the document's period.
with care_staffing as (
    select
        source_sha256,
        make_date(min(year), 1, 1) as period_start,
        make_date(max(year), 12, 31) as period_end
    from {{ ref('stg_care_staffing__man_years') }}
    group by source_sha256
),

home_care_fee_years as (
    -- Both tables of the kind: a document may print only the fee schedule.
    select
        source_sha256,
        year
    from {{ ref('stg_home_care_fees__fees') }}
    union all
    select
        source_sha256,
        year
    from {{ ref('stg_home_care_fees__fee_schedule') }}
),

home_care_fees as (
    select
        source_sha256,
        make_date(min(year), 1, 1) as period_start,
        make_date(max(year), 12, 31) as period_end
    from home_care_fee_years
    group by source_sha256
),

sickness_absence as (
    -- Last year's quarters, printed beside this year's, are part of the period.
    select
        source_sha256,
        min(make_date(year, quarter * 3 - 2, 1)) as period_start,
        max(last_day(make_date(year, quarter * 3, 1))) as period_end
    from {{ ref('stg_sickness_absence__absence') }}
    group by source_sha256
),

tiltak as (
    select
        source_sha256,
        min(report_first_month) as period_start,
        max(last_day(report_last_month)) as period_end
    from {{ ref('stg_tiltak__participants') }}
    group by source_sha256
),

teacher_norm_half_years as (
    -- `2018-H2`: the half-year of the school year the compensation is for.
    select
        source_sha256,
        make_date(cast(left(period, 4) as integer), if(right(period, 1) = '1', 1, 7), 1) as half_year_start
    from {{ ref('stg_teacher_norm__compensation') }}
),

teacher_norm as (
    select
        source_sha256,
        min(half_year_start) as period_start,
        max(last_day(half_year_start + interval 5 month)) as period_end
    from teacher_norm_half_years
    group by source_sha256
),

every_kind as (
    select * from care_staffing
    union all
    select * from home_care_fees
    union all
    select * from sickness_absence
    union all
    select * from tiltak
    union all
    select * from teacher_norm
)

select
    source_sha256,
    period_start,
    cast(period_end as date) as period_end
from every_kind
