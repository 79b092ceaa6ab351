-- Two loaded reports publish different figures for the same month and row. The
-- marts keep the newer one, so this warns rather than fails: NAV revises figures.
{{ config(severity = 'warn') }}

select * from {{ ref('audit_tiltak_report_disagreements') }}
