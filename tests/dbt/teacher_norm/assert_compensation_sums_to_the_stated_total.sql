-- The municipalities' compensations sum to the total the article's prose states for
-- the period ("Hausten 2018 får kommunane 700 millionar kroner") within 0.01 %:
-- the table rounds each amount to whole thousands. Checked only where the article
-- states the total (an article listing a selection may state none). A document with
-- rejected lines only fails above the total: its rejected rows hold the rest.
with sums as (
    select
        source_sha256,
        sum(compensation_nok) as compensation_sum
    from {{ ref('fct_teacher_norm_compensation') }}
    group by source_sha256
),

rejected as (
    {{ rejected_lines_per_document() }}
),

stated as (
    select
        source_sha256,
        cast(fact_value as decimal(18, 2)) as stated_total_nok
    from {{ ref('stg_extraction__document_facts') }}
    where
        document_kind = 'teacher_norm'
        and fact = 'stated_compensation_total_nok'
)

select
    sums.source_sha256,
    sums.compensation_sum,
    stated.stated_total_nok,
    coalesce(rejected.rejected_lines, 0) as rejected_lines
from sums
inner join stated
    on sums.source_sha256 = stated.source_sha256
left join rejected
    on sums.source_sha256 = rejected.source_sha256
where
    sums.compensation_sum - stated.stated_total_nok > 0.0001 * stated.stated_total_nok
    or (
        rejected.rejected_lines is null
        and stated.stated_total_nok - sums.compensation_sum > 0.0001 * stated.stated_total_nok
    )
