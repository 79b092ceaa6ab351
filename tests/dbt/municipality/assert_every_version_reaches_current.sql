-- Walking the edges from every version reaches versions in force on the structure
-- date (none is lost), and every version in force is reached (at least by itself).
with versions as (
    select * from {{ ref('dim_municipality') }}
),

bridge as (
    select * from {{ ref('municipality_code_bridge') }}
),

unmapped as (
    select
        'version reaches no current version' as problem,
        versions.version_id
    from versions
    where versions.version_id not in (select bridge.version_id from bridge)
),

current_unreached as (
    select
        'current version not reached' as problem,
        versions.version_id
    from versions
    where
        versions.valid_from <= cast('{{ var("municipality_structure_date", "2026-01-01") }}' as date)
        and versions.valid_to is null
        and versions.version_id not in (select bridge.current_version_id from bridge)
)

select * from unmapped
union all
select * from current_unreached
