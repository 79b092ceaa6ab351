-- `common_rate_within_rounding` with `row_columns`: a failing partition names the few
-- rows that do not admit the rate the others share, or, when the rows disagree too
-- much to tell, is one row with the row columns NULL.
with one_damaged_row as (
    -- 20 rows at 300 per unit; line 7's two values swapped.
    select
        'one_damaged' as part,
        cast(numbers.i as integer) as source_line,
        case when numbers.i = 7 then 7.0 else 300.0 * numbers.i end as amount,
        case when numbers.i = 7 then 2100.0 else 1.0 * numbers.i end as units
    from range(1, 21) as numbers (i)
),

no_common_rate (part, source_line, amount, units) as (
    values
    ('split', 1, 300.0, 1.0),
    ('split', 2, 400.0, 1.0)
),

fixture as (
    select * from one_damaged_row
    union all
    select * from no_common_rate
),

flagged as (
    {{ common_rate_within_rounding_sql('fixture', 'amount', 'units', 1, ['part'], row_columns=['source_line']) }}
),

expected (part, source_line) as (
    values
    ('one_damaged', 7),
    ('split', null)
),

mismatches as (
    {{ rows_differ('flagged', 'expected', ['part', 'source_line']) }}
)

select * from mismatches
