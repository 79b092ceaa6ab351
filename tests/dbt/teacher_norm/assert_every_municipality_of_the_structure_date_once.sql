-- Each article lists every municipality of the structure it states ("kommuner og
-- fylker per oktober 2017": 426 municipalities) once: the resolved codes are exactly
-- the municipalities valid on that date in the reference, none missing, none extra.
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
    published_municipalities.published_rows,
    coalesce(expected_municipalities.source_sha256, published_municipalities.source_sha256) as source_sha256,
    coalesce(expected_municipalities.municipality_code, published_municipalities.municipality_code)
        as municipality_code,
    expected_municipalities.municipality_code is not null as is_expected
from expected_municipalities
full outer join published_municipalities
    on
        expected_municipalities.source_sha256 = published_municipalities.source_sha256
        and expected_municipalities.municipality_code = published_municipalities.municipality_code
where
    expected_municipalities.municipality_code is null
    or published_municipalities.municipality_code is null
    or published_municipalities.published_rows != 1
