-- Each fact's published municipality name beside the reference name of the version
-- its code had at the fact's date, one row per fact, date, code and published name.
-- `name_match`:
--   exact          the published name is the official name or its full parallel form
--   normalised     equal after folding case, diacritics, hyphens and split words
--   one_form       one of the published forms (split at ` - `, `/` or a space) is one
--                  of the official forms: `Røros - Rossen` (Røros), `Re/Våle` (Re),
--                  `Kárájohka Karasjok` (Karasjok)
--   near_match     a published form is within one edit per five letters of an official
--                  form (at least one): OCR slips such as `lbestad`, `Rørros`,
--                  `Dielldanuorri - Tieldsund`. Listed, not treated as wrong names.
--   mismatch       none of these: a wrong name in the document (0718 Våle for
--                  Ramnes in 2001, 0701 Borre for Horten in 2006); a warn test lists them
--   no_version     the code had no version at that date (see the valid_at_date tests)
-- Codes that are not in the reference at all (9999 Ukjent) are left out.
{%- set facts = municipality_fact_dates() %}
with published_names as (
    {%- for fact_name, date_expression in facts.items() %}
        select distinct
            '{{ fact_name }}' as fact_model,
            cast({{ date_expression }} as date) as at_date,
            municipality_code,
            source_name,
            source_file
        from {{ ref(fact_name) }}
        where source_name is not null
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}
),

versions as (
    select * from {{ ref('stg_reference__municipality_versions') }}
),

with_version as (
    select
        published_names.*,
        versions.version_id,
        versions.municipality_name as reference_name,
        versions.name_parallel as reference_name_parallel,
        {{ normalise_municipality_name('published_names.source_name') }} as source_name_folded,
        list_filter(
            list_transform(
                regexp_split_to_array(published_names.source_name, '\s+-\s+|/|\s+'),
                form -> {{ normalise_municipality_name('form') }}
            ),
            form -> form != ''
        ) as source_forms_folded,
        [
            {{ normalise_municipality_name('versions.municipality_name') }},
            {{ normalise_municipality_name('versions.name_parallel') }}
        ] as reference_names_folded,
        list_append(
            list_transform(
                coalesce(versions.parallel_forms, []),
                form -> {{ normalise_municipality_name('form') }}
            ),
            {{ normalise_municipality_name('versions.municipality_name') }}
        ) as reference_forms_folded
    from published_names
    left join versions
        on
            published_names.municipality_code = versions.municipality_code
            and published_names.at_date >= versions.valid_from
            and (versions.valid_to is null or published_names.at_date <= versions.valid_to)
    where published_names.municipality_code in (select known.municipality_code from versions as known)
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
