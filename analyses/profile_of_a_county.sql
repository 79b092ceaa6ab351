-- Today's municipalities of one county with every source's headline, largest care
-- staffing first: the profile mart needs no joins.
select
    display_name,
    care_staffing_man_years,
    tiltak_arbeidstrening_participants,
    teacher_norm_compensation_nok
from {{ ref('mart_municipality_profile') }}
where county_code = '15'
order by care_staffing_man_years desc nulls last
limit 5
