-- The macro behind `rows_per_partition` on inline data.
with fixture (code, kind) as (
    values ('0101', 'x'), ('0101', 'y'), ('0104', 'x'), ('0105', 'x'), ('0105', 'y'), ('0105', 'z')
),

flagged as (
    {{ rows_per_partition_sql('fixture', ['code'], 2) }}
),

expected (code) as (
    values ('0104'), ('0105')
),

mismatches as (
    {{ rows_differ('flagged', 'expected', ['code']) }}
)

select * from mismatches
