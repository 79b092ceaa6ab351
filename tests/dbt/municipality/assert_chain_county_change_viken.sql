-- Hand-checked county change without a change of municipality: Halden kept its name
-- and territory, but its county went 01 Østfold → 30 Viken (2020–2023) → 31 Østfold,
-- and its code with it (0101 → 3001 → 3101). Each version carries the county in force.
with expected (version_id, municipality_name, county_code, county_name, valid_from, valid_to, current_municipality_code) as (
    values
    ('0101@1999-01-01', 'Halden', '01', 'Østfold', date '1999-01-01', date '2019-12-31', '3101'),
    ('3001@2020-01-01', 'Halden', '30', 'Viken', date '2020-01-01', date '2023-12-31', '3101'),
    ('3101@2024-01-01', 'Halden', '31', 'Østfold', date '2024-01-01', null, '3101')
),

actual as (
    select
        dim.version_id,
        dim.municipality_name,
        dim.county_code,
        county.county_name,
        dim.valid_from,
        dim.valid_to,
        bridge.current_municipality_code
    from {{ ref('dim_municipality') }} as dim
    inner join {{ ref('dim_county') }} as county
        on dim.county_version_id = county.county_version_id
    inner join {{ ref('municipality_code_bridge') }} as bridge
        on dim.version_id = bridge.version_id
    where dim.municipality_name = 'Halden'
),

viken as (
    -- the county itself existed exactly 2020–2023
    select count(*) as versions
    from {{ ref('dim_county') }}
    where county_code = '30' and valid_from = date '2020-01-01' and valid_to = date '2023-12-31'
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
union all
select
    'dim_county 30 Viken 2020–2023 missing' as version_id,
    null as municipality_name,
    null as county_code,
    null as county_name,
    null as valid_from,
    null as valid_to,
    null as current_municipality_code
from viken
where versions != 1
