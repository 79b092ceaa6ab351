-- The county name rules (`resolve_county_names_sql`) on inline data: Norwegian, Sami
-- and Kven forms with or without ` - `, the counties of each period, a printed code
-- and its name, and names that resolve to none or to several counties. A returned
-- row means a name was resolved wrongly.
with versions (
    county_version_id, county_code, county_name, name_parallel, is_county, valid_from, valid_to
) as (
    values
    ('16@1999', '16', 'Sør-Trøndelag', null, true, date '1999-01-01', date '2017-12-31'),
    ('19@1999', '19', 'Troms', 'Troms - Romsa', true, date '1999-01-01', date '2019-12-31'),
    ('20@1999', '20', 'Finnmark', null, true, date '1999-01-01', date '2002-12-31'),
    ('20@2003', '20', 'Finnmark', 'Finnmark - Finnmárku', true, date '2003-01-01', date '2019-12-31'),
    ('21@1999', '21', 'Svalbard', null, false, date '1999-01-01', null),
    ('50@2018', '50', 'Trøndelag', null, true, date '2018-01-01', date '2019-12-31'),
    (
        '54@2020', '54', 'Troms og Finnmark', 'Troms og Finnmark - Romsa ja Finnmárku - Tromssa ja Finmarkku',
        true, date '2020-01-01', date '2023-12-31'
    ),
    ('55@2024', '55', 'Troms', 'Troms - Romsa - Tromssa', true, date '2024-01-01', null),
    -- two counties sharing a form, so that a name of that form alone is ambiguous
    ('91@2024', '91', 'Nord', 'Nord - Davvi', true, date '2024-01-01', null),
    ('92@2024', '92', 'Sør', 'Sør - Davvi', true, date '2024-01-01', null)
),

published_names (at_date, source_name, printed_code) as (
    values
    (date '2002-07-01', 'Troms', cast(null as varchar)),
    (date '2002-07-01', 'Troms Romsa', null),
    (date '2002-07-01', 'Troms - Romsa', null),
    (date '2002-07-01', 'Finnmark', null),
    (date '2009-07-01', 'Finnmark Finnmárku', null),
    (date '2009-07-01', 'finnmark-finnmarku', null),
    (date '2018-07-01', 'Trøndelag', null),
    (date '2018-07-01', 'Sør-Trøndelag', null),
    (date '2021-07-01', 'Troms og Finnmark', null),
    (date '2021-07-01', 'Troms og Finnmark Romsa ja Finnmárku', null),
    (date '2021-07-01', 'Troms', null),
    (date '2024-07-01', 'Troms Romsa', null),
    (date '2024-07-01', 'Troms - Romsa - Tromssa', null),
    (date '2024-07-01', 'Davvi', null),
    (date '2024-07-01', 'Svalbard', null),
    (date '2002-07-01', 'Troms', '19'),
    (date '2002-07-01', 'Finnmark', '19')
),

resolved as (
    {{ resolve_county_names_sql('published_names', 'versions') }}
),

expected (at_date, source_name, printed_code, county_code, name_match, resolution, candidate_codes) as (
    values
    (date '2002-07-01', 'Troms', cast(null as varchar), '19', 'exact', 'resolved', cast(null as varchar)),
    (date '2002-07-01', 'Troms Romsa', null, '19', 'normalised', 'resolved', null),
    (date '2002-07-01', 'Troms - Romsa', null, '19', 'exact', 'resolved', null),
    (date '2002-07-01', 'Finnmark', null, '20', 'exact', 'resolved', null),
    (date '2009-07-01', 'Finnmark Finnmárku', null, '20', 'normalised', 'resolved', null),
    (date '2009-07-01', 'finnmark-finnmarku', null, '20', 'normalised', 'resolved', null),
    (date '2018-07-01', 'Trøndelag', null, '50', 'exact', 'resolved', null),
    -- Sør-Trøndelag was merged into Trøndelag on 2018-01-01
    (date '2018-07-01', 'Sør-Trøndelag', null, null, null, 'unknown', null),
    (date '2021-07-01', 'Troms og Finnmark', null, '54', 'exact', 'resolved', null),
    (date '2021-07-01', 'Troms og Finnmark Romsa ja Finnmárku', null, '54', 'one_form', 'resolved', null),
    -- no county named Troms in 2020–2023
    (date '2021-07-01', 'Troms', null, null, null, 'unknown', null),
    (date '2024-07-01', 'Troms Romsa', null, '55', 'one_form', 'resolved', null),
    (date '2024-07-01', 'Troms - Romsa - Tromssa', null, '55', 'exact', 'resolved', null),
    (date '2024-07-01', 'Davvi', null, null, null, 'ambiguous', '91, 92'),
    -- not a county
    (date '2024-07-01', 'Svalbard', null, null, null, 'unknown', null),
    (date '2002-07-01', 'Troms', '19', '19', 'exact', 'resolved', null),
    (date '2002-07-01', 'Finnmark', '19', '19', 'mismatch', 'resolved', null)
),

mismatches as (
    {{ rows_differ(
        'resolved', 'expected',
        ['at_date', 'source_name', 'printed_code', 'county_code', 'name_match', 'resolution', 'candidate_codes']
    ) }}
)

select * from mismatches
