-- Hand-checked splits:
--   1850 Tysfjord (→2019) split between 1806 Narvik and 1875 Hamarøy with no
--   documented share: both rows flagged, no share (never the 0.42/0.58 estimate).
--   1507 Ålesund (2020–2023) split in 2024: 0.86213 to 1508 Ålesund, 0.13787 to
--   1580 Haram (populations 1 Jan 2024).
--   1534 Haram (→2019) takes its `restored` edge: wholly 1580 Haram, not 86 % Ålesund.
with expected (version_id, current_municipality_code, allocation_share, share_basis, is_share_documented) as (
    values
    ('1850@2012-01-01', '1806', null, 'none', false),
    ('1850@2012-01-01', '1875', null, 'none', false),
    ('1507@2020-01-01', '1508', 0.86213, 'population', true),
    ('1507@2020-01-01', '1580', 0.13787, 'population', true),
    ('1534@1999-01-01', '1580', 1.0, 'restored', true)
),

actual as (
    select
        version_id,
        current_municipality_code,
        allocation_share,
        share_basis,
        is_share_documented
    from {{ ref('municipality_code_bridge') }}
    where version_id in ('1850@2012-01-01', '1507@2020-01-01', '1534@1999-01-01')
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
