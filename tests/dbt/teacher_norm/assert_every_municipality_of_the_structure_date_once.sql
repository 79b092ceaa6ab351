-- Each article lists every municipality of the structure it states ("kommuner og
-- fylker per oktober 2017": 426 municipalities) once: the resolved codes are exactly
-- the municipalities valid on that date in the reference, none missing, none extra.
-- A document with rejected lines may miss as many municipalities as it has rejected
-- lines (those rows were damaged, and are in the rejects): never more, never extras.
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

rejected as (
    select
        source_sha256,
        count(*) as rejected_lines
    from {{ ref('stg_extraction__rejects') }}
    group by source_sha256
),

published_municipalities as (
    select
        source_sha256,
        municipality_code,
        count(*) as published_rows
    from {{ ref('fct_teacher_norm_compensation') }}
    group by source_sha256, municipality_code
),

compared as (
    select
        published_municipalities.published_rows,
        coalesce(expected_municipalities.source_sha256, published_municipalities.source_sha256) as source_sha256,
        coalesce(expected_municipalities.municipality_code, published_municipalities.municipality_code)
            as municipality_code,
        expected_municipalities.municipality_code is not null as is_expected,
        published_municipalities.municipality_code is null as is_missing
    from expected_municipalities
    full outer join published_municipalities
        on
            expected_municipalities.source_sha256 = published_municipalities.source_sha256
            and expected_municipalities.municipality_code = published_municipalities.municipality_code
),

missing_per_document as (
    select
        source_sha256,
        sum(case when is_missing then 1 else 0 end) as missing_municipalities
    from compared
    group by source_sha256
)

select
    compared.published_rows,
    compared.source_sha256,
    compared.municipality_code,
    compared.is_expected,
    missing_per_document.missing_municipalities,
    coalesce(rejected.rejected_lines, 0) as rejected_lines
from compared
inner join missing_per_document
    on compared.source_sha256 = missing_per_document.source_sha256
left join rejected
    on compared.source_sha256 = rejected.source_sha256
where
    not compared.is_expected
    or compared.published_rows > 1
    or (compared.is_missing and missing_per_document.missing_municipalities > coalesce(rejected.rejected_lines, 0))
