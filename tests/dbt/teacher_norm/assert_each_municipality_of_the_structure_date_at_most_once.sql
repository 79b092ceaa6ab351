-- Each article lists municipalities of the structure it states ("kommuner og fylker
-- per oktober 2017") once each: every resolved code is valid on that date in the
-- reference, and none comes twice. Which municipalities a document leaves out is
-- audit_document_coverage's, an error only where the document claims completeness.
with documents as (
    select distinct
        source_sha256,
        structure_date
    from {{ ref('fct_teacher_norm_compensation') }}
),

expected_municipalities as (
    select
        documents.source_sha256,
        municipality_versions.municipality_code
    from documents
    inner join {{ ref('municipality_versions') }} as municipality_versions
        on
            documents.structure_date >= municipality_versions.valid_from
            and documents.structure_date <= coalesce(municipality_versions.valid_to, documents.structure_date)
    where municipality_versions.is_municipality = 1
),

published_municipalities as (
    select
        source_sha256,
        municipality_code,
        count(*) as published_rows
    from {{ ref('fct_teacher_norm_compensation') }}
    group by source_sha256, municipality_code
)

select
    published_municipalities.source_sha256,
    published_municipalities.municipality_code,
    published_municipalities.published_rows,
    expected_municipalities.municipality_code is not null as is_expected
from published_municipalities
left join expected_municipalities
    on
        published_municipalities.source_sha256 = expected_municipalities.source_sha256
        and published_municipalities.municipality_code = expected_municipalities.municipality_code
where
    expected_municipalities.municipality_code is null
    or published_municipalities.published_rows > 1
