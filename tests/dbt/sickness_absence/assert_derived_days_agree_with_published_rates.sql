-- A derived man-day figure (days − change) divided by its published rate gives the
-- scheduled man-days of that quarter; it must agree with the scheduled man-days
-- of the published quarter it was derived from, within what rounding the rates to
-- one decimal (±0.05) explains and slow change allows (the parser's limits: 50 %
-- between quarters of one year, 100 % across a year). Footnoted rows (an area that
-- changed, like Re formed from Ramnes and Våle) are compared within a year only.
--
-- This restates the parser's own per-row acceptance rule, so it cannot catch a
-- reading the parser accepted: it guards the warehouse against a change to that
-- rule or to the extracted files, per row and cheaply. The independent check of
-- the derived days is `assert_national_rate_rederived_from_municipalities`.
with quarters as (
    select
        source_sha256,
        source_line,
        municipality_code,
        footnote_marker,
        year,
        quarter,
        is_derived,
        absence_days,
        absence_rate_pct,
        absence_days * 100.0 / (absence_rate_pct + 0.05) as scheduled_low,
        case
            when absence_rate_pct > 0.05 then absence_days * 100.0 / (absence_rate_pct - 0.05)
        end as scheduled_high
    from {{ ref('stg_sickness_absence__absence') }}
    where
        absence_days is not null
        and absence_rate_pct > 0
),

pairs as (
    -- the derived quarter against the published quarter a year later
    select
        derived.source_sha256,
        derived.source_line,
        derived.municipality_code,
        derived.year,
        derived.quarter,
        derived.absence_days,
        derived.absence_rate_pct,
        derived.scheduled_low,
        derived.scheduled_high,
        published.scheduled_low as other_low,
        published.scheduled_high as other_high,
        2.0 as allowed_factor
    from quarters as derived
    inner join quarters as published
        on
            derived.source_sha256 = published.source_sha256
            and derived.source_line = published.source_line
            and derived.quarter = published.quarter
            and derived.year = published.year - 1
    where
        derived.is_derived
        and not published.is_derived
        and derived.footnote_marker is null

    union all

    -- the two derived quarters of one year against each other
    select
        first_quarter.source_sha256,
        first_quarter.source_line,
        first_quarter.municipality_code,
        first_quarter.year,
        first_quarter.quarter,
        first_quarter.absence_days,
        first_quarter.absence_rate_pct,
        first_quarter.scheduled_low,
        first_quarter.scheduled_high,
        second_quarter.scheduled_low as other_low,
        second_quarter.scheduled_high as other_high,
        1.5 as allowed_factor
    from quarters as first_quarter
    inner join quarters as second_quarter
        on
            first_quarter.source_sha256 = second_quarter.source_sha256
            and first_quarter.source_line = second_quarter.source_line
            and first_quarter.is_derived = second_quarter.is_derived
            and (first_quarter.year, first_quarter.quarter) < (second_quarter.year, second_quarter.quarter)
    where first_quarter.is_derived
)

select *
from pairs
where
    scheduled_low > coalesce(other_high, scheduled_low) * allowed_factor
    or other_low > coalesce(scheduled_high, other_low) * allowed_factor
