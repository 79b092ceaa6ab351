{#-
    Pairs of rows with the same `key` whose validity periods overlap.

    A period runs from `valid_from` to `valid_to` inclusive; a NULL `valid_to` is
    open (still valid). Two versions of one code may meet (one ends the day before
    the next starts) but never share a day.
-#}
{% macro no_overlapping_validity_sql(relation, key, valid_from='valid_from', valid_to='valid_to') %}
    with periods as (
        select
            {{ key }} as validity_key,
            {{ valid_from }} as period_from,
            coalesce({{ valid_to }}, date '9999-12-31') as period_to,
            row_number() over () as period_row
        from {{ relation }}
    )

    select
        earlier.validity_key,
        earlier.period_from as earlier_from,
        earlier.period_to as earlier_to,
        later.period_from as later_from,
        later.period_to as later_to
    from periods as earlier
    inner join periods as later
        on
            earlier.validity_key = later.validity_key
            and earlier.period_row != later.period_row
            and earlier.period_from <= later.period_from
            and later.period_from <= earlier.period_to
            -- identical starts would otherwise be reported twice
            and (earlier.period_from < later.period_from or earlier.period_row < later.period_row)
{% endmacro %}

{% test no_overlapping_validity(model, column_name, valid_from='valid_from', valid_to='valid_to') %}
    {{ no_overlapping_validity_sql(model, column_name, valid_from, valid_to) }}
{% endtest %}
