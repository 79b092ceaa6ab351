"""The quality report: one self-contained HTML page beside the warehouse (inline CSS,
charts as inline SVG, no script, nothing fetched at view time) that shows what a run
read, reconciled, rejected, suppressed and left out — to look at, or to send on.

Everything comes from the published warehouse's marts; the page is written by every
`kommunedata run` and by `kommunedata report`.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

ROWS_SHOWN = 200
CSS = """
body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem auto; padding: 0 1rem; max-width: 100rem; color: #1b1b1b; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2.2rem; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; width: 100%; font-size: 12px; }
th, td { border-bottom: 1px solid #e4e4e4; padding: 3px 6px; text-align: left; vertical-align: top; }
td { white-space: nowrap; }
td.long { white-space: normal; min-width: 14rem; max-width: 32rem; overflow-wrap: break-word; }
.scroll { overflow-x: auto; }
th { background: #f3f3f3; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
.empty { color: #666; font-style: italic; } .note { color: #555; } figure { margin: 1rem 0; }
svg text { font: 11px system-ui, sans-serif; }
"""


@dataclass(frozen=True)
class Section:
    """One part of the report: an id, a title, a note, a chart (SVG) and a table."""

    key: str
    title: str
    note: str
    columns: tuple[str, ...]
    rows: list[tuple]
    chart: str = ""


def _cell(value: object) -> str:
    if value is None:
        return "<td></td>"
    numeric = isinstance(value, int | float | Decimal) and not isinstance(value, bool)
    text = html.escape(str(value))
    if numeric:
        return f'<td class="n">{text}</td>'
    # A long text (a tolerance, a reason, a raw line) keeps a readable width in a wide table.
    return f'<td class="long">{text}</td>' if len(text) > 30 else f"<td>{text}</td>"


def table_html(columns: Sequence[str], rows: Sequence[tuple]) -> str:
    if not rows:
        return '<p class="empty">None.</p>'
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(_cell(v) for v in row) + "</tr>" for row in rows[:ROWS_SHOWN])
    more = ""
    if len(rows) > ROWS_SHOWN:
        more = f'<p class="note">… and {len(rows) - ROWS_SHOWN} more rows in the mart.</p>'
    return f'<div class="scroll"><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>{more}'


def _shortened(label: str, length: int) -> str:
    """A chart label that fits its margin: long file names keep their start and end."""
    if len(label) <= length:
        return label
    half = (length - 1) // 2
    return f"{label[:half]}…{label[-half:]}"


def bar_chart(title: str, labels: Sequence[str], values: Sequence[float], unit: str = "") -> str:
    """A horizontal bar chart as inline SVG (no bars: no chart)."""
    if not labels:
        return ""
    width, bar, gap, left = 700, 16, 6, 320
    height = len(labels) * (bar + gap) + 30
    top = max((abs(float(v)) for v in values), default=0) or 1.0
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
             f'aria-label="{html.escape(title)}"><title>{html.escape(title)}</title>']
    for index, (label, value) in enumerate(zip(labels, values)):
        y = 20 + index * (bar + gap)
        length = (width - left - 80) * abs(float(value)) / top
        name = html.escape(_shortened(str(label), 46))
        parts.append(f'<text x="{left - 6}" y="{y + bar - 4}" text-anchor="end">{name}</text>')
        parts.append(f'<rect x="{left}" y="{y}" width="{length:.1f}" height="{bar}" fill="#3b6ea8"/>')
        parts.append(f'<text x="{left + length + 4:.1f}" y="{y + bar - 4}">{html.escape(f"{value}{unit}")}</text>')
    parts.append("</svg>")
    return f"<figure>{''.join(parts)}<figcaption>{html.escape(title)}</figcaption></figure>"


def _query(connection, sql: str) -> tuple[tuple[str, ...], list[tuple]]:
    cursor = connection.execute(sql)
    return tuple(d[0] for d in cursor.description), cursor.fetchall()


def sections(connection) -> list[Section]:
    """The report's sections, read from the warehouse's marts."""
    out = []
    columns, rows = _query(connection, """
        select source_file, document_kind,
               strftime(period_start, '%Y-%m-%d') || '\u00a0–\u00a0' || strftime(period_end, '%Y-%m-%d') as period,
               extraction_status, extracted_rows, rejected_lines, municipalities_missing, message
        from main.audit_documents order by source_file""")
    out.append(Section("documents", "Documents", "Every document the run was given and what became of it "
                       "(published, unchanged, quarantined, failed, unknown, duplicate).", columns, rows))
    columns, rows = _query(connection, """
        select document_kind, source_file, total_of, published_total, read_sum, gap, tolerance, rejected_lines
        from main.audit_published_totals order by source_file, total_of""")
    largest: dict[str, float] = {}
    for row in rows:
        largest[row[1]] = max(largest.get(row[1], 0.0), abs(float(row[5] or 0)))
    out.append(Section("totals", "Published totals", "Every total a document prints beside the sum of the rows "
                       "read, with the tolerance its test applies; for a document with rejected lines the gap is "
                       "what those rows held.", columns, rows,
                       bar_chart("Largest reconciliation gap per document (|printed total − sum read|)",
                                 list(largest), list(largest.values()))))
    columns, rows = _query(connection, """
        select source_file, measure, value_status, cells, share_of_cells
        from main.audit_value_statuses where value_status not in ('published', 'derived', 'not_printed')
        order by source_file, measure, value_status""")
    out.append(Section("statuses", "Cells without a published number", "Per document and measure, the cells that "
                       "are suppressed, missing, not answered, not published, confidential or empty, and their "
                       "share: each keeps its status, none is a 0.", columns, rows))
    columns, rows = _query(connection, """
        select source_file, source_line, reason, raw_line
        from main.audit_extraction_rejects order by source_file, source_line""")
    per_document: dict[str, int] = {}
    for row in rows:
        per_document[row[0]] = per_document.get(row[0], 0) + 1
    out.append(Section("rejects", "Rejected lines", "Lines that looked like data but could not be read, with the "
                       "reason; nothing was dropped or guessed.", columns, rows,
                       bar_chart("Rejected lines per document", list(per_document), list(per_document.values()))))
    columns, rows = _query(connection, """
        select strftime(month, '%Y-%m') as month, count(*) as cells,
               count(*) filter (where value_status = 'suppressed') as suppressed,
               round(100.0 * count(*) filter (where value_status = 'suppressed') / count(*), 1) as suppressed_pct
        from main.fct_tiltak_monthly group by month order by month""")
    out.append(Section("suppression", "NAV cells suppressed per month", "Values below 4 that NAV prints as `*`: "
                       "never 0, never guessed.", columns, rows,
                       bar_chart("Share of NAV cells suppressed per month", [r[0] for r in rows],
                                 [r[3] for r in rows], " %")))
    columns, rows = _query(connection, """
        select fact_model, at_date, municipality_code, source_name, reference_name, name_match, source_file
        from main.audit_municipality_names where name_match in ('mismatch', 'near_match', 'no_version')
        union all
        select fact_model, at_date, printed_county_code, source_name, reference_name,
               coalesce(name_match, resolution), source_file
        from main.audit_county_names where resolution != 'resolved' or name_match = 'mismatch'
        order by 1, 2, 3""")
    out.append(Section("names", "Names that differ from the reference", "Published municipality and county names "
                       "that are not the official name of their code at their date (OCR slips, wrong names).",
                       columns, rows))
    columns, rows = _query(connection, """
        select document_kind, source_file, structure_date, municipalities_listed, municipalities_of_period,
               municipalities_missing, claims_completeness, missing_municipalities
        from main.audit_document_coverage order by source_file""")
    out.append(Section("coverage", "Completeness", "Which municipalities of its period each document lists and "
                       "leaves out.", columns, rows))
    columns, rows = _query(connection, """
        select fact_model, measure, fact_keys, municipality_code, exclusion_reason, excluded_value, source_file
        from main.audit_harmonisation_exclusions order by 1, 2, 4""")
    out.append(Section("exclusions", "Left out of the harmonised marts", "Cells the harmonisation to today's "
                       "municipalities could not place (a split without a documented share, area codes).",
                       columns, rows))
    return out


def render(sections_: Sequence[Section], warehouse: Path, built_at: str) -> str:
    index = "".join(f'<li><a href="#{s.key}">{html.escape(s.title)}</a> ({len(s.rows)})</li>' for s in sections_)
    body = "".join(
        f'<section id="{s.key}"><h2>{html.escape(s.title)}</h2><p class="note">{html.escape(s.note)}</p>'
        f"{s.chart}{table_html(s.columns, s.rows)}</section>"
        for s in sections_
    )
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>kommunedata quality report</title>'
            f"<style>{CSS}</style></head><body><h1>kommunedata quality report</h1>"
            f'<p class="note">Warehouse {html.escape(str(warehouse))}, built {html.escape(built_at)}.</p>'
            f"<ul>{index}</ul>{body}</body></html>\n")


def report_path(warehouse: Path) -> Path:
    return warehouse.with_name(f"{warehouse.stem}_report.html")


def write_report(warehouse: Path) -> Path:
    """Write the report of the published `warehouse` beside it; returns its path."""
    import duckdb

    with duckdb.connect(str(warehouse), read_only=True) as connection:
        page = render(sections(connection), warehouse, datetime.now(UTC).isoformat(timespec="seconds"))
    target = report_path(warehouse)
    building = target.with_name(f".{target.name}.building")
    building.write_text(page, encoding="utf-8")
    building.replace(target)
    return target
