-- Each city district's parent municipality, named in parentheses, resolved to a
-- municipality code of the document's year: first against the municipality rows of
-- the same document (the name as published there), else against the reference
-- versions valid in that year. A name that matches more than one municipality
-- (Våler, Nes, …) is left unresolved rather than guessed; a test then fails.
with areas as (
    select * from {{ ref('stg_home_care_fees__fees') }}
),

municipality_versions as (
    select * from {{ ref('stg_reference__municipality_versions') }}
),

districts as (
    select
        source_sha256,
        source_line,
        year,
        area_name as district_name,
        parent_municipality_name
    from areas
    where area_level = 'district'
),

document_municipalities as (
    select
        source_sha256,
        area_name,
        min(municipality_code) as municipality_code,
        count(distinct municipality_code) as matches
    from areas
    where area_level = 'municipality'
    group by source_sha256, area_name
),

reference_municipalities as (
    select
        districts.source_sha256,
        districts.source_line,
        min(municipality_versions.municipality_code) as municipality_code,
        count(distinct municipality_versions.municipality_code) as matches
    from districts
    inner join municipality_versions
        on
            districts.parent_municipality_name = municipality_versions.municipality_name
            and municipality_versions.is_municipality
            and municipality_versions.valid_from <= make_date(districts.year, 12, 31)
            and (
                municipality_versions.valid_to is null
                or municipality_versions.valid_to >= make_date(districts.year, 1, 1)
            )
    group by districts.source_sha256, districts.source_line
),

resolved as (
    select
        districts.source_sha256,
        districts.source_line,
        districts.year,
        districts.district_name,
        districts.parent_municipality_name,
        case
            when document_municipalities.matches = 1 then document_municipalities.municipality_code
            when reference_municipalities.matches = 1 then reference_municipalities.municipality_code
        end as parent_municipality_code,
        case
            when document_municipalities.matches = 1 then 'document'
            when reference_municipalities.matches = 1 then 'reference'
        end as parent_resolved_by,
        coalesce(document_municipalities.matches, 0) as document_matches,
        coalesce(reference_municipalities.matches, 0) as reference_matches
    from districts
    left join document_municipalities
        on
            districts.source_sha256 = document_municipalities.source_sha256
            and districts.parent_municipality_name = document_municipalities.area_name
    left join reference_municipalities
        on
            districts.source_sha256 = reference_municipalities.source_sha256
            and districts.source_line = reference_municipalities.source_line
)

select * from resolved
