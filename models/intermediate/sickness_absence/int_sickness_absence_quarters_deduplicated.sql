-- A quarter can be in two documents of the same sex: published in one (its own
-- quarter) and derived in the next year's (days − change). Keep one row per
-- municipality × sex × quarter: a published figure before a derived one, a
-- derived one before none; a published rate before none; then by file name and
-- hash, so the choice between two editions is at least repeatable.
with municipality_quarters as (
    select *
    from {{ ref('stg_sickness_absence__absence') }}
    where area_level = 'municipality'
),

ranked as (
    select
        *,
        row_number() over (
            partition by year, quarter, municipality_code, sex
            order by
                case days_status when 'published' then 1 when 'derived' then 2 else 3 end,
                case rate_status when 'published' then 1 else 2 end,
                source_file,
                source_sha256
        ) as preference
    from municipality_quarters
)

select
    year,
    quarter,
    area_level,
    municipality_code,
    source_name,
    footnote_marker,
    sex,
    absence_days,
    days_status,
    change_days,
    change_status,
    absence_rate_pct,
    rate_status,
    is_derived,
    split_candidates,
    is_disambiguated,
    days_split,
    source_file,
    source_sha256,
    source_page,
    source_line,
    raw_line
from ranked
where preference = 1
