-- Every column of every seed, as loaded, has a description in seeds/_seeds.yml (issue 7:
-- "seeds with column types and descriptions"). Reads the seeds' columns from the
-- warehouse and their descriptions from the project graph; lists what is undescribed.
-- depends_on: {{ ref('municipality_versions') }}
-- depends_on: {{ ref('municipality_changes') }}
-- depends_on: {{ ref('county_versions') }}
{%- set undescribed = [] %}
{%- if execute %}
    {%- for node in graph.nodes.values() if node.resource_type == 'seed' and node.package_name == project_name %}
        {%- set relation = adapter.get_relation(database=node.database, schema=node.schema, identifier=node.alias) %}
        {%- if relation is none %}
            {%- do undescribed.append((node.name, '(seed not loaded)')) %}
        {%- else %}
            {%- for column in adapter.get_columns_in_relation(relation) %}
                {%- set documented = node.columns.get(column.name) %}
                {%- if documented is none or not documented.description %}
                    {%- do undescribed.append((node.name, column.name)) %}
                {%- endif %}
            {%- endfor %}
        {%- endif %}
    {%- endfor %}
{%- endif %}
with undescribed_columns (seed_name, column_name) as (
    {%- if undescribed %}
        values
        {%- for seed_name, column_name in undescribed %}
            ('{{ seed_name }}', '{{ column_name }}'){{ "," if not loop.last }}
        {%- endfor %}
    {%- else %}
        select
            null::varchar as seed_name,
            null::varchar as column_name
        where false
    {%- endif %}
)

select * from undescribed_columns
