-- Conservation: for every harmonised fact, measure and national partition (the
-- fact's grain without the municipality, e.g. one year and education type), the
-- sum before harmonisation equals the sum of the harmonised known values plus what
-- `audit_harmonisation_exclusions` says was left out. Shares are floating-point
-- (0.8113 × 0.1887 …), so the tolerance is a thousandth of a unit: still "to the
-- unit" for counts and to the öre for amounts.
{%- set facts = harmonised_facts() %}
with
{%- for fact_name, fact in facts.items() %}
    {%- set partition = fact_keys_expression(fact['keys']) %}
    {%- for measure in fact['measures'] %}
        {{ fact_name }}_{{ measure['name'] }} as (
            with before as (
                select
                    {{ partition }} as fact_keys,
                    sum(cast({{ measure.get('expression', measure['name']) }} as double)) as total
                from {{ ref(fact_name) }}
                group by all
            ),

            after as (
                select
                    {{ partition }} as fact_keys,
                    sum({{ measure['name'] }}_known) as total
                from {{ ref(fact_name ~ '_harmonised') }}
                group by all
            ),

            excluded as (
                select
                    fact_keys,
                    sum(excluded_value) as total
                from {{ ref('audit_harmonisation_exclusions') }}
                where fact_model = '{{ fact_name }}' and measure = '{{ measure["name"] }}'
                group by all
            )

            select
                '{{ fact_name }}' as fact_model,
                '{{ measure["name"] }}' as measure,
                before.fact_keys,
                before.total as total_before,
                after.total as total_after,
                excluded.total as total_excluded
            from before
            full outer join after on before.fact_keys = after.fact_keys
            full outer join excluded on coalesce(before.fact_keys, after.fact_keys) = excluded.fact_keys
        ),
    {%- endfor %}
{%- endfor %}

compared as (
    {%- for fact_name, fact in facts.items() %}
        {%- set outer_loop = loop %}
        {%- for measure in fact['measures'] %}
            select * from {{ fact_name }}_{{ measure['name'] }}
            {%- if not (outer_loop.last and loop.last) %}
                union all
            {%- endif %}
        {%- endfor %}
    {%- endfor %}
)

select *
from compared
where
    fact_keys is null
    or abs(coalesce(total_before, 0) - coalesce(total_after, 0) - coalesce(total_excluded, 0)) > 0.001
