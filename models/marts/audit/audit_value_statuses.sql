-- How many of each document's cells are published, and how many are suppressed,
-- missing, not answered, not published or empty (each a status of its own, never 0),
-- per measure. One row per document, measure and status.
{%- set measures = [
    ('care_staffing', 'stg_care_staffing__man_years', ['value_status']),
    ('home_care_fees', 'stg_home_care_fees__fees', ['share_paying_status', 'payment_per_user_status']),
    ('home_care_fees', 'stg_home_care_fees__fee_schedule', ['value_status']),
    ('sickness_absence', 'stg_sickness_absence__absence', ['days_status', 'change_status', 'rate_status']),
    ('teacher_norm', 'stg_teacher_norm__compensation',
        ['missing_man_years_status', 'compensation_nok_status', 'funded_man_years_status']),
    ('tiltak', 'stg_tiltak__participants', ['value_status']),
] %}
with cells as (
    {%- for kind, model, columns in measures %}
        {%- for column in columns %}
            select
                '{{ kind }}' as document_kind,
                source_sha256,
                '{{ model.split("__")[1] }}.{{ column | replace("_status", "") }}'
                    as measure,
                {{ column }} as value_status
            from {{ ref(model) }}
            {%- if not loop.last %}
                union all
            {%- endif %}
        {%- endfor %}
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}
),

counted as (
    select
        document_kind,
        source_sha256,
        measure,
        value_status,
        count(*) as cells
    from cells
    group by document_kind, source_sha256, measure, value_status
),

manifest as (
    select
        source_sha256,
        source_file
    from {{ ref('stg_extraction__manifest') }}
)

select
    counted.document_kind,
    manifest.source_file,
    counted.source_sha256,
    counted.measure,
    counted.value_status,
    counted.cells,
    cast(
        round(counted.cells / sum(counted.cells) over (partition by counted.source_sha256, counted.measure), 4)
        as decimal(5, 4)
    ) as share_of_cells
from counted
left join manifest
    on counted.source_sha256 = manifest.source_sha256
