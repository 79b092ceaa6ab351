{#- The lineage every extracted row carries, cast once for every staging model:
    the document (file name and SHA-256), the PDF page (NULL for text), the line
    number and the line as published. -#}
{% macro lineage_columns() -%}
    source_file,
    source_sha256,
    cast(source_page as integer) as source_page,
    cast(source_line as integer) as source_line,
    raw_line
{%- endmacro %}
