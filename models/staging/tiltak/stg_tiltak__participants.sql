with source as (
    select * from {{ source('tiltak', 'participants') }}
),

renamed as (
    select
        cast(report_first_month as date) as report_first_month,
        cast(report_last_month as date) as report_last_month,
        cast(table_number as integer) as table_number,
        table_dimension,
        cast(code as varchar) as code,
        source_name,
        tiltak_type,
        cast(is_total_row as boolean) as is_total_row,
        measure,
        cast(month as date) as month,
        cast(participants as integer) as participants,
        value_status,
        cast(is_suppressed as boolean) as is_suppressed,
        {{ lineage_columns() }}
    from source
)

select * from renamed
