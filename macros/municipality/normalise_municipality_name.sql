{#-
    A municipality name folded for comparison: SSB's county qualifier in parentheses
    dropped (`Våler (Østfold)`), case and diacritics folded (`Kárášjohka` =
    `Karasjohka`), and every space and hyphen removed, so split words and hyphen
    variants compare equal (`Nord- Odal` = `Nord-Odal`, `Guovdageaidn u` =
    `Guovdageaidnu`). `ø`, `æ` are letters of their own and stay.
-#}
{% macro normalise_municipality_name(expression) -%}
    lower(strip_accents(regexp_replace(regexp_replace({{ expression }}, '\s*\(.*\)\s*$', ''), '[\s\-‐–]', '', 'g')))
{%- endmacro %}
