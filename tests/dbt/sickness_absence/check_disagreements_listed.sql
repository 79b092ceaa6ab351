-- The macros behind `audit_sickness_absence_disagreements` and
-- `int_sickness_absence_quarters_deduplicated`, run on inline documents that
-- overlap: a returned row means a disagreement was missed, invented or credited
-- to the wrong rule.
with fixture (
    area_level, year, quarter, municipality_code, sex, source_name, absence_days, days_status,
    absence_rate_pct, rate_status, source_file, source_sha256, source_line
) as (
    values
    -- two editions publish different man-days: equal status, the file name decides
    ('municipality', 2002, 2, '0101', 'men', 'Halden', 17663, 'published', 5.5, 'published', 'a.txt', 'aaa', 12),
    ('municipality', 2002, 2, '0101', 'men', 'Halden', 17700, 'published', 5.5, 'published', 'b.txt', 'bbb', 12),
    -- a derived figure against last year's published one: the status decides
    ('municipality', 2001, 2, '0104', 'men', 'Moss', 19519, 'derived', 6.2, 'published', 'a.txt', 'aaa', 13),
    ('municipality', 2001, 2, '0104', 'men', 'Moss', 19600, 'published', 6.2, 'published', 'c.txt', 'ccc', 13),
    -- the same figures: no disagreement
    ('municipality', 2002, 2, '0105', 'men', 'Sarpsborg', 40352, 'published', 6.8, 'published', 'a.txt', 'aaa', 14),
    ('municipality', 2002, 2, '0105', 'men', 'Sarpsborg', 40352, 'published', 6.8, 'published', 'b.txt', 'bbb', 14),
    -- one document does not publish the man-days: no disagreement
    ('municipality', 2002, 2, '0106', 'men', 'Fredrikstad', null, 'not_published', 6.3, 'published', 'a.txt', 'aaa', 15),
    ('municipality', 2002, 2, '0106', 'men', 'Fredrikstad', 51469, 'published', 6.3, 'published', 'b.txt', 'bbb', 15),
    -- the same man-days, another rate
    ('municipality', 2002, 2, '0111', 'men', 'Hvaler', 3201, 'published', 7.6, 'published', 'b.txt', 'bbb', 16),
    ('municipality', 2002, 2, '0111', 'men', 'Hvaler', 3201, 'published', 7.7, 'published', 'a.txt', 'aaa', 16),
    -- another sex is another key
    ('municipality', 2002, 2, '0118', 'men', 'Aremark', 720, 'published', 4.6, 'published', 'a.txt', 'aaa', 17),
    ('municipality', 2002, 2, '0118', 'women', 'Aremark', 650, 'published', 4.1, 'published', 'd.txt', 'ddd', 17),
    -- TOTAL rows are not the marts' rows
    ('total', 2002, 2, null, 'men', 'TOTAL', 2890578, 'published', 5.3, 'published', 'a.txt', 'aaa', 11),
    ('total', 2002, 2, null, 'men', 'TOTAL', 2890000, 'published', 5.3, 'published', 'b.txt', 'bbb', 11)
),

listed as (
    {{ sickness_absence_disagreements_sql('fixture') }}
),

expected (municipality_code, year, decided_by, kept_absence_days, other_absence_days, kept_source_file) as (
    values
    ('0101', 2002, 'file_name', 17663, 17700, 'a.txt'),
    ('0104', 2001, 'status', 19600, 19519, 'c.txt'),
    ('0111', 2002, 'file_name', 3201, 3201, 'a.txt')
),

mismatches as (
    {{ rows_differ('listed', 'expected', ['municipality_code', 'year', 'decided_by', 'kept_absence_days', 'other_absence_days', 'kept_source_file']) }}
)

select * from mismatches
