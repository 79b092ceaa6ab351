-- The macro behind `valid_at_date` on inline data: versions of code A meet on
-- 2002-01-01, code B has two overlapping versions in 2010, code C ended in 2019,
-- code E begins in 2020. With a second date (the table's structure), a code valid
-- at either date passes.
with versions (municipality_code, valid_from, valid_to) as (
    values
    ('A', date '1999-01-01', date '2001-12-31'),
    ('A', date '2002-01-01', null),
    ('B', date '1999-01-01', date '2010-12-31'),
    ('B', date '2010-01-01', null),
    ('C', date '1999-01-01', date '2019-12-31'),
    ('E', date '2020-01-01', null)
),

fixture (code, year) as (
    values
    ('A', 2001),  -- first version: passes
    ('A', 2002),  -- second version: passes
    ('B', 2005),  -- one version: passes
    ('B', 2010),  -- two versions: fails
    ('C', 2020),  -- none any more: fails
    ('D', 2020),  -- never existed: fails
    (null, 2020)  -- no code: fails
),

fixture_with_table_year (code, year, table_year) as (
    values
    ('C', 2019, 2020),  -- valid at its own year, not the table's: passes
    ('E', 2019, 2020),  -- valid at the table's year, not its own: passes
    ('D', 2019, 2020),  -- valid at neither: fails
    ('B', 2010, 2010)   -- ambiguous at both: fails
),

flagged_with_table_year as (
    {{ valid_at_date_sql('fixture_with_table_year', 'code', 'make_date(year, 1, 1)', 'versions',
                         or_date_expression='make_date(table_year, 1, 1)') }}
),

flagged as (
    {{ valid_at_date_sql('fixture', 'code', 'make_date(year, 1, 1)', 'versions') }}
),

expected (code, at_date) as (
    values
    ('B', date '2010-01-01'),
    ('C', date '2020-01-01'),
    ('D', date '2020-01-01'),
    (null, date '2020-01-01')
),

expected_with_table_year (code, at_date) as (
    values
    ('D', date '2019-01-01'),
    ('B', date '2010-01-01')
),

mismatches as (
    {{ rows_differ('flagged', 'expected', ['code', 'at_date']) }}
    union all
    {{ rows_differ('flagged_with_table_year', 'expected_with_table_year', ['code', 'at_date']) }}
)

select * from mismatches
