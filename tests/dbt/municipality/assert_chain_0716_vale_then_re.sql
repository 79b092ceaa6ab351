-- Hand-checked: code 0716 meant Våle until 2001 and Re (Våle + Ramnes) 2002–2019.
-- The dimension has both versions and a fact date picks the right one; both reach
-- 3905 Tønsberg whole.
with dim as (
    select * from {{ ref('dim_municipality') }}
),

bridge as (
    select * from {{ ref('municipality_code_bridge') }}
),

expected (at_date, municipality_name, valid_from, valid_to, current_municipality_code, allocation_share) as (
    values
    (date '2001-04-01', 'Våle', date '1999-01-01', date '2001-12-31', '3905', 1.0),
    (date '2002-04-01', 'Re', date '2002-01-01', date '2019-12-31', '3905', 1.0)
),

actual as (
    select
        expected.at_date,
        dim.municipality_name,
        dim.valid_from,
        dim.valid_to,
        bridge.current_municipality_code,
        bridge.allocation_share
    from expected
    inner join dim
        on
            dim.municipality_code = '0716'
            and expected.at_date >= dim.valid_from
            and (dim.valid_to is null or expected.at_date <= dim.valid_to)
    inner join bridge
        on dim.version_id = bridge.version_id
)

(
    select * from expected
    except
    select * from actual
)
union all
(
    select * from actual
    except
    select * from expected
)
