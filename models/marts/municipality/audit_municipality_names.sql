-- Each fact's published municipality name beside the reference name of the version
-- its code had at the fact's date, one row per fact, date, code and published name.
-- `name_match`:
--   exact          the published name is the official name or its full parallel form
--   normalised     equal after folding case, diacritics, hyphens and split words
--   one_form       one of the published forms (split at ` - `, `/` or a space) is one
--                  of the official forms: `Røros - Rossen` (Røros), `Re/Våle` (Re),
--                  `Kárájohka Karasjok` (Karasjok)
--   mismatch       a wrong name in the document: the name (or one form) of another
--                  municipality valid at that date or of another version of the same
--                  code, however close the spelling (0718 Våle for Ramnes in 2001, 0701
--                  Borre for Horten in 2006; 0104 Voss, 0137 Våle would be too), or a
--                  name that is not close to the official one; a warn test lists them
--   near_match     a published form within one edit per five letters of an official
--                  form (at least one) that is nobody else's name: OCR slips such as
--                  `lbestad`, `Rørros`, `Dielldanuorri - Tieldsund`. Listed, not
--                  treated as wrong names.
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

matched_names as (
    {{ match_municipality_names_sql('published_names', ref('stg_reference__municipality_versions')) }}
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
    other_versions_with_name,
    source_file
from matched_names
