-- The macro behind `unique_combination` on inline data: NULL keys count as equal.
with fixture (year, code) as (
    values (1999, '0101'), (1999, '0104'), (2000, '0101'), (1999, '0101'), (1999, null), (1999, null)
),

flagged as (
    {{ unique_combination_sql('fixture', ['year', 'code']) }}
),

expected (year, code) as (
    values (1999, '0101'), (1999, null)
),

mismatches as (
    {{ rows_differ('flagged', 'expected', ['year', 'code']) }}
)

select * from mismatches
