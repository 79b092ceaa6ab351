-- Every table row of a document's `Bydeler` section (the parser counts them as the
-- fact `district_rows` whether they parse or not) is a district of the district mart
-- or a rejected line. A district dropped on the way, or whose parent did not
-- resolve, fails here; a rejected one passes and is listed by warn_when_lines_were_rejected.
with facts as (
    select * from {{ ref('stg_extraction__document_facts') }}
    where document_kind = 'home_care_fees'
),

sections as (
    select
        source_sha256,
        max(case when fact = 'district_rows' then cast(fact_value as integer) end) as document_rows,
        max(case when fact = 'district_section' then source_line end) as districts_from_line
    from facts
    group by source_sha256
),

accounted as (
    select
        source_sha256,
        source_line,
        'mart' as accounted_as
    from {{ ref('fct_home_care_district_fees_annual') }}
    union all
    select
        source_sha256,
        source_line,
        'reject' as accounted_as
    from {{ ref('stg_extraction__rejects') }}
    where document_kind = 'home_care_fees'
),

in_section as (
    select
        sections.source_sha256,
        count(*) filter (where accounted.accounted_as = 'mart') as mart_districts,
        count(*) filter (where accounted.accounted_as = 'reject') as rejected_rows
    from sections
    inner join accounted
        on
            sections.source_sha256 = accounted.source_sha256
            and sections.districts_from_line < accounted.source_line
    group by sections.source_sha256
),

compared as (
    select
        sections.source_sha256,
        sections.document_rows,
        coalesce(in_section.mart_districts, 0) as mart_districts,
        coalesce(in_section.rejected_rows, 0) as rejected_rows
    from sections
    left join in_section
        on sections.source_sha256 = in_section.source_sha256
)

select *
from compared
where
    document_rows is null
    or document_rows != mart_districts + rejected_rows
