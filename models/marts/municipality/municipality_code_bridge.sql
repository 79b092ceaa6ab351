-- From every municipality version to the version(s) in force on the structure date
-- (var `municipality_structure_date`, by default 2026-01-01), walking the change
-- edges with a recursive CTE as seeds/reference/README.md prescribes:
--   * a version with `restored` edges takes them (share 1) and the walk stops there
--     (2024: Haram and the old Ålesund, Ørskog, Skodje, Sandøy re-created whole);
--   * otherwise only succession edges (renumbered, renamed, merged, split) are
--     followed; `boundary` edges never are;
--   * shares multiply along the path; an edge without a documented share (the
--     Tysfjord and Snillfjord splits) makes the whole path undocumented: its share
--     stays NULL and the harmonised marts leave it out (audit_harmonisation_exclusions).
with recursive

versions as (
    select * from {{ ref('stg_reference__municipality_versions') }}
),

changes as (
    select * from {{ ref('stg_reference__municipality_changes') }}
),

structure_date as (
    select cast('{{ var("municipality_structure_date", "2026-01-01") }}' as date) as at_date
),

current_versions as (
    select versions.version_id
    from versions
    cross join structure_date
    where
        versions.valid_from <= structure_date.at_date
        and (versions.valid_to is null or versions.valid_to >= structure_date.at_date)
),

versions_with_restored_edges as (
    select distinct old_version_id as version_id
    from changes
    where change_type = 'restored'
),

followed_edges as (
    -- The edges the walk may take out of each version.
    select
        changes.old_version_id,
        changes.new_version_id,
        changes.change_type,
        changes.share,
        case
            when changes.change_type = 'restored' then 'restored'
            else changes.share_basis
        end as share_basis
    from changes
    left join versions_with_restored_edges
        on changes.old_version_id = versions_with_restored_edges.version_id
    where
        (versions_with_restored_edges.version_id is not null and changes.change_type = 'restored')
        or (versions_with_restored_edges.version_id is null and changes.is_succession)
),

walk (
    start_version_id, version_id, allocation_share, is_share_documented,
    share_bases, change_types, version_path, steps
) as (
    select
        version_id as start_version_id,
        version_id,
        cast(1 as decimal(18, 12)) as allocation_share,
        true as is_share_documented,
        cast([] as varchar[]) as share_bases,
        cast([] as varchar[]) as change_types,
        [version_id] as version_path,
        0 as steps
    from versions

    union all

    select
        walk.start_version_id,
        followed_edges.new_version_id as version_id,
        cast(walk.allocation_share * cast(followed_edges.share as decimal(18, 12)) as decimal(18, 12))
            as allocation_share,
        walk.is_share_documented and followed_edges.share is not null as is_share_documented,
        list_append(walk.share_bases, followed_edges.share_basis) as share_bases,
        list_append(walk.change_types, followed_edges.change_type) as change_types,
        list_append(walk.version_path, followed_edges.new_version_id) as version_path,
        walk.steps + 1 as steps
    from walk
    inner join followed_edges
        on walk.version_id = followed_edges.old_version_id
    -- stop at a version in force on the structure date; the step limit guards
    -- against a cycle in a broken seed (a test then reports the unreached versions)
    where
        walk.version_id not in (select current_versions.version_id from current_versions)
        and walk.steps < 20
),

arrived as (
    select walk.*
    from walk
    inner join current_versions
        on walk.version_id = current_versions.version_id
),

-- Two paths could in principle lead to the same current version: add their shares.
per_target as (
    select
        start_version_id,
        version_id as current_version_id,
        sum(allocation_share) as allocation_share,
        bool_and(is_share_documented) as is_share_documented,
        list_distinct(flatten(list(share_bases))) as share_bases,
        string_agg(array_to_string(version_path, ' > '), ' | ' order by version_path) as version_path,
        string_agg(array_to_string(change_types, ' > '), ' | ' order by version_path) as path_change_types,
        max(steps) as steps,
        count(*) as paths
    from arrived
    group by start_version_id, version_id
)

select
    start_version.version_id,
    start_version.municipality_code,
    start_version.municipality_name,
    start_version.valid_from,
    start_version.valid_to,
    start_version.is_municipality,
    per_target.current_version_id,
    current_version.municipality_code as current_municipality_code,
    current_version.municipality_name as current_municipality_name,
    per_target.is_share_documented,
    per_target.version_path,
    per_target.path_change_types,
    per_target.steps,
    per_target.paths,
    case
        when per_target.is_share_documented then cast(per_target.allocation_share as decimal(18, 12))
    end as allocation_share,
    case
        when not per_target.is_share_documented then 'none'
        when list_contains(per_target.share_bases, 'population_approximate') then 'population_approximate'
        when list_contains(per_target.share_bases, 'population') then 'population'
        when list_contains(per_target.share_bases, 'restored') then 'restored'
        else 'whole'
    end as share_basis
from per_target
inner join versions as start_version
    on per_target.start_version_id = start_version.version_id
inner join versions as current_version
    on per_target.current_version_id = current_version.version_id
