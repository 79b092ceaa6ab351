{#-
    Rows whose code does not resolve to exactly one version valid at the row's date.

    `column_name` holds the code; `date_expression` is evaluated on the row (for
    example `month`, `make_date(year, 1, 1)` or `structure_date`). `or_date_expression`,
    when given, is a second date at which the code may resolve instead: a sickness
    table prints a quarter a year back under the code it had then, or under the
    table's own structure after a reform. `versions` is a relation with
    `code_column`, `valid_from` and `valid_to` (NULL = still valid), by default the
    municipality versions. Returns each failing row's code and date(s) with the
    number of matching versions at each (0 = unknown at that date, 2+ = ambiguous).
    Rows whose code or date is NULL fail too: they cannot be resolved.
-#}
{% macro valid_at_date_sql(relation, column_name, date_expression, versions, code_column='municipality_code',
                           or_date_expression=none) %}
    with fact_rows as (
        select
            {{ column_name }} as code,
            cast({{ date_expression }} as date) as at_date,
            cast({{ or_date_expression or 'null' }} as date) as or_date
        from {{ relation }}
    ),

    distinct_rows as (
        select
            code,
            at_date,
            or_date,
            count(*) as fact_rows
        from fact_rows
        group by code, at_date, or_date
    ),

    matched as (
        select
            distinct_rows.code,
            distinct_rows.at_date,
            distinct_rows.or_date,
            distinct_rows.fact_rows,
            count(versions.{{ code_column }}) filter (
                where
                    versions.valid_from <= distinct_rows.at_date
                    and (versions.valid_to is null or versions.valid_to >= distinct_rows.at_date)
            ) as matching_versions,
            count(versions.{{ code_column }}) filter (
                where
                    versions.valid_from <= distinct_rows.or_date
                    and (versions.valid_to is null or versions.valid_to >= distinct_rows.or_date)
            ) as matching_versions_at_or_date
        from distinct_rows
        left join {{ versions }} as versions
            on distinct_rows.code = versions.{{ code_column }}
        group by distinct_rows.code, distinct_rows.at_date, distinct_rows.or_date, distinct_rows.fact_rows
    )

    select *
    from matched
    where
        (matching_versions != 1 and matching_versions_at_or_date != 1)
        or code is null
        or at_date is null
{% endmacro %}

{#- Rows to leave out (e.g. `9999` Ukjent) go in the test's `config: where:`. -#}
{% test valid_at_date(model, column_name, date_expression, versions=none, code_column='municipality_code',
                      or_date_expression=none) %}
    {{ valid_at_date_sql(model, column_name, date_expression,
                         versions or ref('stg_reference__municipality_versions'), code_column, or_date_expression) }}
{% endtest %}
