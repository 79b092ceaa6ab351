{#-
    Each county's published man-days beside the sum of its municipalities' for the
    same year × quarter × sex, where a release's county and municipal tables are
    both loaded. Only quarters both tables publish are compared (not the year-earlier
    ones they derive: a table's codes follow its own year). A municipality belongs
    to the county of its version valid at the quarter's first day.

    The two sum the same employees by residence, so they agree within rounding —
    half a man-day per published figure — and `share` of the county's figure, for
    residents whose municipality is unknown but whose county is not. A municipality
    whose man-days are not published makes the sum a lower bound: the county may
    then exceed it by any amount, never fall below it. `agrees` is false otherwise.

    `county_facts` has `year`, `quarter`, `sex`, `county_code`, `absence_days`,
    `is_derived`; `municipal_facts` the same with `municipality_code`; `versions`
    is `stg_reference__municipality_versions`.
-#}
{% macro county_municipal_gaps_sql(county_facts, municipal_facts, versions, share=0.005) %}
    with counties as (
        select
            year,
            quarter,
            sex,
            county_code,
            absence_days as county_absence_days
        from {{ county_facts }}
        where
            not is_derived
            and absence_days is not null
    ),

    municipalities as (
        select
            municipal_facts.year,
            municipal_facts.quarter,
            municipal_facts.sex,
            versions.county_code,
            count(*) as municipalities,
            count(*) filter (where municipal_facts.absence_days is null) as municipalities_not_published,
            coalesce(sum(municipal_facts.absence_days), 0) as municipalities_absence_days
        from {{ municipal_facts }} as municipal_facts
        inner join {{ versions }} as versions
            on
                municipal_facts.municipality_code = versions.municipality_code
                and make_date(municipal_facts.year, municipal_facts.quarter * 3 - 2, 1) >= versions.valid_from
                and (
                    versions.valid_to is null
                    or make_date(municipal_facts.year, municipal_facts.quarter * 3 - 2, 1) <= versions.valid_to
                )
        where not municipal_facts.is_derived
        group by municipal_facts.year, municipal_facts.quarter, municipal_facts.sex, versions.county_code
    ),

    compared as (
        select
            counties.year,
            counties.quarter,
            counties.sex,
            counties.county_code,
            counties.county_absence_days,
            municipalities.municipalities_absence_days,
            cast(municipalities.municipalities as integer) as municipalities,
            cast(municipalities.municipalities_not_published as integer) as municipalities_not_published,
            counties.county_absence_days - municipalities.municipalities_absence_days as gap,
            cast(
                0.5 * (municipalities.municipalities - municipalities.municipalities_not_published + 1)
                + {{ share }} * counties.county_absence_days
                as decimal(18, 1)
            ) as allowed_gap
        from counties
        inner join municipalities
            on
                counties.year = municipalities.year
                and counties.quarter = municipalities.quarter
                and counties.sex = municipalities.sex
                and counties.county_code = municipalities.county_code
    )

    select
        *,
        case
            when municipalities_not_published > 0 then gap >= -allowed_gap
            else abs(gap) <= allowed_gap
        end as agrees
    from compared
{% endmacro %}
