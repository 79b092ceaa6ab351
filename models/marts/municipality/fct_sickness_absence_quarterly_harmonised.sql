-- Sickness absence on today's municipalities (see the `harmonise_additive` macro).
-- The rate is re-derived: Σ absence days ÷ Σ scheduled days, where a cell's
-- scheduled days are its days ÷ its published rate.
with harmonised as (
    {{ harmonise_additive('fct_sickness_absence_quarterly') }}
)

select
    year,
    quarter,
    sex,
    municipality_code,
    absence_days,
    absence_days_known,
    absence_days_missing_cells,
    scheduled_days,
    scheduled_days_known,
    scheduled_days_missing_cells,
    absence_rate_pct,
    derived_cells,
    contributing_cells,
    undocumented_share_cells,
    source_municipality_codes,
    is_complete
from harmonised
