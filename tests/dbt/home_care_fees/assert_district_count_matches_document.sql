-- The district mart has one row per district row of each document (the parser's
-- fact `district_rows`): a district whose parent did not resolve, or that was
-- rejected, fails here.
with stated as (
    select
        source_sha256,
        cast(fact_value as integer) as document_rows,
    from {{ ref('stg_extraction__document_facts') }}
    where
        document_kind = 'home_care_fees'
        and fact = 'district_rows'
),

in_mart as (
    select
        source_sha256,
        count(*) as mart_districts,
    from {{ ref('fct_home_care_district_fees_annual') }}
    group by source_sha256
),

compared as (
    select
        stated.document_rows,
        coalesce(stated.source_sha256, in_mart.source_sha256) as source_sha256,
        coalesce(in_mart.mart_districts, 0) as mart_districts,
    from stated
    full outer join in_mart
        on stated.source_sha256 = in_mart.source_sha256
)

select *
from compared
where document_rows is null or document_rows != mart_districts
