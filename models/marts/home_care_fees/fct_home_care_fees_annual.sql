with areas as (
    select * from {{ ref('stg_home_care_fees__fees') }}
),

municipalities as (
    select *
    from areas
    where area_level = 'municipality'
)

select
    year,
    municipality_code,
    area_name as source_name,
    share_paying_pct,
    share_paying_status,
    payment_per_user_nok,
    payment_per_user_status,
    source_file,
    source_sha256,
    source_page,
    source_line,
from municipalities
