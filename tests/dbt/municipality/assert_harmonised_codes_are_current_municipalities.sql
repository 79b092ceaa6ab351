-- Every harmonised mart is keyed by municipalities in force on the structure date
-- (never an area code such as 2100 Svalbard, never an old code).
{%- set facts = harmonised_facts() %}
with current_municipalities as (
    select municipality_code
    from {{ ref('dim_municipality') }}
    where is_current and is_municipality
),

harmonised_codes as (
    {%- for fact_name in facts %}
        select distinct
            '{{ fact_name }}_harmonised' as harmonised_model,
            municipality_code
        from {{ ref(fact_name ~ '_harmonised') }}
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}
)

select harmonised_codes.*
from harmonised_codes
where harmonised_codes.municipality_code not in (select current_municipalities.municipality_code from current_municipalities)
