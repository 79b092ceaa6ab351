{#-
    Rows whose lineage names no document the run read: the pair of file name
    (`column_name`) and SHA-256 (`sha256_column`) must be one of `documents` (by default
    `audit_documents`) with one of the `statuses` whose rows are published. A row with
    no file name passes (a test of NULLs is the contract's).
-#}
{% macro traces_to_document_sql(relation, column_name, sha256_column, documents, statuses) %}
    select facts.*
    from {{ relation }} as facts
    left join {{ documents }} as documents
        on
            facts.{{ column_name }} = documents.source_file
            and facts.{{ sha256_column }} = documents.source_sha256
            and documents.extraction_status in ('{{ statuses | join("', '") }}')
    where
        facts.{{ column_name }} is not null
        and documents.source_file is null
{% endmacro %}

{% test traces_to_document(
    model, column_name, sha256_column='source_sha256', documents=none,
    statuses=['extracted', 'unchanged', 'quarantined']
) %}
    {{ traces_to_document_sql(model, column_name, sha256_column, documents or ref('audit_documents'), statuses) }}
{% endtest %}
