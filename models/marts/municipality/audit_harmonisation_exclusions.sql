-- What the harmonised marts leave out, one row per fact cell and measure: cells of
-- splits without a documented share (their whole value, not divided among the
-- successors listed in `would_go_to`), cells of area codes that are not
-- municipalities (2100 Svalbard), codes that are no municipality (9999 Ukjent), and
-- codes printed for a date they were not valid. The conservation test adds these
-- values back: national sum before = Σ harmonised known values + Σ excluded here.
{%- set facts = harmonised_facts() %}
with
{% for fact_name, fact in facts.items() %}
    {{ fact_name }}_contributions as (
        {{ harmonisation_contributions(fact_name) }}
    ),

    {{ fact_name }}_excluded as (
        {%- for measure in fact['measures'] %}
            select
                fact_model,
                '{{ measure["name"] }}' as measure,
                {{ fact_keys_expression(fact['keys']) }} as fact_keys,
                at_date,
                municipality_code,
                version_id,
                contribution_status as exclusion_reason,
                string_agg(current_municipality_code, ',' order by current_municipality_code) as would_go_to,
                any_value({{ measure['name'] }}) as excluded_value,
                source_file,
                source_line
            from {{ fact_name }}_contributions
            where contribution_status != 'harmonised'
            group by all
            {%- if not loop.last %}
                union all
            {%- endif %}
        {%- endfor %}
    ),
{% endfor %}

excluded as (
    {%- for fact_name in facts %}
        select * from {{ fact_name }}_excluded
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}
)

select
    fact_model,
    measure,
    fact_keys,
    at_date,
    municipality_code,
    version_id,
    exclusion_reason,
    would_go_to,
    excluded_value,
    source_file,
    source_line
from excluded
