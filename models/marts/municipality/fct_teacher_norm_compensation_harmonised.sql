-- Teacher-norm compensation on today's municipalities (see the `harmonise_additive`
-- macro); the codes are those of the article's structure date (October 2017).
with harmonised as (
    {{ harmonise_additive('fct_teacher_norm_compensation') }}
)

select
    period,
    municipality_code,
    missing_man_years,
    missing_man_years_known,
    missing_man_years_missing_cells,
    compensation_nok,
    compensation_nok_known,
    compensation_nok_missing_cells,
    funded_man_years,
    funded_man_years_known,
    funded_man_years_missing_cells,
    contributing_cells,
    undocumented_share_cells,
    source_municipality_codes,
    is_complete
from harmonised
