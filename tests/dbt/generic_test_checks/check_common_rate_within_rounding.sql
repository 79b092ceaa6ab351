-- The macro behind `common_rate_within_rounding` on inline data: partition 1 admits
-- one rate (300 per unit) within the rounding of one decimal, partition 2 has a row
-- whose values were swapped, partition 3 has a zero denominator (no upper bound).
with fixture (part, amount, units, decimals) as (
    values
    (1, 300.0, 1.0, 1),
    (1, 615.0, 2.0, 1),
    (1, 150.0, 0.5, 1),
    (2, 300.0, 1.0, 1),
    (2, 400.0, 1.0, 1),
    (3, 10.0, 0.0, 1),
    (3, 3000.0, 10.0, 1),
    (4, 300.0, null, 1)
),

flagged as (
    {{ common_rate_within_rounding_sql('fixture', 'amount', 'units', 'decimals', ['part']) }}
),

expected (part) as (
    values (2)
),

mismatches as (
    {{ rows_differ('flagged', 'expected', ['part']) }}
)

select * from mismatches
