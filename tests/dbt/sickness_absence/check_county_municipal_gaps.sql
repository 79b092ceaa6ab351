-- The county-against-municipalities rule (`county_municipal_gaps_sql`) on inline
-- data. A returned row means a county was judged wrongly.
with versions (municipality_code, county_code, valid_from, valid_to) as (
    values
    ('0101', '01', date '1999-01-01', date '2019-12-31'),
    ('0104', '01', date '1999-01-01', date '2019-12-31'),
    ('1902', '19', date '1999-01-01', date '2019-12-31'),
    ('1903', '19', date '1999-01-01', date '2019-12-31'),
    ('2002', '20', date '1999-01-01', date '2019-12-31')
),

county_facts (year, quarter, sex, county_code, absence_days, is_derived) as (
    values
    -- 01: 3 000 + 5 000, off by rounding (1 ≤ 0.5 × 3 + 0.5 % of 8 001)
    (2002, 2, 'women', '01', 8001, false),
    -- 19: 10 % above its municipalities, none of them unpublished: disagrees
    (2002, 2, 'women', '19', 11000, false),
    -- 20: its only municipality is not published: the county may be any size above 0
    (2002, 2, 'women', '20', 700, false),
    -- a derived quarter is not compared
    (2001, 2, 'women', '01', 1, true),
    -- no municipal table of this sex
    (2002, 2, 'men', '01', 8000, false)
),

municipal_facts (year, quarter, sex, municipality_code, absence_days, is_derived) as (
    values
    (2002, 2, 'women', '0101', 3000, false),
    (2002, 2, 'women', '0104', 5000, false),
    (2002, 2, 'women', '1902', 6000, false),
    (2002, 2, 'women', '1903', 4000, false),
    (2002, 2, 'women', '2002', null, false),
    (2001, 2, 'women', '0101', 2900, true),
    (2001, 2, 'women', '0104', 4900, true)
),

gaps as (
    {{ county_municipal_gaps_sql('county_facts', 'municipal_facts', 'versions') }}
),

expected (year, quarter, sex, county_code, gap, agrees) as (
    values
    (2002, 2, 'women', '01', 1, true),
    (2002, 2, 'women', '19', 1000, false),
    (2002, 2, 'women', '20', 700, true)
),

mismatches as (
    {{ rows_differ('gaps', 'expected', ['year', 'quarter', 'sex', 'county_code', 'gap', 'agrees']) }}
)

select * from mismatches
