-- The macro behind `within_bounds` on inline data: NULL passes, bounds are inclusive.
with fixture (id, rate) as (
    values (1, 0.0), (2, 100.0), (3, -0.1), (4, 100.1), (5, null), (6, 50.0)
),

flagged as (
    {{ within_bounds_sql('fixture', 'rate', 0, 100) }}
),

expected (id) as (
    values (3), (4)
),

mismatches as (
    select id from flagged
    except
    select id from expected
    union all
    (
        select id from expected
        except
        select id from flagged
    )
)

select * from mismatches
