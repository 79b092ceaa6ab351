{#-
    The facts harmonised to today's municipalities, in one place: the harmonised
    marts, `audit_harmonisation_exclusions` and the conservation test all read this
    list. To add a fact: an entry here, a model `<fact>_harmonised.sql` calling
    `harmonise_additive('<fact>')`, and its yml.

    - `date`: the date whose municipality structure the row's code belongs to. All
      municipality changes take effect on 1 January (SSB's statistical convention,
      seeds/reference/README.md), so the first day of the period is in the same
      version as every other day of it: annual facts use 1 January, quarterly the
      first day of the quarter, monthly the month; the teacher norm states its own
      structure date (October 2017). A sickness table's last-year quarters follow the
      table's structure (`structure_date`), but are placed at their own quarter here:
      after a reform the new codes' year-earlier figures are left out (and listed),
      so a quarter is never counted under both the old and the new structure.
    - `keys`: the fact's grain without the municipality.
    - `measures`: counts and amounts that add up (a name, or name + expression for a
      measure derived per cell before summing). Prices and shares are never here.
    - `ratios`: re-derived from summed measures (scale × numerator ÷ denominator),
      never averaged.
    - `flags`: counts of contributing cells for which an expression holds.
-#}
{#-
    Every fact keyed by a municipality code as published, with the date whose
    structure its codes belong to (see `date` above). Read by the name audit.
-#}
{% macro municipality_fact_dates() %}
    {{ return({
        'fct_care_staffing_annual': 'make_date(year, 1, 1)',
        'fct_tiltak_monthly': 'month',
        'fct_sickness_absence_quarterly': 'make_date(year, quarter * 3 - 2, 1)',
        'fct_home_care_fees_annual': 'make_date(year, 1, 1)',
        'fct_teacher_norm_compensation': 'structure_date',
    }) }}
{% endmacro %}

{% macro harmonised_facts() %}
    {%- set dates = municipality_fact_dates() -%}
    {{ return({
        'fct_care_staffing_annual': {
            'date': dates['fct_care_staffing_annual'],
            'keys': ['year', 'education_type'],
            'measures': [{'name': 'man_years'}],
            'ratios': [],
            'flags': [],
        },
        'fct_tiltak_monthly': {
            'date': dates['fct_tiltak_monthly'],
            'keys': ['month', 'tiltak_type'],
            'measures': [{'name': 'participants'}],
            'ratios': [],
            'flags': [{'name': 'suppressed_cells', 'expression': 'is_suppressed'}],
        },
        'fct_sickness_absence_quarterly': {
            'date': dates['fct_sickness_absence_quarterly'],
            'keys': ['year', 'quarter', 'sex'],
            'measures': [
                {'name': 'absence_days'},
                {'name': 'scheduled_days', 'expression': 'absence_days * 100.0 / nullif(absence_rate_pct, 0)'},
            ],
            'ratios': [
                {'name': 'absence_rate_pct', 'numerator': 'absence_days', 'denominator': 'scheduled_days', 'scale': 100},
            ],
            'flags': [{'name': 'derived_cells', 'expression': 'is_derived'}],
        },
        'fct_teacher_norm_compensation': {
            'date': dates['fct_teacher_norm_compensation'],
            'keys': ['period'],
            'measures': [{'name': 'missing_man_years'}, {'name': 'compensation_nok'}, {'name': 'funded_man_years'}],
            'ratios': [],
            'flags': [],
        },
    }) }}
{% endmacro %}
