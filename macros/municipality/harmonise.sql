{#-
    Every cell of a harmonised fact joined to the version of its code valid at its
    date and through `municipality_code_bridge` to today's municipalities: one row
    per cell and current municipality (one row with NULL target when the cell does
    not reach one). `contribution_status` says what happens to it:
      harmonised              added to the current municipality × allocation_share
      undocumented_share      a split without a documented share: left out of every
                              successor, counted in `undocumented_share_cells`
      not_a_municipality      2100 Svalbard, 2211 Jan Mayen (area codes)
      not_in_reference        a code that is no municipality at all (NAV's 9999 Ukjent)
      code_not_valid_at_date  a code printed for a year it did not exist (rows without
                              figures, e.g. 0718 for 2002 in the 2002 sickness table)
-#}
{% macro harmonisation_contributions(fact_name) %}
    {%- set fact = harmonised_facts()[fact_name] -%}
    with cells as (
        select
            {% for key in fact['keys'] -%}
            {{ key }},
            {% endfor -%}
            municipality_code,
            cast({{ fact['date'] }} as date) as at_date,
            {% for measure in fact['measures'] -%}
            cast({{ measure.get('expression', measure['name']) }} as decimal(38, 6)) as {{ measure['name'] }},
            {% endfor -%}
            {% for flag in fact['flags'] -%}
            coalesce({{ flag['expression'] }}, false) as {{ flag['name'] }},
            {% endfor -%}
            source_file,
            source_line
        from {{ ref(fact_name) }}
    ),

    versions as (
        select * from {{ ref('stg_reference__municipality_versions') }}
    ),

    bridge as (
        select * from {{ ref('municipality_code_bridge') }}
    ),

    resolved as (
        select
            cells.*,
            versions.version_id,
            cells.municipality_code in (select known.municipality_code from versions as known) as is_known_code
        from cells
        left join versions
            on
                cells.municipality_code = versions.municipality_code
                and versions.valid_from <= cells.at_date
                and (versions.valid_to is null or versions.valid_to >= cells.at_date)
    )

    select
        '{{ fact_name }}' as fact_model,
        resolved.*,
        bridge.current_municipality_code,
        bridge.current_version_id,
        bridge.allocation_share,
        bridge.share_basis,
        case
            when resolved.version_id is null and not resolved.is_known_code then 'not_in_reference'
            when resolved.version_id is null then 'code_not_valid_at_date'
            when not bridge.is_municipality then 'not_a_municipality'
            when not bridge.is_share_documented then 'undocumented_share'
            else 'harmonised'
        end as contribution_status,
        {% for measure in fact['measures'] -%}
        resolved.{{ measure['name'] }} * bridge.allocation_share as {{ measure['name'] }}_contribution{{ "," if not loop.last }}
        {% endfor %}
    from resolved
    left join bridge
        on resolved.version_id = bridge.version_id
{% endmacro %}


{#-
    A fact summed onto today's municipalities. Per measure `m`:
      m                 the harmonised value: Σ value × share over the contributing
                        cells, NULL unless every contributing cell has a value and a
                        documented share (`is_complete`)
      m_known           Σ over the cells that have both (a lower bound when incomplete;
                        NULL when none has)
      m_missing_cells   contributing cells without a value (suppressed, missing, not
                        published)
    and `contributing_cells`, `undocumented_share_cells`, `source_municipality_codes`,
    `is_complete`, the ratios re-derived from the complete sums, and the flag counts.
-#}
{% macro harmonise_additive(fact_name) %}
    {%- set fact = harmonised_facts()[fact_name] -%}
    with contributions as (
        {{ harmonisation_contributions(fact_name) }}
    ),

    to_current_municipalities as (
        select *
        from contributions
        where contribution_status in ('harmonised', 'undocumented_share')
    ),

    summed as (
        select
            {% for key in fact['keys'] -%}
            {{ key }},
            {% endfor -%}
            current_municipality_code as municipality_code,
            {% for measure in fact['measures'] -%}
            {%- set m = measure['name'] -%}
            -- Decimals throughout (counts stay exact; fractional only where a documented
            -- split share makes them so), kept to a millionth: shares carry five
            -- decimals, values two.
            cast(
                round(sum({{ m }}_contribution) filter (where contribution_status = 'harmonised'), 6)
                as decimal(38, 6)
            ) as {{ m }}_known,
            count(*) filter (where {{ m }} is null) as {{ m }}_missing_cells,
            {% endfor -%}
            {% for flag in fact['flags'] -%}
            count(*) filter (where {{ flag['name'] }}) as {{ flag['name'] }},
            {% endfor -%}
            count(*) as contributing_cells,
            count(*) filter (where contribution_status = 'undocumented_share') as undocumented_share_cells,
            string_agg(distinct municipality_code, ',' order by municipality_code) as source_municipality_codes
        from to_current_municipalities
        group by
            {% for key in fact['keys'] -%}
            {{ key }},
            {% endfor -%}
            current_municipality_code
    ),

    completed as (
        select
            *,
            {% for measure in fact['measures'] -%}
            {%- set m = measure['name'] -%}
            case
                when {{ m }}_missing_cells = 0 and undocumented_share_cells = 0 then {{ m }}_known
            end as {{ m }},
            {% endfor -%}
            undocumented_share_cells = 0
            {%- for measure in fact['measures'] %}
            and {{ measure['name'] }}_missing_cells = 0
            {%- endfor %} as is_complete
        from summed
    )

    select
        completed.*
        {%- for ratio in fact['ratios'] %},
        {{ ratio['scale'] }} * {{ ratio['numerator'] }} / nullif({{ ratio['denominator'] }}, 0) as {{ ratio['name'] }}
        {%- endfor %}
    from completed
{% endmacro %}


{#- The grain of a fact cell besides the municipality, as text: `year=1999, education_type=nurses`. -#}
{% macro fact_keys_expression(keys) -%}
    concat_ws(', ', {% for key in keys %}'{{ key }}=' || cast({{ key }} as varchar){{ ", " if not loop.last }}{% endfor %})
{%- endmacro %}
