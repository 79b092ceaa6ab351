"""QA: derive realistic variants of the bundled sample documents and check the parsers on them.

Each variant is a text transformation of one sample (documents/*.txt) that a real
edition of the same kind could plausibly look like: another month range, year, sex,
quarter pair, county list, column order, line-ending convention, ... The variant is
run through `extract.pipeline.extract_documents([path], out_dir)` and compared with
what the transformation implies: detection, number of rows, rejects, and values
(a variant whose numbers were changed must read back the changed numbers).

Usage (from the repository root, with the project's virtualenv):

    .venv/bin/python qa/make_variants.py                 # all variants
    .venv/bin/python qa/make_variants.py --only tiltak   # names containing 'tiltak'
    .venv/bin/python qa/make_variants.py --list          # names only
    .venv/bin/python qa/make_variants.py --show NAME     # the first problems and rejects of one variant

Variant files are written to qa/out/variants/ (kept, so a failing one can be
opened and re-run with `kommunedata extract qa/out/variants/<file>`). The exit
status is 1 when any variant fails.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extract import parquet_store as store  # noqa: E402
from extract.pipeline import extract_documents  # noqa: E402
from extract.reference import load_reference, normalise_name  # noqa: E402

DOCS = ROOT / "documents"
OUT = ROOT / "qa" / "out" / "variants"
NBSP = "\u00a0"

SAMPLES = {
    "tiltak": DOCS / "nav_tiltak_2026-01_to_2026-04.txt",
    "care_staffing": DOCS / "ssb_care_staffing_1999.txt",
    "sickness_absence": DOCS / "ssb_sickness_absence_men_2002_q2_q3.txt",
    "teacher_norm": DOCS / "kd_teacher_norm_compensation_autumn_2018.txt",
    "home_care_fees": DOCS / "ssb_home_care_fees_2006.txt",
}
LINEAGE = {"source_file", "source_sha256", "source_page", "source_line", "raw_line"}


# --------------------------------------------------------------- running ----


@dataclass
class Outcome:
    status: str
    kind: str | None
    rows: int
    message: str | None
    tables: dict[str, list[dict]] = field(default_factory=dict)
    rejects: list[dict] = field(default_factory=list)
    facts: dict[str, list[str]] = field(default_factory=dict)

    def table(self) -> list[dict]:
        """The kind's main table (the first one)."""
        return next(iter(self.tables.values()), [])


def run_extract(path: Path) -> Outcome:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        report = extract_documents([path], out)
        doc = report.documents[0]
        outcome = Outcome(doc.status, doc.kind, doc.rows, doc.message)
        if doc.sha256 is None:
            return outcome
        name = f"{doc.sha256}.parquet"
        if doc.kind:
            for table_dir in sorted((out / doc.kind).iterdir()):
                file = table_dir / name
                outcome.tables[table_dir.name] = pq.read_table(file).to_pylist() if file.exists() else []
        rejects = store.table_dir(out, store.EXTRACTION, "rejects") / name
        if rejects.exists():
            outcome.rejects = pq.read_table(rejects).to_pylist()
        facts = store.table_dir(out, store.EXTRACTION, "document_facts") / name
        if facts.exists():
            for row in pq.read_table(facts).to_pylist():
                outcome.facts.setdefault(row["fact"], []).append(row["value"])
        return outcome


def strip_lineage(row: dict, drop: set[str] = frozenset()) -> tuple:
    return tuple(sorted((k, v) for k, v in row.items() if k not in LINEAGE and k not in drop))


def multiset(rows: list[dict], drop: set[str] = frozenset()) -> Counter:
    return Counter(strip_lineage(row, drop) for row in rows)


def diff_rows(got: list[dict], want: list[dict], drop: set[str] = frozenset(), limit: int = 3) -> list[str]:
    g, w = multiset(got, drop), multiset(want, drop)
    if g == w:
        return []
    missing, extra = w - g, g - w
    out = [f"values differ: {sum(missing.values())} expected rows missing, {sum(extra.values())} unexpected rows"]
    for row in list(missing)[:limit]:
        out.append(f"  missing: {dict(row)}")
    for row in list(extra)[:limit]:
        out.append(f"  unexpected: {dict(row)}")
    return out


def basic(o: Outcome, kind: str, rows: int | None = None, rejects: int = 0) -> list[str]:
    problems = []
    if o.status != "extracted" or o.kind != kind:
        problems.append(f"status {o.status}, kind {o.kind} (expected extracted as {kind}): {o.message}")
        return problems
    if rows is not None and o.rows != rows:
        problems.append(f"{o.rows} rows, expected {rows}")
    if len(o.rejects) != rejects:
        reasons = Counter(r["reason"][:110] for r in o.rejects)
        problems.append(f"{len(o.rejects)} rejects, expected {rejects}: " + "; ".join(f"{n}× {r}" for r, n in reasons.most_common(3)))
    return problems


def fact(o: Outcome, name: str) -> str | None:
    values = o.facts.get(name)
    return values[0] if values else None


# -------------------------------------------------------------- variants ----


@dataclass
class Variant:
    kind: str
    name: str
    what: str
    text: str
    check: Callable[[Outcome, Outcome], list[str]]  # (variant outcome, baseline outcome) → problems
    encoding: str = "utf-8"
    newline: str = "\n"


VARIANTS: list[Variant] = []


def variant(kind: str, name: str, what: str, text: str, check, **kw) -> None:
    VARIANTS.append(Variant(kind, f"{kind}__{name}", what, text, check, **kw))


def read(kind: str) -> str:
    return SAMPLES[kind].read_text(encoding="utf-8")


def same_as_baseline(drop: set[str] = frozenset(), rows_delta: int = 0):
    def check(o: Outcome, base: Outcome) -> list[str]:
        problems = basic(o, base.kind, base.rows + rows_delta, len(base.rejects))
        if problems:
            return problems
        for table, rows in base.tables.items():
            problems += [f"[{table}] {p}" for p in diff_rows(o.tables.get(table, []), rows, drop)]
        return problems
    return check


# ---- every kind: line endings, BOM, trailing whitespace ----


def encoding_variants() -> None:
    for kind in SAMPLES:
        text = read(kind)
        variant(kind, "crlf", "Windows line endings (CRLF)", text, same_as_baseline(), newline="\r\n")
        variant(kind, "bom", "UTF-8 byte-order mark", "\ufeff" + text, same_as_baseline())
        variant(kind, "crlf_bom", "CRLF and a BOM", "\ufeff" + text, same_as_baseline(), newline="\r\n")
        stripped = "\n".join(line.rstrip(" \t") for line in text.split("\n"))
        if stripped != text:
            variant(kind, "rstrip_ascii", "trailing spaces/tabs stripped", stripped, same_as_baseline())
        stripped = "\n".join(line.rstrip() for line in text.split("\n"))
        variant(kind, "rstrip_unicode", "trailing whitespace incl. NBSP stripped (Python str.rstrip, most editors)",
                stripped, same_as_baseline(drop={"raw_line"}))


# ---- tiltak ----

MONTH_NAMES = ["Januar", "Februar", "Mars", "April", "Mai", "Juni", "Juli", "August", "September",
               "Oktober", "November", "Desember"]
T_HEADING = "Januar 2026 - April 2026"
T_HEADER = "\tGjennom snitt hittil i år\tJanuar\tFebruar\tMars\tApril"


def t_is_data(line: str) -> bool:
    return "\t" in line and "Gjennom snitt" not in line


def t_key(row: dict, first: date) -> tuple:
    offset = None if row["month"] is None else (row["month"].year - first.year) * 12 + row["month"].month - first.month
    return (row["table_dimension"], row["code"], row["tiltak_type"], row["is_total_row"], row["measure"], offset)


def t_values(o: Outcome) -> dict[tuple, tuple]:
    rows = o.tables.get("participants", [])
    if not rows:
        return {}
    first = rows[0]["report_first_month"]
    out = {}
    for row in rows:
        out[t_key(row, first)] = (row["participants"], row["value_status"], row["source_name"])
    return out


def t_compare(expected: dict, got: dict, limit: int = 3) -> list[str]:
    if expected == got:
        return []
    missing = [k for k in expected if k not in got]
    extra = [k for k in got if k not in expected]
    wrong = [k for k in expected if k in got and got[k] != expected[k]]
    out = [f"values differ: {len(missing)} missing, {len(extra)} unexpected, {len(wrong)} wrong"]
    out += [f"  missing {k} = {expected[k]}" for k in missing[:limit]]
    out += [f"  unexpected {k} = {got[k]}" for k in extra[:limit]]
    out += [f"  wrong {k}: got {got[k]}, expected {expected[k]}" for k in wrong[:limit]]
    return out


def t_months_variant(name: str, months: list[str], year: int, heading: str | None = None) -> None:
    """Another month range: the header names `months`; month i's value is sample month (i % 4)
    plus 1000 × (i // 4), so every month of a 12-month report has its own values."""

    def shifted(cell: str, i: int) -> str:
        v = t_int(cell)
        return cell if v is None or i < 4 else cell.replace(re.sub(r"</?b>", "", cell), t_fmt(v + 1000 * (i // 4)))

    text = read("tiltak")
    n = len(months)
    heading = heading or f"{months[0]} {year} - {months[-1]} {year}"
    out = []
    for line in text.split("\n"):
        if line.strip("# ") == T_HEADING:
            line = line.replace(T_HEADING, heading)
        elif line == T_HEADER:
            line = "\tGjennom snitt hittil i år\t" + "\t".join(months)
        elif t_is_data(line):
            cells = line.split("\t")
            line = "\t".join([cells[0], cells[1]] + [shifted(cells[2 + i % 4], i) for i in range(n)])
        out.append(line)

    def check(o: Outcome, base: Outcome) -> list[str]:
        problems = basic(o, "tiltak", base.rows // 5 * (n + 1), 0)
        if problems:
            return problems
        first = date(year, MONTH_NAMES.index(months[0]) + 1, 1)
        if fact(o, "report_first_month") != first.isoformat():
            problems.append(f"report_first_month {fact(o, 'report_first_month')}, expected {first}")
        expected = {}
        for (dim, code, typ, tot, measure, off), value in t_values(base).items():
            if off is None:
                expected[(dim, code, typ, tot, measure, None)] = value
            else:
                for i in range(n):
                    if i % 4 == off:
                        v = value if value[0] is None else (value[0] + 1000 * (i // 4), *value[1:])
                        expected[(dim, code, typ, tot, measure, i)] = v
        return problems + t_compare(expected, t_values(o))

    variant("tiltak", name, f"month range {heading} ({n} month columns)", "\n".join(out), check)


def t_rewrite_rows(text: str, fn: Callable[[list[str]], list[str] | None]) -> str:
    """Apply `fn` to the cells of every data row (None drops the row)."""
    out = []
    for line in text.split("\n"):
        if t_is_data(line):
            cells = fn(line.split("\t"))
            if cells is None:
                continue
            line = "\t".join(cells)
        out.append(line)
    return "\n".join(out)


def t_int(cell: str) -> int | None:
    bare = re.sub(r"</?b>", "", cell).replace(" ", "")
    return int(bare) if bare.isdigit() else None


def t_fmt(value: int) -> str:
    return f"{value:,}".replace(",", " ")


def t_expected_from(base: Outcome, fn: Callable[[tuple, tuple], tuple | None]) -> dict:
    out = {}
    for key, value in t_values(base).items():
        new = fn(key, value)
        if new is not None:
            out[key] = new
    return out


def tiltak_variants() -> None:
    t_months_variant("may_aug_2025", ["Mai", "Juni", "Juli", "August"], 2025)
    t_months_variant("full_year_2025", MONTH_NAMES, 2025)
    t_months_variant("single_month_range", ["Januar"], 2026, heading="Januar 2026 - Januar 2026")
    t_months_variant("single_month_heading", ["Januar"], 2026, heading="Januar 2026")
    t_months_variant("sep_dec_2025", ["September", "Oktober", "November", "Desember"], 2025)
    t_months_variant("en_dash_heading", ["Januar", "Februar", "Mars", "April"], 2026, heading="Januar 2026 \u2013 April 2026")

    text = read("tiltak")

    # Values changed: every municipality/county value v → 10v + 7 (thousands grouped by a space).
    def bump(cells):
        if not re.match(r"^(\d{2}|\d{4}) (?!år)", cells[0]):
            return cells
        return [cells[0]] + [c if t_int(c) is None else c.replace(re.sub(r"</?b>", "", c), t_fmt(t_int(c) * 10 + 7)) for c in cells[1:]]

    def check_bump(o, base):
        problems = basic(o, "tiltak", base.rows, 0)
        exp = t_expected_from(base, lambda k, v: (v[0] * 10 + 7 if v[0] is not None and k[0] in ("county", "municipality") and not k[3] and k[1] not in ("99", "9999") else v[0], v[1], v[2]))
        return problems or t_compare(exp, t_values(o))
    variant("tiltak", "values_changed", "every county/municipality value v → 10v+7 (e.g. 943 → 9 437)", t_rewrite_rows(text, bump), check_bump)

    # More suppression: municipality values below 10 → '*'.
    def suppress(cells):
        if not re.match(r"^\d{4} ", cells[0]):
            return cells
        return [cells[0]] + ["*" if (t_int(c) is not None and t_int(c) < 10) else c for c in cells[1:]]

    def check_suppress(o, base):
        problems = basic(o, "tiltak", base.rows, 0)
        exp = t_expected_from(base, lambda k, v: (None, "suppressed", v[2]) if k[0] == "municipality" and not k[3] and k[1] != "9999" and v[0] is not None and v[0] < 10 else v)
        return problems or t_compare(exp, t_values(o))
    variant("tiltak", "more_suppressed", "municipality values below 10 replaced by '*'", t_rewrite_rows(text, suppress), check_suppress)

    # Names with a hyphen / parenthesis.
    renames = {"1101 Eigersund": "1101 Eigersund (Rogaland)", "1818 Herøy": "1818 Herøy (Nordland)",
               "1515 Herøy": "1515 Herøy (Møre og Romsdal)", "3101 Halden": "3101 Halden-Idd", "1103 Stavanger": "1103 Stavanger - Stavangerr"}
    renamed = text
    for old, new in renames.items():
        renamed = re.sub(rf"^{re.escape(old)}\t", new + "\t", renamed, flags=re.M)

    def check_names(o, base):
        problems = basic(o, "tiltak", base.rows, 0)
        names = {new.split(" ", 1)[1] for new in renames.values()}
        exp = t_expected_from(base, lambda k, v: (v[0], v[1], next((n.split(" ", 1)[1] for c, n in ((r.split(" ")[0], r) for r in renames.values()) if c == k[1] and k[0] == "municipality" and not k[3]), v[2])))
        got = t_values(o)
        missing = names - {v[2] for v in got.values()}
        if missing:
            problems.append(f"names not read: {missing}")
        return problems or t_compare(exp, got)
    variant("tiltak", "names_hyphen_paren", "municipality names with a parenthesis / hyphen: " + ", ".join(renames.values()), renamed, check_names)

    # Older (2023) county list with 2020 municipality codes.
    merges = {"30 Viken": ("31 ", "32 ", "33 "), "38 Vestfold og Telemark": ("39 ", "40 "),
              "54 Troms og Finnmark - Romsa ja Finnmárku": ("55 ", "56 ")}
    ref = load_reference()
    on = date(2023, 6, 1)
    new_county = {"31": "30", "32": "30", "33": "30", "39": "38", "40": "38", "55": "54", "56": "54"}
    code_map: dict[str, str] = {}

    def old_code(code: str, name: str) -> str:
        if code[:2] not in new_county:
            return code
        first = normalise_name(re.split(r"\s+-\s+", name)[0])
        found = {v.code for v in ref.municipalities if v.valid_on(on) and v.county_code == new_county[code[:2]]
                 and first in v.names()}
        if len(found) == 1:
            code_map[code] = found.pop()
            return code_map[code]
        if code not in code_map:  # no unique 2023 name: an unused code of the 2023 county
            used = {v.code for v in ref.municipalities if v.code.startswith(new_county[code[:2]])} | set(code_map.values())
            code_map[code] = next(f"{new_county[code[:2]]}{n:02d}" for n in range(99, 0, -1) if f"{new_county[code[:2]]}{n:02d}" not in used)
        return code_map[code]

    lines_2023 = []
    pending: dict[str, list[list[int | None]]] = {}
    for line in text.split("\n"):
        if t_is_data(line):
            cells = line.split("\t")
            m2 = re.match(r"^(\d{2}) (\S.*)$", cells[0])
            m4 = re.match(r"^(\d{4}) (\S.*)$", cells[0])
            if m2 and not m4:
                target = next((t for t, parts in merges.items() if cells[0].startswith(parts)), None)
                if target:
                    vals = [t_int(c) for c in cells[1:]]
                    pending.setdefault(target, []).append(vals)
                    if len(pending[target]) == len(merges[target]):
                        parts = pending.pop(target)
                        sums = [sum(v[i] for v in parts) for i in range(len(vals))]
                        lines_2023.append("\t".join([target] + [t_fmt(s) for s in sums]))
                    continue
                if cells[0].startswith("03 "):
                    cells[0] = "03 Oslo"
                if cells[0].startswith("18 "):
                    cells[0] = "18 Nordland"
                line = "\t".join(cells)
            elif m4:
                cells[0] = f"{old_code(m4[1], m4[2])} {m4[2]}"
                line = "\t".join(cells)
        lines_2023.append(line)

    def check_2023(o, base):
        removed = 2 * 4 * 5  # two measures × four county rows merged away × five cells
        problems = basic(o, "tiltak", base.rows - removed, 0)
        if problems:
            return problems
        got = t_values(o)
        codes = {k[1] for k in got if k[0] == "county"}
        for code in ("30", "38", "54"):
            if code not in codes:
                problems.append(f"county {code} not read")
        viken = got.get(("county", "30", "arbeidsforberedende_trening", False, "month", 0))
        if viken is None or viken[0] != 545 + 743 + 282:
            problems.append(f"30 Viken January AFT = {viken}, expected {545 + 743 + 282}")
        if ("municipality", "3001", "arbeidstrening", False, "month", 0) not in got:
            problems.append("3001 Halden not read")
        return problems
    variant("tiltak", "county_list_2023", "2023 county list (30 Viken, 38 Vestfold og Telemark, 54 Troms og Finnmark) "
            "and 2020 municipality codes (3001 Halden ...)", "\n".join(lines_2023), check_2023)

    # Page breaks in other places: repeat heading + header + total line before a given row.
    lines = text.split("\n")

    def insert_break(before_label: str, occurrence: int = 1, with_heading: bool = True) -> str:
        seen = 0
        out: list[str] = []
        last_header = last_total = None
        for line in lines:
            if line == T_HEADER:
                last_header = line
            elif t_is_data(line) and line.split("\t")[0].startswith("<b>I alt"):
                last_total = line
            if t_is_data(line) and line.split("\t")[0] == before_label:
                seen += 1
                if seen == occurrence:
                    out += ([""] + (["### " + T_HEADING, ""] if with_heading else []) + [last_header, last_total])
            out.append(line)
        assert seen >= occurrence, before_label
        return "\n".join(out)

    for label, occ, desc in (
        ("11 Rogaland", 1, "after the first county row"),
        ("Ukjent", 1, "right before 'Ukjent' (county table)"),
        ("Menn", 1, "between Kvinner and Menn"),
        ("Arbeidstrening", 1, "inside the national overview table (between the two measures)"),
        ("Arbeidstrening", 2, "inside a target-group table"),
        ("20-24 år", 1, "after the first age band"),
        ("Asia", 1, "after the first world region"),
        ("Videregående skolenivå", 1, "after the first education level"),
        ("1103 Stavanger", 1, "in the municipality table, one row after a break"),
    ):
        variant("tiltak", f"page_break_before_{re.sub(r'[^a-z0-9]+', '_', label.lower())}_{occ}",
                f"extra page break (heading, header and I alt repeated) {desc}",
                insert_break(label, occ), same_as_baseline(drop={"table_number"}))
    variant("tiltak", "page_break_no_heading_before_menn", "extra page break without the '###' heading, between Kvinner and Menn",
            insert_break("Menn", 1, with_heading=False), same_as_baseline(drop={"table_number"}))

    # No page breaks at all: every repeated header + identical I alt line removed.
    out, prev_total = [], None
    i = 0
    while i < len(lines):
        line = lines[i]
        if line == T_HEADER and i + 1 < len(lines):
            total = lines[i + 1]
            if prev_total is not None and total.split("\t")[1:] == prev_total.split("\t")[1:] and t_is_data(lines[i + 2] if i + 2 < len(lines) else "") \
                    and not lines[i + 2].startswith(("Kvinner", "19 år", "Ikke innvandrere", "Afrika", "Grunnskolenivå", "03 ", "0301 ")):
                # drop a preceding heading and blank lines too
                while out and (out[-1].strip() == "" or out[-1].strip("# ") == T_HEADING):
                    out.pop()
                i += 2
                continue
            prev_total = total
        out.append(line)
        i += 1
    variant("tiltak", "no_page_breaks", "every page-break repeat (header + same I alt line) removed: one long table each",
            "\n".join(out), same_as_baseline(drop={"table_number"}))

    # National breakdowns in measure-major order (all AFT tables, then all AT tables).
    def chunks(lines: list[str]) -> list[list[str]]:
        starts = []
        for i, line in enumerate(lines):
            if line == T_HEADER:
                j = i
                while j > 0 and (lines[j - 1].strip() == "" or lines[j - 1].strip("# ") == T_HEADING):
                    j -= 1
                starts.append(j)
        bounds = [0] + starts + [len(lines)]
        return [lines[a:b] for a, b in zip(bounds, bounds[1:]) if b > a]

    def measure_major(src: str) -> str:
        parts = chunks(src.split("\n"))
        first_rows = ("Kvinner", "19 år og under", "Under 20 år", "Ikke innvandrere", "Afrika", "Grunnskolenivå")
        cat = [k for k, c in enumerate(parts) if any(line.split("\t")[0] in first_rows for line in c if t_is_data(line))]
        assert cat == list(range(cat[0], cat[-1] + 1)), cat
        aft = [parts[k] for k in cat if any("arbeidsforbere" in line.lower() for line in parts[k] if line.startswith("<b>I alt"))]
        at = [parts[k] for k in cat if parts[k] not in aft]
        reordered = parts[: cat[0]] + aft + at + parts[cat[-1] + 1:]
        return "\n".join(line for c in reordered for line in c)

    variant("tiltak", "measure_major_order", "national breakdowns ordered by measure (AFT: sex, age, immigrant, region, education; then AT)",
            measure_major(text), same_as_baseline(drop={"table_number"}))

    # Age bands labelled another way.
    relabel = text.replace("19 år og under\t", "Under 20 år\t").replace("60 år og over\t", "60 år og eldre\t")
    variant("tiltak", "age_labels_under_20", "age bands 'Under 20 år' / '60 år og eldre' instead of '19 år og under' / '60 år og over'",
            relabel, lambda o, b: basic(o, "tiltak", b.rows, 0))

    def check_mm_under(o, b):
        problems = basic(o, "tiltak", b.rows, 0)
        wrong = [(k, v) for k, v in t_values(o).items() if "under" in k[1] and k[0] != "age_band"]
        if wrong:
            problems.append(f"'Under 20 år' stored under dimension {wrong[0][0][0]!r} code {wrong[0][0][1]!r} ({len(wrong)} values)")
        return problems
    variant("tiltak", "measure_major_under_20", "measure-major order and age band 'Under 20 år' first in its table",
            measure_major(relabel), check_mm_under)

    # World regions of an older grouping.
    regions = text.replace("Nord-Amerika, Sør-Amerika og Oceania\t", "Sør- og Mellom-Amerika\t").replace("Europa\t", "Norden\t")
    variant("tiltak", "world_regions_norden", "world regions 'Norden' (for Europa) and 'Sør- og Mellom-Amerika'",
            regions, lambda o, b: basic(o, "tiltak", b.rows, 0) or [
                f"'Norden' stored under dimension {k[0]}" for k in t_values(o) if k[1] == "norden" and k[0] != "world_region"][:1])


# ---- care_staffing ----


def c_split(line: str, n: int = 18) -> tuple[list[str], list[str]]:
    tokens = [t for t in line.split(" ") if t != ""]
    return tokens[:-n], tokens[-n:]


C_LABELS = ["Man-years, total", "Psychiatric nurses", "Geriatric nurses", "Other nurses",
            "Registered nurses for the mentally subnormal", "Auxiliary nurses", "Ergo-therapists",
            "College-trained social worker", "Residential child care workers", "Other personal care and related workers",
            "Occupational therapists assistants", "Other auxiliary nurses", "Child-care workers", "Nursing assistents",
            "Home-helpers", "Other personnel in clientdirected services", "Other personnel in service functions",
            "Other personnel in administration and management"]


def c_rewrite(order: list[int], trailing_empty: dict[str, int] | None = None) -> str:
    """The care-staffing sample with its columns (labels and values) in `order` (indexes into C_LABELS)."""
    lines = read("care_staffing").split("\n")
    out = []
    header_done = False
    for idx, line in enumerate(lines):
        if idx == 3:  # first header line: rewrite the whole header
            labels = [C_LABELS[i] for i in order]
            first = labels[:6]
            rest = labels[6:]
            out.append(NBSP + " " + " ".join(first))
            out.append(" ".join(rest))
            header_done = True
            continue
        if header_done and idx in (4, 5):
            continue
        if re.match(r"^(\d{4} |The whole country )", line):
            label, cells = c_split(line)
            assert " ".join(label + cells) == line.rstrip(" ") or True
            out.append(" ".join(label + [cells[i] for i in order]))
            continue
        out.append(line)
    return "\n".join(out)


def c_check_columns(order: list[int]):
    def check(o: Outcome, base: Outcome) -> list[str]:
        problems = basic(o, "care_staffing", base.rows // 18 * len(order), 0)
        if problems:
            return problems
        kept = {C_LABELS[i] for i in order}
        want = [r for r in base.table() if r["education_label"] in kept]
        return diff_rows(o.table(), want, drop={"column_number"})
    return check


def care_staffing_variants() -> None:
    text = read("care_staffing")
    variant("care_staffing", "year_2000", "title year 1999 → 2000", text.replace("municipality. 1999", "municipality. 2000"),
            lambda o, b: basic(o, "care_staffing", b.rows, 0) or diff_rows(o.table(), [{**r, "year": 2000} for r in b.table()]))
    variant("care_staffing", "year_2000_no_footnote_marker", "year 2000, title without the footnote digit ('Man-years, by type…')",
            text.replace("Man-years1, by type of education and municipality. 1999", "Man-years, by type of education and municipality. 2000"),
            lambda o, b: basic(o, "care_staffing", b.rows, 0) or diff_rows(o.table(), [{**r, "year": 2000} for r in b.table()]))
    all_cols = list(range(18))
    variant("care_staffing", "same_layout_rerendered", "control: header re-rendered on two lines, same column order",
            c_rewrite(all_cols), c_check_columns(all_cols))
    variant("care_staffing", "column_removed", "column 'Geriatric nurses' removed (label and values)",
            c_rewrite([i for i in all_cols if i != 2]), c_check_columns([i for i in all_cols if i != 2]))
    variant("care_staffing", "ergo_removed", "column 'Ergo-therapists' removed (label and values)",
            c_rewrite([i for i in all_cols if i != 6]), c_check_columns([i for i in all_cols if i != 6]))
    swap = all_cols.copy()
    swap[1], swap[5] = swap[5], swap[1]
    variant("care_staffing", "columns_swapped", "columns 'Psychiatric nurses' and 'Auxiliary nurses' swapped (labels and values)",
            c_rewrite(swap), c_check_columns(swap))
    last = all_cols[1:] + [0]
    variant("care_staffing", "total_column_last", "'Man-years, total' moved from first to last column",
            c_rewrite(last), c_check_columns(last))

    # Trailing / leading empty cells in rows that had numbers.
    lines = text.split("\n")
    out = []
    changed: set[tuple[str, int]] = set()
    for line in lines:
        m = re.match(r"^(0101|0104) ", line)
        if m:
            label, cells = c_split(line)
            cells[-1] = NBSP
            changed.add((m[1], 18))
            line = " ".join(label + cells)
        out.append(line)

    def check_trailing(o, base):
        want = [{**r, "man_years": None, "value_status": "empty"} if (r["municipality_code"], r["column_number"]) in changed else r
                for r in base.table()]
        return basic(o, "care_staffing", base.rows, 0) or diff_rows(o.table(), want, drop={"raw_line"})
    variant("care_staffing", "trailing_empty_cell", "0101 Halden and 0104 Moss get an empty last cell (lone NBSP)",
            "\n".join(out), check_trailing)

    renames = {"0101 Halden ": "0101 Fredrikshald ", "2030 Sør-Varanger ": "2030 Sør-Varanger - Mátta-Várjjat ",
               "2011 Guovdageaidnu-Kautokeino ": "2011 Kautokeino - Guovdageaidnu ", "1818 Herøy ": "1818 Herøy (Nordland) ",
               "0214 Ås ": "0214 Ås kommune "}
    renamed = text
    for old, new in renames.items():
        assert old in renamed, old
        renamed = renamed.replace(old, new)
    new_names = {new.split(" ", 1)[0]: new.split(" ", 1)[1].strip() for new in renames.values()}

    def check_renamed(o, base):
        want = [{**r, "area_name": new_names.get(r["municipality_code"], r["area_name"])} for r in base.table()]
        return basic(o, "care_staffing", base.rows, 0) or diff_rows(o.table(), want)
    variant("care_staffing", "renamed_municipalities", "renamed municipalities: " + ", ".join(v.strip() for v in renames.values()),
            renamed, check_renamed)

    # Values changed: every number × 2 (+0,01), grouped with NBSP like the sample.
    def dbl(cell: str) -> str:
        if cell.strip(NBSP) == "":
            return cell
        v = Decimal(cell.replace(NBSP, "").replace(",", ".")) * 2 + Decimal("0.01")
        whole, frac = f"{v:.2f}".split(".")
        return f"{int(whole):,}".replace(",", NBSP) + "," + frac
    out = []
    for line in lines:
        if re.match(r"^(\d{4} |The whole country )", line):
            label, cells = c_split(line)
            line = " ".join(label + [dbl(c) for c in cells])
        out.append(line)

    def check_dbl(o, base):
        want = [{**r, "man_years": None if r["man_years"] is None else r["man_years"] * 2 + Decimal("0.01")} for r in base.table()]
        return basic(o, "care_staffing", base.rows, 0) or diff_rows(o.table(), want)
    variant("care_staffing", "values_changed", "every number v → 2v+0,01 (e.g. 86 369,86 → 172 739,73)", "\n".join(out), check_dbl)


# ---- sickness_absence ----


def s_rows(text: str, fn: Callable[[str, str, list[str], list[str]], tuple[list[str], list[str]] | None]) -> str:
    """Rewrite data rows: fn(prefix-with-name, code, day tokens, rate tokens) → (day tokens, rate tokens)."""
    out = []
    for line in text.split("\n"):
        m = re.match(rf"^(?P<pre>[ {NBSP}]*(?:\d{{4,6}}|TOTAL) ?\D*?) (?P<rest>[-\d].*)$", line)
        if m and re.search(r"\d,\d$", line) or (m and line.rstrip().endswith("-")):
            tokens = m["rest"].split(" ")
            days, rates = tokens[:-4], tokens[-4:]
            code = re.search(r"(\d{4})\D", m["pre"] + " ")
            res = fn(m["pre"], code[1] if code else "TOTAL", days, rates)
            if res is not None:
                days, rates = res
                line = f"{m['pre']} {' '.join(days + rates)}"
        out.append(line)
    return "\n".join(out)


def s_group(v: int) -> list[str]:
    s = f"{abs(v):,}".split(",")
    if v < 0:
        s[0] = "-" + s[0]
    return s


def s_values(o: Outcome) -> dict:
    return {(r["municipality_code"], r["year"], r["quarter"]): (r["absence_days"], r["days_status"], r["change_days"], r["absence_rate_pct"], r["sex"])
            for r in o.table()}


def sickness_variants() -> None:
    text = read("sickness_absence")

    def with_sex(sex):
        def check(o, base):
            return basic(o, "sickness_absence", base.rows, 0) or diff_rows(o.table(), [{**r, "sex": sex} for r in base.table()])
        return check
    variant("sickness_absence", "women", "title 'Men.' → 'Women.'", text.replace(" Men. ", " Women. "), with_sex("women"))
    variant("sickness_absence", "both_sexes", "title 'Men.' → 'Both sexes.'", text.replace(" Men. ", " Both sexes. "), with_sex("both"))

    qmap = {"Quarter 2 2002": "Quarter 4 2002", "Quarter 3 2002": "Quarter 1 2003",
            "Quarter 2 2001": "Quarter 4 2001", "Quarter 3 2001": "Quarter 1 2002"}
    q_text = re.sub("|".join(qmap), lambda m: qmap[m[0]], text)
    ymap = {(2002, 2): (2002, 4), (2002, 3): (2003, 1), (2001, 2): (2001, 4), (2001, 3): (2002, 1)}

    def check_q(o, base):
        want = [{**r, "year": ymap[(r["year"], r["quarter"])][0], "quarter": ymap[(r["year"], r["quarter"])][1]} for r in base.table()]
        return basic(o, "sickness_absence", base.rows, 0) or diff_rows(o.table(), want)
    variant("sickness_absence", "q4_2002_q1_2003", "quarters 4 2002 and 1 2003 (rates Q4 2001, Q1 2002, Q4 2002, Q1 2003)", q_text, check_q)
    variant("sickness_absence", "women_q4_q1", "Women, quarters 4 2002 / 1 2003", q_text.replace(" Men. ", " Women. "),
            lambda o, b: check_q(o, Outcome(b.status, b.kind, b.rows, b.message, {"absence": [{**r, "sex": "women"} for r in b.table()]}, b.rejects, b.facts)))

    # Larger numbers: every man-day and change × factor (rates unchanged) — a both-sexes-sized table.
    # Built lazily from the baseline's own reading of each row (its days_split).
    def scaled(f: int) -> str:
        split_of = {r["source_line"]: r["days_split"] for r in BASELINES["sickness_absence"].table()}
        out = []
        for n, line in enumerate(text.split("\n"), start=1):
            if n in split_of:
                split = split_of[n].split(" | ")
                m = re.match(r"^(.*?)\s(" + re.escape(" ".join(split)) + r")\s(.*)$", line)
                new = []
                for g in split:
                    new += ["-"] if g == "-" else s_group(int(g.replace(" ", "")) * f)
                line = f"{m[1]} {' '.join(new)} {m[3]}"
            out.append(line)
        return "\n".join(out).replace(" Men. ", " Both sexes. ")

    def check_scale(f: int):
        def check(o, base):
            want = [{**r, "sex": "both",
                     "absence_days": None if r["absence_days"] is None else r["absence_days"] * f,
                     "change_days": None if r["change_days"] is None else r["change_days"] * f}
                    for r in base.table()]
            problems = basic(o, "sickness_absence", base.rows, 0)
            return problems or diff_rows(o.table(), want, drop={"days_split", "split_candidates", "is_disambiguated"})
        return check

    for factor in (2, 3):
        VARIANT_FACTORIES.append(lambda f=factor: variant(
            "sickness_absence", f"both_sexes_x{f}",
            f"Both sexes, every man-day and change × {f} (0301 Oslo {317795 * f:,} days; TOTAL {2890578 * f:,})".replace(",", " "),
            scaled(f), check_scale(f)))

    # More '-' cells: this year's changes and last year's rates not published (as for a new municipality).
    def dashed(targets: set[str]) -> str:
        split_of = {r["source_line"]: (r["municipality_code"], r["days_split"]) for r in BASELINES["sickness_absence"].table()}
        out = []
        for n, line in enumerate(text.split("\n"), start=1):
            if n in split_of and split_of[n][0] in targets:
                split = split_of[n][1].split(" | ")
                m = re.match(r"^(.*?)\s(" + re.escape(" ".join(split)) + r")\s(\S+) (\S+) (\S+) (\S+)$", line)
                line = f"{m[1]} {split[0]} - {split[2]} - - - {m[5]} {m[6]}"
            out.append(line)
        return "\n".join(out)

    def check_dash(targets: set[str], total_rejected: bool = False):
        def check(o, base):
            want = []
            for r in base.table():
                if total_rejected and r["area_level"] == "total":
                    continue
                if r["municipality_code"] in targets:
                    if r["days_status"] == "derived":
                        r = {**r, "absence_days": None, "days_status": "not_published", "is_derived": False,
                             "absence_rate_pct": None, "rate_status": "not_published"}
                    else:
                        r = {**r, "change_days": None, "change_status": "not_published"}
                want.append(r)
            problems = basic(o, "sickness_absence", len(want), 0)
            # A large municipality's unpublished cells may widen the TOTAL's bound.
            return problems or diff_rows(o.table(), want, drop={"days_split", "split_candidates", "is_disambiguated", "total_bound"})
        return check

    small = {"0118", "0119", "0121"}
    VARIANT_FACTORIES.append(lambda: variant(
        "sickness_absence", "more_dashes", "changes and last year's rates '-' for three small municipalities "
        "(0118 Aremark, 0119 Marker, 0121 Rømskog), as for new ones", dashed(small), check_dash(small)))
    VARIANT_FACTORIES.append(lambda: variant(
        "sickness_absence", "dashes_halden", "changes and last year's rates '-' for 0101 Halden only (0.6 % of the TOTAL's days)",
        dashed({"0101"}), check_dash({"0101"})))
    VARIANT_FACTORIES.append(lambda: variant(
        "sickness_absence", "dashes_oslo", "changes and last year's rates '-' for 0301 Oslo only",
        dashed({"0301"}), check_dash({"0301"})))

    # A municipality renamed / with a parallel name.
    renamed = text.replace("0301 Oslo ", "0301 Oslo kommune ").replace("2030 Sør-Varanger ", "2030 Sør-Varanger - Mátta-Várjjat ")
    variant("sickness_absence", "renamed", "names 'Oslo kommune', 'Sør-Varanger - Mátta-Várjjat'", renamed,
            lambda o, b: basic(o, "sickness_absence", b.rows, 0) or diff_rows(
                o.table(), [{**r, "source_name": {"0301": "Oslo kommune", "2030": "Sør-Varanger - Mátta-Várjjat"}.get(r["municipality_code"], r["source_name"])} for r in b.table()]))


# ---- teacher_norm ----


def tn_period_check(period: str, label: str):
    def check(o, base):
        problems = basic(o, "teacher_norm", base.rows, 0)
        if problems:
            return problems
        want = [{**r, "period": period, "period_label": label} for r in base.table()]
        problems += diff_rows(o.table(), want, drop={"structure_date"})
        for name in ("stated_compensation_total_nok", "stated_funded_man_years"):
            if fact(o, name) != fact(base, name):
                problems.append(f"fact {name} = {fact(o, name)}, sample {fact(base, name)}")
        return problems
    return check


def teacher_norm_variants() -> None:
    text = read("teacher_norm")
    spring = re.sub(r"\b([Hh])(?:ø|au)sten 2018\b", lambda m: ("V" if m[1] == "H" else "v") + "åren 2019", text)
    spring = spring.replace("frå hausten 2018", "frå våren 2019").replace("Til hausten", "Til våren")
    variant("teacher_norm", "spring_2019", "spring term: every 'høsten/hausten 2018' → 'våren 2019' (headers and prose)",
            spring, tn_period_check("2019-H1", "Våren 2019"))
    variant("teacher_norm", "autumn_2019", "another autumn: 'høsten/hausten 2018' → 'høsten/hausten 2019'",
            re.sub(r"\b([Hh])(ø|au)sten 2018\b", lambda m: f"{m[1]}{m[2]}sten 2019", text), tn_period_check("2019-H2", "Høsten 2019"))

    bokmaal = text
    for nn, nb in (("lærartettleiken", "lærertettheten"), ("lærartettleik", "lærertetthet"), ("lærarnorma", "lærernormen"),
                   ("lærarnorm", "lærernorm"), ("millionar", "millioner"), ("milliardar", "milliarder"), ("lærarar", "lærere"),
                   ("hausten", "høsten"), ("Hausten", "Høsten"), ("Regjeringa", "Regjeringen"), ("regjeringa", "regjeringen"),
                   ("Utgjevar", "Utgiver"), ("kommunane", "kommunene"), ("innfører", "innfører"), ("Løyvinga", "Bevilgningen"),
                   ("løyvinga", "bevilgningen"), ("løyvt", "bevilget"), ("om lag", "om lag")):
        bokmaal = bokmaal.replace(nn, nb)
    variant("teacher_norm", "bokmaal", "article prose in bokmål (lærertetthet, millioner, lærere, høsten …)",
            bokmaal, tn_period_check("2018-H2", "Høsten 2018"))

    nynorsk_header = (text.replace("Beregnet antall årsverk som mangler for å oppfylle en norm på 16/21/21",
                                   "Berekna tal på årsverk som manglar for å oppfylle ei norm på 16/21/21")
                      .replace("Kompensasjon høsten 2018", "Kompensasjon hausten 2018")
                      .replace("Antall årsverk kompensasjonen høsten 2018 gir rom for høsten 2018",
                               "Tal på årsverk kompensasjonen hausten 2018 gjev rom for hausten 2018")
                      .replace("(kommuner og fylker per. oktober 2017 )", "(kommunar og fylke per oktober 2017)"))
    assert nynorsk_header.count("manglar for") == 1

    def check_nn(o, base):
        problems = basic(o, "teacher_norm", base.rows, 0)
        if problems:
            return problems
        problems += diff_rows(o.table(), base.table(), drop={"period_label", "structure_date"})
        if fact(o, "structure_date") != "2017-10-01":
            problems.append(f"structure_date {fact(o, 'structure_date')} ({fact(o, 'structure_date_basis')}), expected 2017-10-01 as stated")
        return problems
    variant("teacher_norm", "nynorsk_headers", "column headers in nynorsk ('årsverk som manglar', 'gjev rom for', 'kommunar og fylke per oktober 2017')",
            nynorsk_header, check_nn)

    # County structure of January 2018: Trøndelag merged; Indre Fosen, Færder, Holmestrand merged municipalities.
    lines = text.split("\n")
    rows = parse_tn_rows(lines)
    merges = {"Indre Fosen": ("Rissa", "Leksvik"), "Færder": ("Nøtterøy", "Tjøme"), "Holmestrand": ("Holmestrand", "Hof"),
              "Larvik": ("Larvik", "Lardal")}
    out: list[str] = []
    done: set[str] = set()
    i = 0
    by_name = {r["name"]: r for r in rows if r["type"] == "row"}
    row_at = {r["start"]: r for r in rows}
    while i < len(lines):
        r = row_at.get(i)
        if r and r["type"] == "heading" and r["name"] == "Nord-Trøndelag":
            i = r["end"]
            continue
        if r and r["type"] == "heading" and r["name"] == "Sør-Trøndelag":
            out.append("Trøndelag")
            i = r["end"]
            continue
        if r and r["type"] == "row":
            target = next((t for t, parts in merges.items() if r["name"] in parts), None)
            if target:
                if target not in done:
                    done.add(target)
                    parts = [by_name[p] for p in merges[target]]
                    sums = [sum((Decimal(p["values"][k].strip(NBSP + " ").replace(" ", "").replace(",", ".")) for p in parts), Decimal(0)) for k in range(3)]
                    out += [NBSP + target, ""]
                    for k, s in enumerate(sums):
                        pad = re.match(rf"^[{NBSP} ]*", r["values"][k])[0]
                        sval = f"{s:.1f}".replace(".", ",") if k != 1 else f"{int(s):,}".replace(",", " ")
                        out += [pad + sval, ""]
                i = r["end"]
                continue
        out.append(lines[i])
        i += 1
    jan2018 = "\n".join(out).replace("(kommuner og fylker per. oktober 2017 )", "(kommuner og fylker per januar 2018)")

    def check_2018(o, base):
        problems = basic(o, "teacher_norm", base.rows - 4, 0)
        if problems:
            return problems
        got = {r["source_name"]: r for r in o.table()}
        for name in ("Indre Fosen", "Færder", "Trondheim", "Steinkjer"):
            r = got.get(name)
            if r is None or r["municipality_code"] is None or r["county_name"] != ("Trøndelag" if name in ("Indre Fosen", "Trondheim", "Steinkjer") else "Vestfold"):
                problems.append(f"{name}: {None if r is None else (r['municipality_code'], r['county_name'], r['match_status'])}")
        return problems
    variant("teacher_norm", "structure_jan_2018", "county headings of January 2018 (one 'Trøndelag'), Indre Fosen/Færder/Holmestrand merged, "
            "'kommuner og fylker per januar 2018'", jan2018, check_2018)

    # County headings written with 'fylke' / in capitals.
    headings = {r["name"] for r in rows if r["type"] == "heading"}
    def restyle(fn):
        out = []
        for n, line in enumerate(lines):
            r = row_at.get(n)
            out.append(fn(line) if r and r["type"] == "heading" else line)
        return "\n".join(out)
    variant("teacher_norm", "county_headings_upper", "county headings in capitals (ØSTFOLD)", restyle(str.upper),
            lambda o, b: basic(o, "teacher_norm", b.rows, 0) or diff_rows(o.table(), b.table(), drop={"county_name"}))
    variant("teacher_norm", "county_headings_fylke", "county headings with 'fylke' (Østfold fylke)", restyle(lambda s: s + " fylke"),
            lambda o, b: basic(o, "teacher_norm", b.rows, 0) or diff_rows(o.table(), b.table(), drop={"county_name"}))
    codes = {"Østfold": "01", "Akershus": "02", "Oslo": "03", "Hedmark": "04", "Oppland": "05", "Buskerud": "06", "Vestfold": "07",
             "Telemark": "08", "Aust-Agder": "09", "Vest-Agder": "10", "Rogaland": "11", "Hordaland": "12", "Sogn og Fjordane": "14",
             "Møre og Romsdal": "15", "Sør-Trøndelag": "16", "Nord-Trøndelag": "17", "Nordland": "18", "Troms": "19", "Finnmark": "20"}
    assert headings <= set(codes), headings - set(codes)
    variant("teacher_norm", "county_headings_numbered", "county headings with their code (01 Østfold)",
            restyle(lambda s: f"{codes[s.strip()]} {s}"),
            lambda o, b: basic(o, "teacher_norm", b.rows, 0) or diff_rows(o.table(), b.table(), drop={"county_name"}))

    # Values changed: compensation +100 000 and man-years +1,0 for every municipality.
    changed = [r for r in rows if r["type"] == "row"]
    new_lines = lines.copy()
    for r in changed:
        for k, idx in enumerate(r["value_idx"]):
            raw = lines[idx]
            pad = re.match(rf"^[{NBSP} ]*", raw)[0]
            v = Decimal(raw.strip(NBSP + " ").replace(" ", "").replace(",", "."))
            if k == 1:
                new_lines[idx] = pad + f"{int(v) + 100000:,}".replace(",", " ")
            else:
                new_lines[idx] = pad + f"{v + 1:.1f}".replace(".", ",")

    def check_vals(o, base):
        want = [{**r, "compensation_nok": r["compensation_nok"] + 100000, "missing_man_years": r["missing_man_years"] + 1,
                 "funded_man_years": r["funded_man_years"] + 1} for r in base.table()]
        return basic(o, "teacher_norm", base.rows, 0) or diff_rows(o.table(), want)
    variant("teacher_norm", "values_changed", "every compensation +100 000 NOK and both man-year columns +1,0",
            "\n".join(new_lines), check_vals)


def parse_tn_rows(lines: list[str]) -> list[dict]:
    """The sample's table: county headings (unpadded) and rows (NBSP name + 3 value lines), by line index."""
    start = next(i for i, line in enumerate(lines) if line.startswith("(i årsverk)")) + 1
    items = []
    i = start
    value = re.compile(rf"^[{NBSP} ]*\d[\d ]*(,\d+)?$")
    while i < len(lines):
        line = lines[i]
        if not line.strip(NBSP + " "):
            i += 1
            continue
        if not line.startswith((NBSP, " ")) and not value.match(line):
            j = i + 1
            while j < len(lines) and not lines[j].strip(NBSP + " "):
                j += 1
            items.append({"type": "heading", "name": line.strip(), "start": i, "end": j})
            i = j
            continue
        vals, idxs = [], []
        j = i + 1
        while len(vals) < 3 and j < len(lines):
            if lines[j].strip(NBSP + " "):
                assert value.match(lines[j]), (j, lines[j])
                vals.append(lines[j])
                idxs.append(j)
            j += 1
        while j < len(lines) and not lines[j].strip(NBSP + " "):
            j += 1
        items.append({"type": "row", "name": line.strip(NBSP + " "), "start": i, "end": j, "values": vals, "value_idx": idxs})
        i = j
    return items


# ---- home_care_fees ----

H_FIRST = "| Kommune | Andel som betaler | Brukerbetaling per bruker | Brukerbetaling under 2 G | Brukerbetaling 2-3 G | Brukerbetaling 3-4 G | Brukerbetaling 4-5 G | Brukerbetaling over 5 G |"


def h_rows(text: str, fn: Callable[[list[str]], list[str]]) -> str:
    """Rewrite the 12 data cells of every area row (label cell kept)."""
    out = []
    for line in text.split("\n"):
        cells = line.split("|")
        # '| label | c1 | … | c12 | ||||' → ['', ' label ', ' c1 ', …]
        if line.startswith("| ") and len(cells) > 14 and not line.startswith(("| Kommune", "| Abonnementspris", "| Timepris", "| 21 ", "| 1 |", "|---")) \
                and cells[2].strip() != "":
            data = cells[2:14]
            new = fn([c.strip() for c in data])
            cells[2:14] = [f" {c} " for c in new]
            line = "|".join(cells)
        out.append(line)
    return "\n".join(out)


def home_care_variants() -> None:
    text = read("home_care_fees")
    y2007 = (text.replace("hjemmetjenester. 2006 1", "hjemmetjenester. 2007 1")
             .replace("62 161 kroner i 2006", "64 542 kroner i 2007").replace("Foreløpige 2006-tall", "Foreløpige 2007-tall"))

    def check_2007(o, base):
        problems = basic(o, "home_care_fees", base.rows, 0)
        if problems:
            return problems
        for t, rows in base.tables.items():
            problems += diff_rows(o.tables[t], [{**r, "year": 2007} for r in rows])
        for name, want in (("g_average_nok", "64542"), ("g_year", "2007"), ("year", "2007"), ("preliminary", "true")):
            if fact(o, name) != want:
                problems.append(f"fact {name} = {fact(o, name)}, expected {want}")
        return problems
    variant("home_care_fees", "year_2007", "year 2007, G 64 542 kroner i 2007", y2007, check_2007)

    # More '.' and '..': every third municipality's payment per user '.', its prices '..'.
    count = [0]
    def symbols(cells):
        count[0] += 1
        if count[0] % 3:
            return cells
        return [cells[0], "."] + [".." for _ in cells[2:]]
    more = h_rows(text, symbols)

    def check_sym(o, base):
        problems = basic(o, "home_care_fees", base.rows, 0)
        if problems:
            return problems
        fees = o.tables["fees"]
        n_dot = sum(r["payment_per_user_status"] == "not_answered" for r in fees)
        n_dotdot = sum(r["value_status"] == "missing" for r in o.tables["fee_schedule"])
        if any(r["payment_per_user_nok"] == 0 and r["payment_per_user_status"] != "published" for r in fees):
            problems.append("a symbol read as 0")
        if n_dot < len(fees) // 3:
            problems.append(f"only {n_dot} '.' payment cells read as not_answered")
        if n_dotdot < len(fees) // 3 * 10:
            problems.append(f"only {n_dotdot} '..' price cells read as missing")
        return problems
    variant("home_care_fees", "more_symbols", "every third row: payment per user '.', all prices '..'", more, check_sym)

    districts = {"Sydvestre Jeløy(Moss)": ("Årstad (Bergen)", "Årstad", "Bergen"),
                 "Nordre Jeløy(Moss)": ("Lerkendal (Trondheim)", "Lerkendal", "Trondheim"),
                 "Sydøstre Jeløy(Moss)": ("Bydel Grünerløkka (Oslo)", "Bydel Grünerløkka", "Oslo"),
                 "Melløs/Øre(Moss)": ("Hinna (Stavanger)", "Hinna", "Stavanger")}
    d_text = text
    for old, (new, _, _) in districts.items():
        d_text = d_text.replace(f"| {old} |", f"| {new} |")
    old_names = {old.split("(")[0].strip(): (name, parent) for old, (_, name, parent) in districts.items()}

    def check_d(o, base):
        problems = basic(o, "home_care_fees", base.rows, 0)
        if problems:
            return problems
        for t, rows in base.tables.items():
            want = []
            for r in rows:
                if r["area_level"] == "district" and r["area_name"] in old_names and r["parent_municipality_name"] == "Moss":
                    name, parent = old_names[r["area_name"]]
                    r = {**r, "area_name": name, "parent_municipality_name": parent}
                want.append(r)
            problems += diff_rows(o.tables[t], want)
        return problems
    variant("home_care_fees", "other_city_districts", "districts of Bergen, Trondheim, Oslo, Stavanger instead of Moss",
            d_text, check_d)

    # Header cells in another order (labels and values moved together).
    def reorder_first(order_first: list[int], price_swap: bool = False, band_order: list[int] | None = None) -> str:
        first_cells = [c.strip() for c in H_FIRST.strip("|").split("|")]
        new_first = [first_cells[0]] + [first_cells[1 + i] for i in order_first]
        lines = text.split("\n")
        out = []
        for line in lines:
            if line.startswith(H_FIRST):
                line = "| " + " | ".join(new_first) + " |" + line[len(H_FIRST):]
            elif line.startswith("| Abonnementspris | Timepris") and price_swap:
                line = line.replace("Abonnementspris | Timepris", "Timepris | Abonnementspris")
            out.append(line)
        t = "\n".join(out)

        def move(cells):
            measures = cells[:2]
            bands = [cells[2 + 2 * b: 4 + 2 * b] for b in range(5)]
            if price_swap:
                bands = [[b[1], b[0]] for b in bands]
            groups = [[measures[0]], [measures[1]]] + bands
            res = []
            for i in order_first:
                res += groups[i]
            return res
        return h_rows(t, move)

    def same(o, base):
        problems = basic(o, "home_care_fees", base.rows, 0)
        if problems:
            return problems
        for t, rows in base.tables.items():
            problems += diff_rows(o.tables[t], rows, drop={"column_number", "column_label", "raw_line"})
        return problems
    variant("home_care_fees", "measures_swapped", "header 'Brukerbetaling per bruker' before 'Andel som betaler' (values moved too)",
            reorder_first([1, 0, 2, 3, 4, 5, 6]), same)
    variant("home_care_fees", "bands_reversed", "income bands in reverse order (over 5 G first), values moved too",
            reorder_first([0, 1, 6, 5, 4, 3, 2]), same)
    variant("home_care_fees", "measures_after_bands", "share and payment columns after the five bands",
            reorder_first([2, 3, 4, 5, 6, 0, 1]), same)
    variant("home_care_fees", "price_types_swapped", "second header row 'Timepris | Abonnementspris' in every band, values moved too",
            reorder_first([0, 1, 2, 3, 4, 5, 6], price_swap=True), same)

    # Values changed.
    def bump(cells):
        out = []
        for c in cells:
            if re.fullmatch(r"\d{1,3}( \d{3})*", c):
                out.append(f"{int(c.replace(' ', '')) * 10 + 3:,}".replace(",", " "))
            else:
                out.append(c)
        return out

    def check_bump(o, base):
        problems = basic(o, "home_care_fees", base.rows, 0)
        if problems:
            return problems
        def f(v):
            return None if v is None else v * 10 + 3
        problems += diff_rows(o.tables["fees"], [{**r, "share_paying_pct": f(r["share_paying_pct"]), "payment_per_user_nok": f(r["payment_per_user_nok"])} for r in base.tables["fees"]])
        problems += diff_rows(o.tables["fee_schedule"], [{**r, "price_nok": f(r["price_nok"])} for r in base.tables["fee_schedule"]])
        return problems
    variant("home_care_fees", "values_changed", "every number v → 10v+3 (e.g. 3 584 → 35 843)", h_rows(text, bump), check_bump)


# ------------------------------------------------------------------ main ----

BASELINES: dict[str, Outcome] = {}
VARIANT_FACTORIES: list[Callable[[], None]] = []


def write(v: Variant) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{v.name}.txt"
    data = v.text.replace("\n", v.newline).encode(v.encoding)
    path.write_bytes(data)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", help="run variants whose name contains this")
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--show", help="print details (problems, rejects) of variants whose name contains this")
    args = parser.parse_args()

    for kind, path in SAMPLES.items():
        BASELINES[kind] = run_extract(path)
        b = BASELINES[kind]
        assert b.status == "extracted" and not b.rejects, (kind, b.status, b.message, len(b.rejects))

    for make in (tiltak_variants, care_staffing_variants, sickness_variants, teacher_norm_variants, home_care_variants, encoding_variants):
        make()
    for factory in VARIANT_FACTORIES:
        factory()

    selected = [v for v in VARIANTS if not args.only or args.only in v.name]
    if args.list:
        for v in selected:
            print(f"{v.name:55} {v.what}")
        return 0
    failures = 0
    for v in selected:
        path = write(v)
        outcome = run_extract(path)
        try:
            problems = v.check(outcome, BASELINES[v.kind])
        except Exception as error:  # a check that trips over an unexpected outcome is a failure too
            problems = [f"check raised {type(error).__name__}: {error}"]
        status = "PASS" if not problems else "FAIL"
        failures += bool(problems)
        print(f"{status} {v.name} — {v.what} [{outcome.status}, {outcome.rows} rows, {len(outcome.rejects)} rejects]")
        for p in problems[: (40 if args.show else 4)]:
            print(f"     {p}")
        if args.show and args.show in v.name:
            for r in outcome.rejects[:10]:
                print(f"     reject line {r['source_line']}: {r['reason'][:200]} | {str(r['raw_line'])[:120]!r}")
    print(f"\n{len(selected) - failures} passed, {failures} failed; variant files in {OUT.relative_to(ROOT)}/")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
