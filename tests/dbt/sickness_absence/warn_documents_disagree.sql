-- Two loaded documents give different man-days or rates for the same quarter,
-- municipality and sex. The marts keep one by a fixed rule (published before
-- derived, then file name), so this warns rather than fails: SSB revises figures,
-- and a derived figure (days − change) need not equal last year's published one.
{{ config(severity = 'warn') }}

select * from {{ ref('audit_sickness_absence_disagreements') }}
