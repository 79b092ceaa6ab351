-- Tiltak participants on today's municipalities (see the `harmonise_additive` macro).
-- `9999` Ukjent and `2100` Svalbard are not municipalities: they are in
-- `audit_harmonisation_exclusions`, not here.
with harmonised as (
    {{ harmonise_additive('fct_tiltak_monthly') }}
)

select
    month,
    tiltak_type,
    municipality_code,
    participants,
    participants_known,
    participants_missing_cells,
    suppressed_cells,
    contributing_cells,
    undocumented_share_cells,
    source_municipality_codes,
    is_complete
from harmonised
