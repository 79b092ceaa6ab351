-- "Gjennomsnitt hittil i år" is the mean of the year's months, rounded half up as
-- NAV publishes it. Only a report whose range starts in January shows every month
-- of the year so far, so only those are checked. With suppressed months the mean
-- is bounded: each `*` hides 0–3. A suppressed average must be able to be below 4.
with cells as (
    select * from {{ ref('stg_tiltak__participants') }}
),

months_per_row as (
    select
        source_sha256,
        table_number,
        code,
        tiltak_type,
        sum(participants) filter (where measure = 'month') as known_sum,
        count(*) filter (where measure = 'month' and is_suppressed) as suppressed_months,
        count(*) filter (where measure = 'month') as months,
        max(participants) filter (where measure = 'ytd_average') as ytd_average,
        bool_or(is_suppressed) filter (where measure = 'ytd_average') as ytd_suppressed,
        any_value(source_file) as source_file,
        any_value(source_line) as source_line,
    from cells
    where month(report_first_month) = 1 or measure = 'ytd_average'
    group by source_sha256, table_number, code, tiltak_type
    having month(any_value(report_first_month)) = 1
),

bounded as (
    select
        *,
        floor(coalesce(known_sum, 0) / months + 0.5) as lowest_rounded,
        floor((coalesce(known_sum, 0) + 3 * suppressed_months) / months + 0.5) as highest_rounded,
    from months_per_row
)

select *
from bounded
where
    ytd_suppressed is null
    or months = 0
    or (not ytd_suppressed and (ytd_average < lowest_rounded or ytd_average > highest_rounded))
    or (ytd_suppressed and lowest_rounded >= 4)
