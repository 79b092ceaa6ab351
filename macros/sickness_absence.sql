{#-
    Which row of `stg_sickness_absence__absence` the marts keep when several documents
    give the same year × quarter × municipality × sex: a published figure before a
    derived one (days − change) before none, a published rate before none; between
    two rows of equal status (two editions publishing the same quarter) the document
    whose file name sorts first, then its hash. That last rule is arbitrary but
    repeatable: `audit_sickness_absence_disagreements` lists every key where it, or
    the status rule, set aside a different figure.
-#}
{#-
    A table's structure date: the first day of its latest quarter (`table_year`,
    `table_quarter`), whose municipalities and counties all its rows follow.
-#}
{% macro sickness_absence_structure_date() %}
    make_date(table_year, table_quarter * 3 - 2, 1)
{% endmacro %}

{% macro sickness_absence_status_rank(status_column) %}
    case {{ status_column }} when 'published' then 1 when 'derived' then 2 else 3 end
{% endmacro %}

{% macro sickness_absence_preference_order() %}
    {{ sickness_absence_status_rank('days_status') }},
    {{ sickness_absence_status_rank('rate_status') }},
    source_file,
    source_sha256
{% endmacro %}

{#-
    Municipality rows of `relation` whose figure differs from the one the marts keep
    for the same key: both man-day figures (or both rates) present and different. A
    cell one document does not publish is no disagreement. `decided_by` says which
    rule chose: `status` (published over derived, or a figure over none) or
    `file_name` (equal status, so the file name and hash decided).
-#}
{% macro sickness_absence_disagreements_sql(relation) %}
    with ranked as (
        select
            *,
            {{ sickness_absence_status_rank('days_status') }} as days_rank,
            {{ sickness_absence_status_rank('rate_status') }} as rate_rank,
            row_number() over (
                partition by year, quarter, municipality_code, sex
                order by {{ sickness_absence_preference_order() }}
            ) as preference
        from {{ relation }}
        where area_level = 'municipality'
    ),

    paired as (
        select
            kept.year,
            kept.quarter,
            kept.municipality_code,
            kept.sex,
            kept.source_name,
            kept.absence_days as kept_absence_days,
            kept.days_status as kept_days_status,
            kept.absence_rate_pct as kept_absence_rate_pct,
            kept.rate_status as kept_rate_status,
            other.absence_days as other_absence_days,
            other.days_status as other_days_status,
            other.absence_rate_pct as other_absence_rate_pct,
            other.rate_status as other_rate_status,
            case
                when kept.days_rank = other.days_rank and kept.rate_rank = other.rate_rank then 'file_name'
                else 'status'
            end as decided_by,
            kept.source_file as kept_source_file,
            kept.source_sha256 as kept_source_sha256,
            kept.source_line as kept_source_line,
            other.source_file as other_source_file,
            other.source_sha256 as other_source_sha256,
            other.source_line as other_source_line
        from ranked as kept
        inner join ranked as other
            on
                kept.year = other.year
                and kept.quarter = other.quarter
                and kept.municipality_code = other.municipality_code
                and kept.sex = other.sex
                and kept.preference = 1
                and other.preference > 1
    )

    select *
    from paired
    where
        kept_absence_days != other_absence_days
        or kept_absence_rate_pct != other_absence_rate_pct
{% endmacro %}

{#-
    The national rate re-derived from the municipalities, against the TOTAL row's
    published rate, per document × sex × year × quarter. Each municipality's
    scheduled man-days are its man-days ÷ its rate × 100, so the municipalities'
    rate is 100 × Σ man-days ÷ Σ scheduled man-days. It is independent of how the
    parser chose a reading: a municipality read a thousandfold too large keeps its
    own rates consistent but pulls this rate to its own. Returns the quarters whose
    gap exceeds the TOTAL rate's rounding (`rate_half_unit`) plus
    `unknown_residence_share` of the rate (the TOTAL also counts people with
    unknown residence, whose rate may differ). Municipalities without man-days or
    with a rate of 0 (no scheduled man-days to derive) are left out.
-#}
{% macro sickness_absence_national_rate_gaps_sql(relation, rate_half_unit=0.05, unknown_residence_share=0.005) %}
    with municipality_sums as (
        select
            source_sha256,
            sex,
            year,
            quarter,
            sum(absence_days) as absence_days,
            sum(absence_days * 100.0 / cast(absence_rate_pct as double)) as scheduled_days,
            count(*) as municipalities
        from {{ relation }}
        where
            area_level = 'municipality'
            and absence_days is not null
            and absence_rate_pct > 0
        group by source_sha256, sex, year, quarter
    ),

    total_rates as (
        select
            source_sha256,
            sex,
            year,
            quarter,
            cast(absence_rate_pct as double) as published_rate_pct
        from {{ relation }}
        where
            area_level = 'total'
            and absence_rate_pct is not null
    ),

    compared as (
        select
            total_rates.source_sha256,
            total_rates.sex,
            total_rates.year,
            total_rates.quarter,
            total_rates.published_rate_pct,
            municipality_sums.municipalities,
            100.0 * municipality_sums.absence_days / municipality_sums.scheduled_days as rederived_rate_pct,
            {{ rate_half_unit }} + {{ unknown_residence_share }} * total_rates.published_rate_pct as allowed_gap
        from total_rates
        inner join municipality_sums
            on
                total_rates.source_sha256 = municipality_sums.source_sha256
                and total_rates.sex = municipality_sums.sex
                and total_rates.year = municipality_sums.year
                and total_rates.quarter = municipality_sums.quarter
    )

    select *
    from compared
    where abs(rederived_rate_pct - published_rate_pct) > allowed_gap
{% endmacro %}

{#-
    The rows of `relation` the marts keep: one per year × quarter × `area_column` ×
    sex, the first in `sickness_absence_preference_order`.
-#}
{% macro sickness_absence_preferred_rows(relation, area_column) %}
    select *
    from {{ relation }}
    qualify
        row_number() over (
            partition by year, quarter, {{ area_column }}, sex
            order by {{ sickness_absence_preference_order() }}
        ) = 1
{% endmacro %}
