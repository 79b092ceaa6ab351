-- The annual mart has one row per municipality row of each document: the parser
-- counts the rows with a municipality code (rejected ones too) as the fact
-- `municipality_rows`, so a rejected or dropped municipality fails here.
with stated as (
    select
        source_sha256,
        cast(fact_value as integer) as document_rows,
    from {{ ref('stg_extraction__document_facts') }}
    where
        document_kind = 'home_care_fees'
        and fact = 'municipality_rows'
),

in_mart as (
    select
        source_sha256,
        count(distinct municipality_code) as mart_municipalities,
    from {{ ref('fct_home_care_fees_annual') }}
    group by source_sha256
),

compared as (
    select
        stated.document_rows,
        coalesce(stated.source_sha256, in_mart.source_sha256) as source_sha256,
        coalesce(in_mart.mart_municipalities, 0) as mart_municipalities,
    from stated
    full outer join in_mart
        on stated.source_sha256 = in_mart.source_sha256
)

select *
from compared
where document_rows is null or document_rows != mart_municipalities
