{#-
    Published county names (or printed county codes) → the county version valid at
    their date.

    `published_names` is a relation with `at_date`, `source_name` and `printed_code`
    (NULL where the table prints the name only); `versions` one like
    `stg_reference__county_versions` (`county_version_id`, `county_code`,
    `county_name`, `name_parallel`, `is_county`, `valid_from`, `valid_to`). Only
    counties are candidates: Svalbard, Jan Mayen and the continental shelf are no
    county (the extraction marks them `unallocated`).

    A name matches a version `exact`ly (its name or full parallel form), `normalised`
    (equal after folding case, diacritics, hyphens and spaces: `Troms Romsa` =
    `Troms - Romsa`), or by `one_form`: the name is the first few of the official
    forms (`Troms Romsa` in 2024 is 55 `Troms - Romsa - Tromssa`; `Troms og
    Finnmark Romsa ja Finnmárku` is 54), or one of the published forms, split at
    ` - `, `/` or a space, is one of the official forms. Only the best kind of
    match found counts. A printed
    code is taken as printed; its name is then checked against the code's version
    (`mismatch` when it is none of its forms).

    `resolution`: `resolved` (one county), `unknown` (no county of that date has the
    name, or the printed code had no version then) or `ambiguous` (several,
    listed in `candidate_codes`). Names are never resolved by guessing.
-#}
{% macro resolve_county_names_sql(published_names, versions) %}
    with published as (
        select distinct
            at_date,
            source_name,
            printed_code
        from {{ published_names }}
    ),

    counties as (
        select
            county_version_id,
            county_code,
            county_name,
            name_parallel,
            valid_from,
            valid_to,
            [
                {{ normalise_municipality_name('county_name') }},
                {{ normalise_municipality_name('name_parallel') }}
            ] as names_folded,
            list_transform(
                string_split(coalesce(name_parallel, county_name), ' - '),
                form -> {{ normalise_municipality_name('form') }}
            ) as forms_folded
        from {{ versions }}
        where is_county
    ),

    county_forms as (
        select
            *,
            list_transform(
                generate_series(1, len(forms_folded)),
                forms -> array_to_string(forms_folded[1:forms], '')
            ) as leading_forms_folded
        from counties
    ),

    published_forms as (
        select
            *,
            {{ normalise_municipality_name('source_name') }} as name_folded,
            list_filter(
                list_transform(
                    regexp_split_to_array(source_name, '\s+[-‐–]\s+|/|\s+'),
                    form -> {{ normalise_municipality_name('form') }}
                ),
                form -> form != ''
            ) as forms_folded
        from published
    ),

    matches as (
        select
            published_forms.at_date,
            published_forms.source_name,
            published_forms.printed_code,
            counties.county_version_id,
            counties.county_code,
            counties.county_name,
            counties.name_parallel,
            case
                when published_forms.source_name in (counties.county_name, counties.name_parallel) then 'exact'
                when list_contains(counties.names_folded, published_forms.name_folded) then 'normalised'
                when list_contains(counties.leading_forms_folded, published_forms.name_folded) then 'one_form'
                when len(list_intersect(published_forms.forms_folded, counties.forms_folded)) > 0 then 'one_form'
                else 'mismatch'
            end as name_match
        from published_forms
        inner join county_forms as counties
            on
                published_forms.at_date >= counties.valid_from
                and (counties.valid_to is null or published_forms.at_date <= counties.valid_to)
                and (
                    counties.county_code = published_forms.printed_code
                    or (
                        published_forms.printed_code is null
                        and (
                            list_contains(counties.names_folded, published_forms.name_folded)
                            or list_contains(counties.leading_forms_folded, published_forms.name_folded)
                            or len(list_intersect(published_forms.forms_folded, counties.forms_folded)) > 0
                        )
                    )
                )
    ),

    best_matches as (
        select *
        from matches
        qualify
            case name_match when 'exact' then 1 when 'normalised' then 2 when 'one_form' then 3 else 4 end
            = min(case name_match when 'exact' then 1 when 'normalised' then 2 when 'one_form' then 3 else 4 end)
                over (partition by at_date, source_name, printed_code)
    ),

    resolved as (
        select
            at_date,
            source_name,
            printed_code,
            count(distinct county_code) as candidates,
            string_agg(distinct county_code, ', ' order by county_code) as candidate_codes,
            min(county_version_id) as county_version_id,
            min(county_code) as county_code,
            min(county_name) as reference_name,
            min(name_parallel) as reference_name_parallel,
            min(name_match) as name_match
        from best_matches
        group by at_date, source_name, printed_code
    )

    select
        published.at_date,
        published.source_name,
        published.printed_code,
        case when resolved.candidates = 1 then resolved.county_code end as county_code,
        case when resolved.candidates = 1 then resolved.county_version_id end as county_version_id,
        case when resolved.candidates = 1 then resolved.reference_name end as reference_name,
        case when resolved.candidates = 1 then resolved.reference_name_parallel end as reference_name_parallel,
        case when resolved.candidates = 1 then resolved.name_match end as name_match,
        case
            when resolved.candidates = 1 then 'resolved'
            when resolved.candidates > 1 then 'ambiguous'
            else 'unknown'
        end as resolution,
        case when resolved.candidates > 1 then resolved.candidate_codes end as candidate_codes
    from published
    left join resolved
        on
            published.at_date = resolved.at_date
            and published.source_name = resolved.source_name
            and published.printed_code is not distinct from resolved.printed_code
{% endmacro %}
