-- The name audit's rules (`match_municipality_names_sql`) on inline data. A published
-- name that is the name of another municipality valid at that date, or of another
-- version of the same code, is a wrong name (`mismatch`) however close its spelling:
-- `0104 Voss` (Moss's code), `0137 Våle` (Våler's code, while 0716 Våle existed),
-- `0716 Våle` in 2002 (the code's name before 2002). `near_match` is left for OCR
-- slips that are nobody's name: `lbestad`, `Rørros - Rossen`.
with versions (
    version_id, municipality_code, municipality_name, name_parallel, parallel_forms, valid_from, valid_to
) as (
    values
    ('0104@1999', '0104', 'Moss', null, cast(null as varchar[]), date '1999-01-01', date '2019-12-31'),
    ('0137@1999', '0137', 'Våler', null, null, date '1999-01-01', date '2019-12-31'),
    ('0716@1999', '0716', 'Våle', null, null, date '1999-01-01', date '2001-12-31'),
    ('0716@2002', '0716', 'Re', null, null, date '2002-01-01', date '2019-12-31'),
    ('0718@1999', '0718', 'Ramnes', null, null, date '1999-01-01', date '2001-12-31'),
    ('1235@1999', '1235', 'Voss', null, null, date '1999-01-01', date '2019-12-31'),
    ('3114@2024', '3114', 'Våler', null, null, date '2024-01-01', null),
    ('5025@2018', '5025', 'Røros', 'Røros - Rosse', ['Rosse'], date '2018-01-01', null),
    ('5514@2024', '5514', 'Ibestad', null, null, date '2024-01-01', null)
),

published_names (fact_model, at_date, municipality_code, source_name, source_file) as (
    values
    ('fixture', date '2001-01-01', '0104', 'Voss', 'a'),
    ('fixture', date '2001-01-01', '0137', 'Våle', 'a'),
    ('fixture', date '2001-01-01', '0137', 'Våler (Østfold)', 'a'),
    ('fixture', date '2001-01-01', '0718', 'Våle', 'a'),
    ('fixture', date '2002-01-01', '0716', 'Våle', 'a'),
    ('fixture', date '2002-01-01', '0716', 'Re/Våle', 'a'),
    ('fixture', date '2003-01-01', '0718', 'Ramnes', 'a'),
    ('fixture', date '2026-01-01', '5514', 'lbestad', 'a'),
    ('fixture', date '2026-01-01', '5514', 'Ibestad', 'a'),
    ('fixture', date '2026-01-01', '5025', 'Rørros - Rossen', 'a'),
    ('fixture', date '2026-01-01', '5025', 'Røros - Rosse', 'a'),
    ('fixture', date '2026-01-01', '9999', 'Ukjent', 'a')
),

flagged as (
    {{ match_municipality_names_sql('published_names', 'versions') }}
),

expected (municipality_code, at_date, source_name, name_match) as (
    values
    ('0104', date '2001-01-01', 'Voss', 'mismatch'),
    ('0137', date '2001-01-01', 'Våle', 'mismatch'),
    ('0137', date '2001-01-01', 'Våler (Østfold)', 'normalised'),
    ('0718', date '2001-01-01', 'Våle', 'mismatch'),
    ('0716', date '2002-01-01', 'Våle', 'mismatch'),
    ('0716', date '2002-01-01', 'Re/Våle', 'one_form'),
    ('0718', date '2003-01-01', 'Ramnes', 'no_version'),
    ('5514', date '2026-01-01', 'lbestad', 'near_match'),
    ('5514', date '2026-01-01', 'Ibestad', 'exact'),
    ('5025', date '2026-01-01', 'Rørros - Rossen', 'near_match'),
    ('5025', date '2026-01-01', 'Røros - Rosse', 'exact')
),

actual as (
    select
        municipality_code,
        at_date,
        source_name,
        name_match
    from flagged
),

differences as (
    select * from actual
    except
    select * from expected
    union all
    (
        select * from expected
        except
        select * from actual
    )
)

select * from differences
