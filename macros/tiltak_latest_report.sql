{#-
    The rows of `relation` from the latest report per key: where two reports publish
    the same month, the one whose range ends later wins, then the one starting later.
    NAV's reports state no publication date (the sample has none), and the time of
    extraction or a file's name says nothing about which report is newer, so two
    reports with the same range are a tie: the larger `source_sha256` wins. That rule
    is arbitrary but never depends on load order; `audit_tiltak_report_disagreements`
    marks such choices `is_tie` where the two reports differ.
-#}
{% macro tiltak_latest_report_sql(relation, key_columns) %}
    select *
    from {{ relation }}
    qualify row_number() over (
        partition by {{ key_columns | join(', ') }}
        order by report_last_month desc, report_first_month desc, source_sha256 desc
    ) = 1
{% endmacro %}
