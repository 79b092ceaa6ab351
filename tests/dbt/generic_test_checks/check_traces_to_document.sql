-- The macro behind `traces_to_document` on inline data: a row must name a published
-- document by both file name and hash; a failed document's rows, a hash of another
-- file and an unknown file are flagged.
with documents (source_file, source_sha256, extraction_status) as (
    values
    ('a.txt', 'aaa', 'extracted'),
    ('b.txt', 'bbb', 'unchanged'),
    ('c.txt', 'ccc', 'failed'),
    ('d.txt', 'ddd', 'quarantined')
),

fixture (id, source_file, source_sha256) as (
    values
    (1, 'a.txt', 'aaa'),
    (2, 'b.txt', 'bbb'),
    (3, 'c.txt', 'ccc'),
    (4, 'a.txt', 'bbb'),
    (5, 'e.txt', 'eee'),
    (6, 'd.txt', 'ddd'),
    (7, null, null)
),

flagged as (
    {{ traces_to_document_sql('fixture', 'source_file', 'source_sha256', 'documents',
                              ['extracted', 'unchanged', 'quarantined']) }}
),

expected (id) as (
    values (3), (4), (5)
),

mismatches as (
    {{ rows_differ('flagged', 'expected', ['id']) }}
)

select * from mismatches
