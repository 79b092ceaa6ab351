-- A share of paying users above 100 % is impossible but published (2006: four,
-- among them 2027 Unjárga Nesseby, 102). Kept as published, not capped; this lists them.
{{ config(severity='warn') }}

with municipalities as (
    select
        'municipality' as area_level,
        year,
        municipality_code,
        source_name as area_name,
        share_paying_pct,
        source_file,
        source_line,
    from {{ ref('fct_home_care_fees_annual') }}
),

districts as (
    select
        'district' as area_level,
        year,
        parent_municipality_code as municipality_code,
        district_name as area_name,
        share_paying_pct,
        source_file,
        source_line,
    from {{ ref('fct_home_care_district_fees_annual') }}
),

areas as (
    select * from municipalities
    union all
    select * from districts
)

select *
from areas
where share_paying_pct > 100
