-- The macro behind `present_exactly_when_status` on inline data: a symbol read as a
-- number, a number lost, and a row with no status are flagged; zero is a number.
with fixture (id, participants, value_status) as (
    values
    (1, 12, 'published'),
    (2, null, 'suppressed'),
    (3, 0, 'published'),
    (4, 0, 'suppressed'),
    (5, null, 'published'),
    (6, 7, 'derived'),
    (7, 7, null)
),

flagged as (
    {{ present_exactly_when_status_sql('fixture', 'participants', 'value_status', ['published', 'derived']) }}
),

expected (id) as (
    values (4), (5), (7)
),

mismatches as (
    {{ rows_differ('flagged', 'expected', ['id']) }}
)

select * from mismatches
