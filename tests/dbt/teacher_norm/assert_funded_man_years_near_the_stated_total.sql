-- The man-years the compensation funds sum to the number the prose states ("om lag
-- 2 300 lærarar"). The article rounds that number ("om lag"), so the sum must be
-- within 2 % of it; a number stated without "about" must be met within the rounding
-- of the published man-years (half a unit per row). Checked only where stated; a
-- document with rejected lines only fails above it (its rejected rows hold the rest).
with sums as (
    select
        source_sha256,
        sum(funded_man_years) as funded_sum,
        count(*) as municipalities
    from {{ ref('fct_teacher_norm_compensation') }}
    group by source_sha256
),

stated as (
    select
        source_sha256,
        max(case when fact = 'stated_funded_man_years' then cast(fact_value as decimal(12, 2)) end)
            as stated_man_years,
        coalesce(
            max(case when fact = 'stated_funded_man_years_is_approximate' then fact_value end) = 'true', false
        ) as is_approximate
    from {{ ref('stg_extraction__document_facts') }}
    where document_kind = 'teacher_norm'
    group by source_sha256
),

rejected as (
    {{ rejected_lines_per_document() }}
),

half_units as (
    select
        source_sha256,
        sum(0.5 * power(10, -funded_man_years_decimals)) as rounding_allowance
    from {{ ref('stg_teacher_norm__compensation') }}
    where area_level = 'municipality'
    group by source_sha256
)

select
    sums.source_sha256,
    sums.funded_sum,
    stated.stated_man_years,
    stated.is_approximate
from sums
left join stated
    on sums.source_sha256 = stated.source_sha256
left join half_units
    on sums.source_sha256 = half_units.source_sha256
left join rejected
    on sums.source_sha256 = rejected.source_sha256
where
    stated.stated_man_years is not null
    and case
        when rejected.rejected_lines is null then abs(sums.funded_sum - stated.stated_man_years)
        else sums.funded_sum - stated.stated_man_years
    end > case
        when stated.is_approximate then 0.02 * stated.stated_man_years
        else half_units.rounding_allowance
    end
