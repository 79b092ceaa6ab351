{#- The printed totals of documents with rejected lines, beside the sum of the rows
    that were read: the gap is the value of the rejected rows (and, for NAV, of the
    suppressed cells), never spread over the published rows. -#}
{%- set rejects = ref('stg_extraction__rejects') -%}
{%- set totals = [
    {'kind': 'care_staffing', 'relation': ref('stg_care_staffing__man_years'), 'column': 'man_years',
     'partition': ['source_sha256', 'year', 'education_type'], 'components': "area_level = 'municipality'",
     'total': "area_level = 'country'", 'suppressed': 'false'},
    {'kind': 'tiltak', 'relation': ref('stg_tiltak__participants'), 'column': 'participants',
     'partition': ['source_sha256', 'table_number', 'month'], 'components': "measure = 'month' and not is_total_row",
     'total': "measure = 'month' and is_total_row", 'suppressed': 'is_suppressed'},
    {'kind': 'sickness_absence', 'relation': ref('stg_sickness_absence__absence'), 'column': 'absence_days',
     'partition': ['source_sha256', 'sex', 'year', 'quarter'], 'components': "area_level = 'municipality'",
     'total': "area_level = 'total'", 'suppressed': 'false'},
] -%}

with
{%- for total in totals %}

{{ total.kind }}_totals as (
    {{ partition_sums_sql(total.relation, total.column, total.partition, total.components, total.total, total.suppressed, rejects) }}
),
{%- endfor %}

gaps as (
    {%- for total in totals %}
    select
        '{{ total.kind }}' as document_kind,
        source_sha256,
        {%- set described = [] %}
        {%- for key in total.partition[1:] %}{% do described.append("'" ~ key ~ "=' || coalesce(cast(" ~ key ~ " as varchar), 'NULL')") %}{% endfor %}
        {{ described | join(" || ', ' || ") }} as total_of,
        cast(published_total as decimal(18, 2)) as published_total,
        cast(component_sum as decimal(18, 2)) as read_sum,
        cast(published_total - component_sum as decimal(18, 2)) as gap,
        cast(suppressed_cells as bigint) as suppressed_cells,
        cast(rejected_lines as bigint) as rejected_lines
    from {{ total.kind }}_totals
    where rejected_lines > 0
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),

documents as (
    select
        source_sha256,
        source_file
    from {{ ref('stg_extraction__manifest') }}
)

select
    gaps.document_kind,
    documents.source_file,
    gaps.source_sha256,
    gaps.total_of,
    gaps.published_total,
    gaps.read_sum,
    gaps.gap,
    gaps.suppressed_cells,
    gaps.rejected_lines
from gaps
left join documents
    on gaps.source_sha256 = documents.source_sha256
