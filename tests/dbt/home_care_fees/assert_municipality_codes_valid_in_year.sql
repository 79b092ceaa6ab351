-- Every municipality code of the annual mart is a municipality in the reference
-- versions during the document's year (the table publishes the codes of its year).
with annual as (
    select * from {{ ref('fct_home_care_fees_annual') }}
),

municipality_versions as (
    select * from {{ ref('stg_reference__municipality_versions') }}
),

matched as (
    select
        annual.year,
        annual.municipality_code,
        annual.source_name,
        annual.source_line,
        count(municipality_versions.municipality_code) as versions
    from annual
    left join municipality_versions
        on
            annual.municipality_code = municipality_versions.municipality_code
            and municipality_versions.valid_from <= make_date(annual.year, 12, 31)
            and (
                municipality_versions.valid_to is null
                or municipality_versions.valid_to >= make_date(annual.year, 1, 1)
            )
    group by annual.year, annual.municipality_code, annual.source_name, annual.source_line
)

select *
from matched
where versions = 0
