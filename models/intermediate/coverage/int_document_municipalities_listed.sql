-- Every municipality each document lists, with the date of the structure its codes
-- follow: one row per document and code, whatever the kind.
with care_staffing as (
    select distinct
        'care_staffing' as document_kind,
        source_sha256,
        municipality_code,
        make_date(year, 1, 1) as structure_date
    from {{ ref('stg_care_staffing__man_years') }}
    where area_level = 'municipality'
),

home_care_fees as (
    select distinct
        'home_care_fees' as document_kind,
        source_sha256,
        municipality_code,
        make_date(year, 1, 1) as structure_date
    from {{ ref('stg_home_care_fees__fees') }}
    where area_level = 'municipality'
),

sickness_absence as (
    -- A table's rows also carry last year's quarters: the codes are of its latest.
    select
        'sickness_absence' as document_kind,
        source_sha256,
        municipality_code,
        max(make_date(year, quarter * 3 - 2, 1)) as structure_date
    from {{ ref('stg_sickness_absence__absence') }}
    where area_level = 'municipality'
    group by source_sha256, municipality_code
),

tiltak as (
    -- NAV prints the codes of today's municipalities for every month of a report.
    select
        'tiltak' as document_kind,
        source_sha256,
        code as municipality_code,
        max(month) as structure_date
    from {{ ref('stg_tiltak__participants') }}
    where
        table_dimension = 'municipality'
        and not is_total_row
        and code != '9999'
    group by source_sha256, code
),

teacher_norm as (
    select distinct
        'teacher_norm' as document_kind,
        source_sha256,
        municipality_code,
        structure_date
    from {{ ref('stg_teacher_norm__compensation') }}
    where
        area_level = 'municipality'
        and municipality_code is not null
),

listed as (
    select * from care_staffing
    union all
    select * from home_care_fees
    union all
    select * from sickness_absence
    union all
    select * from tiltak
    union all
    select * from teacher_norm
)

select
    document_kind,
    source_sha256,
    municipality_code,
    max(structure_date) over (partition by source_sha256) as structure_date
from listed
