with areas as (
    select * from {{ ref('stg_home_care_fees__fees') }}
),

district_parents as (
    select * from {{ ref('int_home_care_district_parents_resolved') }}
),

districts as (
    select
        areas.*,
        district_parents.parent_municipality_code,
    from areas
    inner join district_parents
        on
            areas.source_sha256 = district_parents.source_sha256
            and areas.source_line = district_parents.source_line
    where areas.area_level = 'district'
)

select
    year,
    parent_municipality_code,
    area_name as district_name,
    parent_municipality_name as parent_source_name,
    share_paying_pct,
    share_paying_status,
    payment_per_user_nok,
    payment_per_user_status,
    source_file,
    source_sha256,
    source_page,
    source_line,
from districts
