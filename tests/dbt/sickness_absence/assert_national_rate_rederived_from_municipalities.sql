-- Per document, sex, year and quarter, the municipalities' rate re-derived from
-- their man-days and rates, 100 × Σ days ÷ Σ (days ÷ rate × 100), must match the
-- TOTAL row's published rate within its rounding (±0.05) plus 0.5 % of the rate
-- for people with unknown residence (see `sickness_absence_national_rate_gaps_sql`).
-- Unlike the parser's checks, which each look at one row, this sees a municipality
-- read wrongly in a way its own rates cannot reveal. On the sample: 5.071 against
-- 5.1, 5.685 against 5.7, 5.280 against 5.3, 5.935 against 5.9.
{{ sickness_absence_national_rate_gaps_sql(ref('stg_sickness_absence__absence')) }}
