-- Every headline of the profile is the complete value or NULL, never a partial sum,
-- for every harmonised source alike, and its `<source>_is_complete` flag agrees.
-- Hand-checked: Narvik (1806, with part of Tysfjord) and Heim (5055, with part of
-- Snillfjord), splits without a documented share, have no care-staffing, sickness or
-- teacher-norm headline (at most a care-staffing lower bound, when 1999 data is loaded).
with profile as (
    select * from {{ ref('mart_municipality_profile') }}
),

inconsistent_headlines as (
    select
        municipality_code,
        'care_staffing' as headline_source
    from profile
    where
        care_staffing_is_complete = (care_staffing_man_years is null)
        or care_staffing_man_years_known_lower_bound < care_staffing_man_years
        or (care_staffing_is_complete and care_staffing_man_years_known_lower_bound != care_staffing_man_years)
    union all
    select
        municipality_code,
        'tiltak' as headline_source
    from profile
    where
        tiltak_is_complete = (
            tiltak_arbeidstrening_participants is null
            or tiltak_arbeidsforberedende_trening_participants is null
        )
    union all
    select
        municipality_code,
        'sickness_absence' as headline_source
    from profile
    where
        sickness_absence_is_complete = (sickness_absence_days is null)
        or sickness_absence_is_complete = (sickness_absence_rate_pct is null)
    union all
    select
        municipality_code,
        'teacher_norm' as headline_source
    from profile
    where
        teacher_norm_is_complete = (teacher_norm_compensation_nok is null)
        or teacher_norm_is_complete = (teacher_norm_missing_man_years is null)
),

hand_checked (municipality_code) as (
    values ('1806'), ('5055')
),

hand_checked_failures as (
    select
        hand_checked.municipality_code,
        'hand_checked' as headline_source
    from hand_checked
    left join profile
        on hand_checked.municipality_code = profile.municipality_code
    where
        profile.municipality_code is null
        or profile.care_staffing_is_complete
        or profile.care_staffing_man_years is not null
        or profile.sickness_absence_days is not null
        or profile.teacher_norm_compensation_nok is not null
)

select * from inconsistent_headlines
union all
select * from hand_checked_failures
