-- Care staffing man-years on today's municipalities (see the `harmonise_additive` macro).
with harmonised as (
    {{ harmonise_additive('fct_care_staffing_annual') }}
)

select
    year,
    education_type,
    municipality_code,
    man_years,
    man_years_known,
    man_years_missing_cells,
    contributing_cells,
    undocumented_share_cells,
    source_municipality_codes,
    is_complete
from harmonised
