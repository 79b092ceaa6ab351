-- The number of municipalities in force on the structure date, counted in the
-- dimension, equals the count in the seed (derived, not typed) and, for the default
-- structure date 2026-01-01, the 357 that seeds/reference/README.md documents
-- ("Counts of municipalities valid on 1 January: … 2024 357 · 2026 357", equal to
-- SSB's 2026 code list). The profile mart has one row for each of them.
{%- set structure_date = var("municipality_structure_date", "2026-01-01") %}
with seed_count as (
    select count(*) as municipalities
    from {{ ref('municipality_versions') }}
    where
        is_municipality = 1
        and valid_from <= date '{{ structure_date }}'
        and (valid_to is null or valid_to >= date '{{ structure_date }}')
),

dimension_count as (
    select count(*) as municipalities
    from {{ ref('dim_municipality') }}
    where is_current and is_municipality
),

profile_count as (
    select count(*) as municipalities
    from {{ ref('mart_municipality_profile') }}
),

counts as (
    select
        seed_count.municipalities as seed_municipalities,
        dimension_count.municipalities as dimension_municipalities,
        profile_count.municipalities as profile_municipalities,
        {{ 357 if structure_date == "2026-01-01" else "seed_count.municipalities" }} as documented_municipalities
    from seed_count
    cross join dimension_count
    cross join profile_count
)

select *
from counts
where
    seed_municipalities != dimension_municipalities
    or seed_municipalities != profile_municipalities
    or seed_municipalities != documented_municipalities
