-- Every table row of a document's municipality section (after the header, before
-- the `Bydeler` row; the parser counts them as the fact `municipality_rows` whether
-- they parse or not) is accounted for: a municipality of the annual mart, a total
-- row (county, country) of staging, or a rejected line. A row dropped on the way
-- fails here; a rejected one passes and is listed by warn_when_lines_were_rejected.
with facts as (
    select * from {{ ref('stg_extraction__document_facts') }}
    where document_kind = 'home_care_fees'
),

sections as (
    select
        source_sha256,
        max(case when fact = 'municipality_rows' then cast(fact_value as integer) end) as document_rows,
        coalesce(max(case when fact = 'district_section' then source_line end), 2147483647) as districts_from_line
    from facts
    group by source_sha256
),

mart_rows as (
    select
        source_sha256,
        source_line
    from {{ ref('fct_home_care_fees_annual') }}
),

total_rows as (
    select
        source_sha256,
        source_line
    from {{ ref('stg_home_care_fees__fees') }}
    where area_level in ('county', 'country')
),

rejected_rows as (
    select
        source_sha256,
        source_line
    from {{ ref('stg_extraction__rejects') }}
    -- An exact copy of a row is a line more than the table counts: its row is read once.
    where document_kind = 'home_care_fees' and duplicate_of_line is null
),

accounted as (
    select
        source_sha256,
        source_line,
        'mart' as accounted_as
    from mart_rows
    union all
    select
        source_sha256,
        source_line,
        'total' as accounted_as
    from total_rows
    union all
    select
        source_sha256,
        source_line,
        'reject' as accounted_as
    from rejected_rows
),

in_section as (
    select
        sections.source_sha256,
        count(*) filter (where accounted.accounted_as = 'mart') as mart_municipalities,
        count(*) filter (where accounted.accounted_as = 'total') as total_rows,
        count(*) filter (where accounted.accounted_as = 'reject') as rejected_rows
    from sections
    inner join accounted
        on
            sections.source_sha256 = accounted.source_sha256
            and sections.districts_from_line > accounted.source_line
    group by sections.source_sha256
),

compared as (
    select
        sections.source_sha256,
        sections.document_rows,
        coalesce(in_section.mart_municipalities, 0) as mart_municipalities,
        coalesce(in_section.total_rows, 0) as total_rows,
        coalesce(in_section.rejected_rows, 0) as rejected_rows
    from sections
    left join in_section
        on sections.source_sha256 = in_section.source_sha256
)

select *
from compared
where
    document_rows is null
    or document_rows != mart_municipalities + total_rows + rejected_rows
