{#-
    Published municipality names beside the reference name of the version their code
    had at their date, with `name_match` (see `audit_municipality_names`).

    A published name that is not the code's own name but is (after folding, any one of
    its forms) the name of another municipality valid at that date, or of another
    version of the same code, is a wrong name: `mismatch`, however close the spelling
    (`0104 Voss` is Moss's code, `0137 Våle` Våler's while 0716 Våle existed). Only a
    close spelling that is nobody's name is an OCR slip (`near_match`: `lbestad`).

    `published_names` is a relation with `fact_model`, `at_date`, `municipality_code`,
    `source_name` and `source_file`; `versions` one with `version_id`,
    `municipality_code`, `municipality_name`, `name_parallel`, `parallel_forms` (a list
    or NULL), `valid_from` and `valid_to` (NULL = still valid). Codes that are not in
    `versions` at all (9999 Ukjent) are left out.
-#}
{% macro match_municipality_names_sql(published_names, versions) %}
    with reference_versions as (
        select * from {{ versions }}
    ),

    version_names as (
        select distinct
            version_id,
            municipality_code,
            valid_from,
            valid_to,
            unnest(
                list_concat(
                    [
                        {{ normalise_municipality_name('municipality_name') }},
                        {{ normalise_municipality_name('name_parallel') }}
                    ],
                    list_transform(
                        coalesce(parallel_forms, []),
                        form -> {{ normalise_municipality_name('form') }}
                    )
                )
            ) as name_folded
        from reference_versions
    ),

    with_version as (
        select
            published_names.fact_model,
            published_names.at_date,
            published_names.municipality_code,
            published_names.source_name,
            published_names.source_file,
            row_number() over () as published_row,
            reference_versions.version_id,
            reference_versions.municipality_name as reference_name,
            reference_versions.name_parallel as reference_name_parallel,
            {{ normalise_municipality_name('published_names.source_name') }} as source_name_folded,
            list_filter(
                list_transform(
                    regexp_split_to_array(published_names.source_name, '\s+-\s+|/|\s+'),
                    form -> {{ normalise_municipality_name('form') }}
                ),
                form -> form != ''
            ) as source_forms_folded,
            [
                {{ normalise_municipality_name('reference_versions.municipality_name') }},
                {{ normalise_municipality_name('reference_versions.name_parallel') }}
            ] as reference_names_folded,
            list_append(
                list_transform(
                    coalesce(reference_versions.parallel_forms, []),
                    form -> {{ normalise_municipality_name('form') }}
                ),
                {{ normalise_municipality_name('reference_versions.municipality_name') }}
            ) as reference_forms_folded
        from {{ published_names }} as published_names
        left join reference_versions
            on
                published_names.municipality_code = reference_versions.municipality_code
                and published_names.at_date >= reference_versions.valid_from
                and (reference_versions.valid_to is null or published_names.at_date <= reference_versions.valid_to)
        where published_names.municipality_code in (select known.municipality_code from reference_versions as known)
    ),

    other_versions_named as (
        -- the versions, other than the code's own at that date, whose name was printed
        select
            with_version.published_row,
            string_agg(distinct version_names.version_id, ', ' order by version_names.version_id) as other_version_ids
        from with_version
        inner join version_names
            on
                (
                    version_names.name_folded = with_version.source_name_folded
                    or list_contains(with_version.source_forms_folded, version_names.name_folded)
                )
                and version_names.version_id != with_version.version_id
                and (
                    version_names.municipality_code = with_version.municipality_code
                    or (
                        version_names.valid_from <= with_version.at_date
                        and (version_names.valid_to is null or version_names.valid_to >= with_version.at_date)
                    )
                )
        group by with_version.published_row
    ),

    matched as (
        select
            with_version.*,
            other_versions_named.other_version_ids,
            case
                when version_id is null then 'no_version'
                when source_name in (reference_name, reference_name_parallel) then 'exact'
                when list_contains(reference_names_folded, source_name_folded) then 'normalised'
                when len(list_intersect(source_forms_folded, reference_forms_folded)) > 0 then 'one_form'
                when other_versions_named.other_version_ids is not null then 'mismatch'
                when list_bool_or(
                    list_transform(
                        list_append(source_forms_folded, source_name_folded),
                        source_form -> list_bool_or(
                            list_transform(
                                list_concat(reference_forms_folded, reference_names_folded),
                                reference_form -> levenshtein(source_form, reference_form)
                                <= greatest(1, length(reference_form) // 5)
                            )
                        )
                    )
                ) then 'near_match'
                else 'mismatch'
            end as name_match
        from with_version
        left join other_versions_named
            on with_version.published_row = other_versions_named.published_row
    )

    select
        fact_model,
        at_date,
        municipality_code,
        source_name,
        version_id,
        reference_name,
        reference_name_parallel,
        name_match,
        case when name_match = 'mismatch' then other_version_ids end as other_versions_with_name,
        source_file
    from matched
{% endmacro %}
