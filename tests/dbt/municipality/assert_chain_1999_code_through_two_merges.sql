-- Hand-checked chain: 0718 Ramnes (1999) merged with 0716 Våle into 0716 Re in 2002,
-- Re merged into 3803 Tønsberg in 2020, renumbered 3905 Tønsberg in 2024 (county 39
-- Vestfold). Whole share all the way. Returns a row when the bridge says otherwise.
with expected (version_id, current_municipality_code, allocation_share, share_basis, version_path, path_change_types) as (
    values (
        '0718@1999-01-01', '3905', 1.0, 'whole',
        '0718@1999-01-01 > 0716@2002-01-01 > 3803@2020-01-01 > 3905@2024-01-01',
        'merged > merged > renumbered'
    )
),

actual as (
    select
        version_id,
        current_municipality_code,
        allocation_share,
        share_basis,
        version_path,
        path_change_types
    from {{ ref('municipality_code_bridge') }}
    where version_id = '0718@1999-01-01'
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
