{#-
    Published municipality names beside the reference name of the version their code
    had at their date, with `name_match` (see `audit_municipality_names`).

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

    with_version as (
        select
            published_names.fact_model,
            published_names.at_date,
            published_names.municipality_code,
            published_names.source_name,
            published_names.source_file,
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

    matched as (
        select
            *,
            case
                when version_id is null then 'no_version'
                when source_name in (reference_name, reference_name_parallel) then 'exact'
                when list_contains(reference_names_folded, source_name_folded) then 'normalised'
                when len(list_intersect(source_forms_folded, reference_forms_folded)) > 0 then 'one_form'
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
        source_file
    from matched
{% endmacro %}
