-- Every headline of the profile is the complete value or NULL, never a partial sum,
-- for every harmonised source alike, and its `<source>_is_complete` flag agrees.
-- (On the bundled documents this leaves Narvik, 1806, and Heim, 5055, which received
-- parts of Tysfjord and Snillfjord without a documented share, with no headline for
-- 1999, 2002 or 2018; a document published after 2020 gives them complete values.)
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
        -- A report may cover one measure only: the other is then NULL, not missing.
        (
            tiltak_is_complete
            and tiltak_arbeidstrening_participants is null
            and tiltak_arbeidsforberedende_trening_participants is null
        )
        or (
            not tiltak_is_complete
            and tiltak_arbeidstrening_participants is not null
            and tiltak_arbeidsforberedende_trening_participants is not null
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
)

select * from inconsistent_headlines
