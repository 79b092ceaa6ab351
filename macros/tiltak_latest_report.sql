{#-
    The rows of `relation` from the latest report per key: where two reports publish
    the same month, the one whose range ends later wins (then the one starting later,
    then the file's hash, so the choice never depends on load order).
-#}
{% macro tiltak_latest_report_sql(relation, key_columns) %}
    select *
    from {{ relation }}
    qualify row_number() over (
        partition by {{ key_columns | join(', ') }}
        order by report_last_month desc, report_first_month desc, source_sha256 desc
    ) = 1
{% endmacro %}
