-- One row per municipality in force on the structure date, with the headline figure
-- of every source on today's municipalities and its period beside it, so that a BI
-- tool needs no joins. Each source contributes its latest period in the warehouse
-- (the same period for every municipality, so the columns compare). A headline is
-- the complete value or NULL, never a partial sum: NULL when part of today's
-- municipality cannot be counted (a split without a documented share: Narvik, Heim
-- …), with `<source>_is_complete` saying so; for care staffing the sum of what is
-- known is kept apart in `care_staffing_man_years_known_lower_bound`.
with current_municipalities as (
    select *
    from {{ ref('dim_municipality') }}
    where
        is_current
        and is_municipality
),

care_staffing as (
    select * from {{ ref('fct_care_staffing_annual_harmonised') }}
),

care_staffing_latest as (
    select
        municipality_code,
        year as care_staffing_year,
        -- Over all education types an empty cell adds nothing, as in the published
        -- total (tested in staging): only an undocumented share makes the sum partial.
        case
            when bool_and(undocumented_share_cells = 0) then round(sum(man_years_known), 6)
        end as care_staffing_man_years,
        round(sum(man_years_known), 6) as care_staffing_man_years_known_lower_bound,
        bool_and(undocumented_share_cells = 0) as care_staffing_is_complete
    from care_staffing
    where year = (select max(latest.year) from care_staffing as latest)
    group by municipality_code, year
),

tiltak as (
    select * from {{ ref('fct_tiltak_monthly_harmonised') }}
),

tiltak_latest as (
    select
        municipality_code,
        month as tiltak_month,
        cast(sum(suppressed_cells) as bigint) as tiltak_suppressed_cells,
        bool_and(is_complete) as tiltak_is_complete,
        any_value(participants) filter (where tiltak_type = 'arbeidstrening') as tiltak_arbeidstrening_participants,
        any_value(participants) filter (
            where tiltak_type = 'arbeidsforberedende_trening'
        ) as tiltak_arbeidsforberedende_trening_participants
    from tiltak
    where month = (select max(latest.month) from tiltak as latest)
    group by municipality_code, month
),

sickness_absence as (
    select * from {{ ref('fct_sickness_absence_quarterly_harmonised') }}
),

sickness_absence_period as (
    -- the latest quarter, both sexes together where the warehouse has them
    select
        year,
        quarter,
        sex
    from sickness_absence
    order by year desc, quarter desc, sex = 'both' desc, sex asc
    limit 1
),

sickness_absence_latest as (
    select
        sickness_absence.municipality_code,
        sickness_absence.year as sickness_absence_year,
        sickness_absence.quarter as sickness_absence_quarter,
        sickness_absence.sex as sickness_absence_sex,
        sickness_absence.absence_days as sickness_absence_days,
        sickness_absence.absence_rate_pct as sickness_absence_rate_pct,
        sickness_absence.is_complete as sickness_absence_is_complete
    from sickness_absence
    inner join sickness_absence_period
        on
            sickness_absence.year = sickness_absence_period.year
            and sickness_absence.quarter = sickness_absence_period.quarter
            and sickness_absence.sex = sickness_absence_period.sex
),

teacher_norm as (
    select * from {{ ref('fct_teacher_norm_compensation_harmonised') }}
),

teacher_norm_latest as (
    select
        municipality_code,
        period as teacher_norm_period,
        compensation_nok as teacher_norm_compensation_nok,
        missing_man_years as teacher_norm_missing_man_years,
        is_complete as teacher_norm_is_complete
    from teacher_norm
    where period = (select max(latest.period) from teacher_norm as latest)
),

home_care_fees as (
    select * from {{ ref('fct_home_care_fees_annual') }}
),

bridge as (
    select * from {{ ref('municipality_code_bridge') }}
),

home_care_fees_latest as (
    -- Shares and payments per user cannot be added: shown only where today's
    -- municipality is exactly one municipality of that year, whole.
    select
        bridge.current_municipality_code as municipality_code,
        home_care_fees.year as home_care_fees_year,
        home_care_fees.municipality_code as home_care_source_municipality_code,
        home_care_fees.share_paying_pct as home_care_share_paying_pct,
        home_care_fees.payment_per_user_nok as home_care_payment_per_user_nok,
        bridge.allocation_share,
        count(*) over (partition by bridge.current_municipality_code) as source_municipalities
    from home_care_fees
    inner join bridge
        on
            home_care_fees.municipality_code = bridge.municipality_code
            and bridge.valid_from <= make_date(home_care_fees.year, 1, 1)
            and (bridge.valid_to is null or bridge.valid_to >= make_date(home_care_fees.year, 1, 1))
    where home_care_fees.year = (select max(latest.year) from home_care_fees as latest)
),

home_care_fees_whole as (
    select *
    from home_care_fees_latest
    where
        source_municipalities = 1
        and allocation_share = 1
)

select
    current_municipalities.municipality_code,
    current_municipalities.municipality_name,
    current_municipalities.name_parallel,
    current_municipalities.display_name,
    current_municipalities.county_code,
    current_municipalities.county_name,
    current_municipalities.valid_from,
    care_staffing_latest.care_staffing_year,
    care_staffing_latest.care_staffing_man_years,
    care_staffing_latest.care_staffing_man_years_known_lower_bound,
    care_staffing_latest.care_staffing_is_complete,
    tiltak_latest.tiltak_month,
    tiltak_latest.tiltak_arbeidstrening_participants,
    tiltak_latest.tiltak_arbeidsforberedende_trening_participants,
    tiltak_latest.tiltak_suppressed_cells,
    tiltak_latest.tiltak_is_complete,
    sickness_absence_latest.sickness_absence_year,
    sickness_absence_latest.sickness_absence_quarter,
    sickness_absence_latest.sickness_absence_sex,
    sickness_absence_latest.sickness_absence_days,
    sickness_absence_latest.sickness_absence_rate_pct,
    sickness_absence_latest.sickness_absence_is_complete,
    teacher_norm_latest.teacher_norm_period,
    teacher_norm_latest.teacher_norm_compensation_nok,
    teacher_norm_latest.teacher_norm_missing_man_years,
    teacher_norm_latest.teacher_norm_is_complete,
    home_care_fees_whole.home_care_fees_year,
    home_care_fees_whole.home_care_source_municipality_code,
    home_care_fees_whole.home_care_share_paying_pct,
    home_care_fees_whole.home_care_payment_per_user_nok
from current_municipalities
left join care_staffing_latest
    on current_municipalities.municipality_code = care_staffing_latest.municipality_code
left join tiltak_latest
    on current_municipalities.municipality_code = tiltak_latest.municipality_code
left join sickness_absence_latest
    on current_municipalities.municipality_code = sickness_absence_latest.municipality_code
left join teacher_norm_latest
    on current_municipalities.municipality_code = teacher_norm_latest.municipality_code
left join home_care_fees_whole
    on current_municipalities.municipality_code = home_care_fees_whole.municipality_code
