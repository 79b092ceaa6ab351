-- Which municipalities of its period each document lists, and which it leaves out,
-- against the structure valid at the date its codes follow. A document claims to be
-- complete when it prints a national total that is the sum of its rows (a country or
-- TOTAL row) or states a total, unless it says it lists a selection ("utval",
-- "utvalgte"). NAV's "I alt" is no such claim: NAV leaves out municipalities with no
-- participants to show, and the suppression bounds of its totals would fail if an
-- absent one had any.
with listed as (
    select * from {{ ref('int_document_municipalities_listed') }}
),

documents as (
    select distinct
        document_kind,
        source_sha256,
        structure_date
    from listed
),

facts as (
    select * from {{ ref('stg_extraction__document_facts') }}
),

national_totals as (
    select distinct source_sha256
    from {{ ref('stg_care_staffing__man_years') }}
    where area_level = 'country'
    union
    select distinct source_sha256
    from {{ ref('stg_sickness_absence__absence') }}
    where area_level = 'total'
    union
    select distinct source_sha256
    from facts
    where fact in ('stated_compensation_total_nok', 'stated_municipality_count')
),

selections as (
    select
        source_sha256,
        min(fact_value) as selection_statement
    from facts
    where fact = 'selection'
    group by source_sha256
),

expected as (
    select
        documents.source_sha256,
        versions.municipality_code,
        versions.municipality_name,
        versions.county_code,
        versions.county_name
    from documents
    inner join {{ ref('stg_reference__municipality_versions') }} as versions
        on
            documents.structure_date >= versions.valid_from
            and documents.structure_date <= coalesce(versions.valid_to, documents.structure_date)
    where versions.is_municipality = 1
),

missing as (
    select
        expected.source_sha256,
        count(*) as municipalities_missing,
        string_agg(
            expected.municipality_code || ' ' || expected.municipality_name, ', '
            order by expected.municipality_code
        ) as missing_municipalities
    from expected
    left join listed
        on
            expected.source_sha256 = listed.source_sha256
            and expected.municipality_code = listed.municipality_code
    where listed.municipality_code is null
    group by expected.source_sha256
),

counties as (
    -- The counties of the period a document lists none of the municipalities of.
    select
        expected.source_sha256,
        expected.county_code,
        expected.county_name,
        count(listed.municipality_code) as listed_in_county
    from expected
    left join listed
        on
            expected.source_sha256 = listed.source_sha256
            and expected.municipality_code = listed.municipality_code
    group by expected.source_sha256, expected.county_code, expected.county_name
),

missing_counties as (
    select
        source_sha256,
        string_agg(county_code || ' ' || county_name, ', ' order by county_code) as missing_counties
    from counties
    where listed_in_county = 0
    group by source_sha256
),

listed_counts as (
    select
        source_sha256,
        count(*) as municipalities_listed
    from listed
    group by source_sha256
),

expected_counts as (
    select
        source_sha256,
        count(*) as municipalities_of_period
    from expected
    group by source_sha256
),

manifest as (
    select
        source_sha256,
        source_file
    from {{ ref('stg_extraction__manifest') }}
),

coverage as (
    select
        documents.document_kind,
        manifest.source_file,
        documents.source_sha256,
        documents.structure_date,
        listed_counts.municipalities_listed,
        missing.missing_municipalities,
        missing_counties.missing_counties,
        selections.selection_statement,
        coalesce(expected_counts.municipalities_of_period, 0) as municipalities_of_period,
        coalesce(missing.municipalities_missing, 0) as municipalities_missing,
        national_totals.source_sha256 is not null and selections.source_sha256 is null as claims_completeness
    from documents
    inner join listed_counts
        on documents.source_sha256 = listed_counts.source_sha256
    left join expected_counts
        on documents.source_sha256 = expected_counts.source_sha256
    left join missing
        on documents.source_sha256 = missing.source_sha256
    left join missing_counties
        on documents.source_sha256 = missing_counties.source_sha256
    left join selections
        on documents.source_sha256 = selections.source_sha256
    left join national_totals
        on documents.source_sha256 = national_totals.source_sha256
    left join manifest
        on documents.source_sha256 = manifest.source_sha256
)

select
    document_kind,
    source_file,
    source_sha256,
    structure_date,
    municipalities_listed,
    municipalities_of_period,
    municipalities_missing,
    missing_municipalities,
    missing_counties,
    selection_statement,
    claims_completeness
from coverage
