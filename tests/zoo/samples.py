"""Each sample text rendering read into the zoo's model (spec), with its wording as a parameter.

The readers here are the zoo's own and know only each sample's shape; they check what
they read against what they expect (the header text, the number of cells) so that a
rendering never silently loses a cell. Only sickness absence needs the extraction's rows:
its thousands are grouped by ordinary spaces, so a line's cells cannot be told from its
text alone; its four day cells are taken from `days_split` ('a | b | c | d').

A builder takes a wording (a frozen dataclass, by default the sample's own words) and
returns a `spec.Document`. Wording changes the labels, never a cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from tests.zoo import harness
from tests.zoo.spec import (
    NBSP,
    SOFT_HYPHEN,
    Document,
    Label,
    Note,
    Paragraph,
    Row,
    Table,
    TitleBlock,
)

_SPACES = re.compile(f"[ {NBSP}]+")


def squeeze(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def cell(text: str) -> str:
    """A published cell in the model's form: groups of thousands by one ordinary space."""
    return squeeze(text)


@cache
def _lines(kind: str) -> tuple[str, ...]:
    return tuple(harness.SAMPLES[kind].read_text(encoding="utf-8").split("\n"))


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise ValueError(f"sample reader: {message}")


# --------------------------------------------------------------- care staffing ----

CARE_LABELS = (
    "Man-years, total",
    "Psychiatric nurses",
    "Geriatric nurses",
    "Other nurses",
    "Registered nurses for the mentally subnormal",
    "Auxiliary nurses",
    "Ergo-therapists",
    "College-trained social worker",
    "Residential child care workers",
    "Other personal care and related workers",
    "Occupational therapists assistants",
    "Other auxiliary nurses",
    "Child-care workers",
    "Nursing assistents",
    "Home-helpers",
    "Other personnel in clientdirected services",
    "Other personnel in service functions",
    "Other personnel in administration and management",
)


@dataclass(frozen=True)
class CareWording:
    number: str | None = "8"
    title: str = "Man-years<sup>1</sup>, by type of education and municipality. 1999"
    total_label: str = "The whole country"
    total_column: str = "Man-years, total"  # the only label that may carry a marker: the labels are data
    subject: bool = True
    publisher: str | None = None
    source: str | None = None
    year_heading: bool = False  # the year out of the title, as a period heading under it ('1999')
    source_on_period: bool = False


@dataclass(frozen=True)
class _CareSample:
    subject: str
    rows: tuple[tuple[str, ...], ...]  # label, then 18 cells
    notes: tuple[Note, ...]


@cache
def _care_sample() -> _CareSample:
    lines = _lines("care_staffing")
    title_at = next(i for i, line in enumerate(lines) if "by type of education" in line)
    subject = next(squeeze(line) for line in reversed(lines[:title_at]) if line.strip())
    first_row = next(i for i, line in enumerate(lines) if line.startswith("The whole country"))
    header = ""
    for line in lines[title_at + 1 : first_row]:
        header += line if header.endswith("-") else " " + line  # 'Ergo-' / 'therapists'
    _check(squeeze(header) == " ".join(CARE_LABELS), f"care staffing header {squeeze(header)!r}")
    rows, notes = [], []
    for line in lines[first_row:]:
        if re.match(r"(\d{4} |The whole country )", line):
            tokens = line.rstrip(" ").split(" ")
            cells = ["" if token == NBSP else cell(token) for token in tokens[-18:]]
            _check(all(re.fullmatch(r"[\d ]+,\d\d|", c) for c in cells), f"care staffing cells {line!r}")
            rows.append((" ".join(tokens[:-18]), *cells))
        elif line.strip(f" {NBSP}"):
            match = re.match(rf"(\d)[{NBSP} ]+(.*)", line)
            notes.append(Note(squeeze(match.group(2)), match.group(1)) if match else Note(squeeze(line)))
    _check(len(rows) == 436, f"care staffing: {len(rows)} rows")
    return _CareSample(subject, tuple(rows), tuple(notes))


def care_staffing(wording: CareWording = CareWording()) -> Document:
    sample = _care_sample()
    labels = (wording.total_column, *CARE_LABELS[1:])
    header = ((Label("", 0, 0), *(Label(text, i + 1, i + 1) for i, text in enumerate(labels))),)
    rows = [Row((wording.total_label, *sample.rows[0][1:]), bold=True)]
    rows += [Row(cells) for cells in sample.rows[1:]]
    title = TitleBlock(
        wording.title,
        wording.number,
        sample.subject if wording.subject else None,
        wording.publisher,
        source=wording.source,
        source_on_period=wording.source_on_period,
    )
    if wording.year_heading:
        title = replace(title, title=re.sub(r"[.,] 1999.*", "", wording.title), period="1999")
    table = Table(title, header, tuple(rows), notes=sample.notes)
    return Document("care_staffing", "Pleie- og omsorgsstatistikk 1999", (table,))


# ------------------------------------------------------------ sickness absence ----


@dataclass(frozen=True)
class SicknessWording:
    number: str | None = "12"
    quarter: str = "Quarter {q} {y}"  # also '{q}. quarter {y}', '{nth} quarter {y}', '{y}K{q}', '{q}. kvartal {y}'
    days: str = "Sickness absence man-days"
    change: str = "Change since last year"
    rate: str = "Sickness absence rate"
    total_label: str = "TOTAL"
    area: str | None = "Municipality"
    publisher: str | None = None
    source: str | None = None
    edition: str = "english"  # or 'norwegian': the title's words (the sex word follows it)
    sex: str | None = "Men"  # the title's sex word; None: the title names no sex (both sexes)


SICKNESS_TITLE = (
    "Sickness absence man-days for employees with sickness absence certified by a doctor, by {area} "
    "of residence. Figures and per cent of scheduled man-days (sickness absence rate).{sex} Quarterly figures."
)
SICKNESS_TITLE_NORWEGIAN = (
    "Legemeldte sykefraværsdagsverk for lønnstakere, etter {area}. Tall og prosent av avtalte dagsverk "
    "(sykefraværsprosent).{sex} Kvartal"
)
# What the parser must read as the table's sex from the title's word.
SEX_OF_WORD = {None: "both", "Men": "men", "Women": "women", "Both sexes": "both", "Menn": "men",
               "Kvinner": "women", "Begge kjønn": "both"}


def sickness_title(wording: SicknessWording, county: bool) -> str:
    sex = f" {wording.sex}." if wording.sex else ""
    if wording.edition == "norwegian":
        return SICKNESS_TITLE_NORWEGIAN.format(area="bostedsfylke" if county else "bostedskommune", sex=sex)
    return SICKNESS_TITLE.format(area="county" if county else "municipality", sex=sex)
_NTH = {1: "1st", 2: "2nd", 3: "3rd", 4: "4th"}


def _quarter(form: str, year: int, quarter: int) -> str:
    return form.format(q=quarter, y=year, nth=_NTH[quarter])


def _sickness_header(w: SicknessWording) -> tuple[tuple[Label, ...], ...]:
    top = (Label(_quarter(w.quarter, 2002, 2), 1, 2), Label(_quarter(w.quarter, 2002, 3), 3, 4), Label(w.rate, 5, 8))
    rates = [_quarter(w.quarter, year, q) for year, q in ((2001, 2), (2001, 3), (2002, 2), (2002, 3))]
    leaves = [w.days, w.change, w.days, w.change, *rates]
    area = (Label(w.area, 0, 0),) if w.area else ()
    return top, area + tuple(Label(text, i + 1, i + 1) for i, text in enumerate(leaves))


@cache
def _sickness_rows() -> tuple[tuple[str, ...], ...]:
    lines = _lines("sickness_absence")
    header = " ".join(lines[4:10])
    expected = " ".join(["", *(label.text for tier in _sickness_header(SicknessWording()) for label in tier)])
    _check(squeeze(header) == squeeze(expected), f"sickness header {squeeze(header)!r}")
    problem = harness.truth_problem("sickness_absence")
    if problem:
        raise ValueError(f"sickness absence cells need the sample's extracted rows (days_split): {problem}")
    days = {row["source_line"]: row["days_split"] for row in harness.truth("sickness_absence").rows()}
    rows = []
    for number in sorted(days):
        text = squeeze(lines[number - 1])
        tokens = text.split(" ")
        cells = [cell(c) for c in days[number].split("|")] + tokens[-4:]
        tail = " ".join(cells)
        _check(text.endswith(" " + tail), f"sickness line {number}: {text!r} does not end with {tail!r}")
        label = text[: -len(tail) - 1]
        label = re.sub(r"^(\d)(\d{4}) ", r"<sup>\1</sup>\2 ", label)  # '10716 Re/Våle': footnote 1 on 0716
        rows.append((label, *cells))
    _check(len(rows) == 436, f"sickness: {len(rows)} rows")
    return tuple(rows)


def sickness_absence(wording: SicknessWording = SicknessWording()) -> Document:
    rows = _sickness_rows()
    body = [Row((wording.total_label, *rows[0][1:]), bold=True)] + [Row(cells, indent=True) for cells in rows[1:]]
    title = TitleBlock(sickness_title(wording, county=False), wording.number, publisher=wording.publisher,
                       source=wording.source)
    table = Table(title, _sickness_header(wording), tuple(body))
    return Document("sickness_absence", "Labour market statistics 2002", (table,))


@dataclass(frozen=True)
class SicknessCountyWording(SicknessWording):
    number: str | None = "10"
    days: str = "Sickness absence- man-days"
    change: str = "Change last year"
    rate: str = "Per cent"
    area: str | None = None
    sex: str | None = "Women"


@cache
def _sickness_county_rows() -> tuple[tuple[str, ...], ...]:
    lines = _lines("sickness_absence_county")
    header = " ".join(lines[1:5]).replace("|", " ")
    expected = " ".join(label.text for tier in _sickness_header(SicknessCountyWording()) for label in tier)
    _check(squeeze(header) == squeeze(expected), f"sickness county header {squeeze(header)!r}")
    rows = []
    for text in lines[5:]:
        if not text.strip():
            continue
        parts = [part.strip() for part in text.strip().rstrip("|").split("|")]
        _check(len(parts) == 9, f"sickness county line {text!r}: {len(parts)} parts")
        rows.append(tuple(cell(part) for part in parts))
    _check(len(rows) == 20, f"sickness county: {len(rows)} rows")
    return tuple(rows)


def sickness_absence_county(wording: SicknessCountyWording = SicknessCountyWording()) -> Document:
    rows = _sickness_county_rows()
    body = [Row((wording.total_label, *rows[0][1:]), bold=True)] + [Row(cells) for cells in rows[1:]]
    title = TitleBlock(sickness_title(wording, county=True), wording.number, publisher=wording.publisher,
                       source=wording.source)
    table = Table(title, _sickness_header(wording), tuple(body))
    return Document("sickness_absence_county", "Labour market statistics 2002", (table,))


# -------------------------------------------------------------- home care fees ----

BANDS = {
    "sample": (
        "Brukerbetaling under 2 G",
        "Brukerbetaling 2-3 G",
        "Brukerbetaling 3-4 G",
        "Brukerbetaling 4-5 G",
        "Brukerbetaling over 5 G",
    ),
    "short": ("Under 2 G", "2-3 G", "3-4 G", "4-5 G", "Over 5 G"),
    "en_dash": ("Under 2 G", "2–3 G", "3–4 G", "4–5 G", "over 5 G"),
}


@dataclass(frozen=True)
class HomeCareWording:
    number: str | None = "21"
    title: str = "Brukerbetaling for hjemmetjenester. 2006 <sup>1</sup>"
    bands: str = "sample"
    share: str = "Andel som betaler"
    payment: str = "Brukerbetaling per bruker"
    publisher: str | None = None
    source: str | None = None


def _pipe_cells(line: str) -> list[str]:
    return [part.strip() for part in line.strip().strip("|").split("|")]


@dataclass(frozen=True)
class _HomeCareSample:
    rows: tuple[tuple[str, ...], ...]  # 13 cells, or 1 for the 'Bydeler' section
    footnote: Note


@cache
def _home_care_sample() -> _HomeCareSample:
    lines = _lines("home_care_fees")
    _check(_pipe_cells(lines[0])[:2] == ["21", "Brukerbetaling for hjemmetjenester. 2006 1"], "home care title")
    top = [c for c in _pipe_cells(lines[1]) if c]
    leaves = [c for c in _pipe_cells(lines[3]) if c]
    _check(
        top == ["Kommune", "Andel som betaler", "Brukerbetaling per bruker", *BANDS["sample"]],
        f"home care header {top}",
    )
    _check(leaves == ["Abonnementspris", "Timepris"] * 5, f"home care leaves {leaves}")
    rows, footnote = [], None
    for line in lines[4:]:
        cells = _pipe_cells(line)
        while cells and not cells[-1]:
            cells.pop()
        if not cells:
            continue
        if re.fullmatch(r"\d", cells[0]) and len(cells) == 2:
            footnote = Note(cells[1], cells[0])
            continue
        _check(len(cells) in (1, 13), f"home care row {line!r}")
        rows.append(tuple(cells))
    _check(footnote is not None and len(rows) == 662, f"home care: {len(rows)} rows")
    return _HomeCareSample(tuple(rows), footnote)


def home_care_fees(wording: HomeCareWording = HomeCareWording()) -> Document:
    sample = _home_care_sample()
    bands = BANDS[wording.bands]
    top = (Label("Kommune", 0, 0), Label(wording.share, 1, 1), Label(wording.payment, 2, 2))
    top += tuple(Label(band, 3 + 2 * i, 4 + 2 * i) for i, band in enumerate(bands))
    leaves = tuple(Label(price, 3 + i, 3 + i) for i, price in enumerate(["Abonnementspris", "Timepris"] * 5))
    rows = tuple(Row(cells, section=True) if len(cells) == 1 else Row(cells) for cells in sample.rows)
    title = TitleBlock(wording.title, wording.number, publisher=wording.publisher, source=wording.source)
    table = Table(title, (top, leaves), rows, notes=(sample.footnote,))
    return Document("home_care_fees", "Kommunal statistikk 2006", (table,))


# ---------------------------------------------------------------------- tiltak ----


@dataclass(frozen=True)
class TiltakWording:
    period: str = "Januar 2026 - April 2026"
    ytd: str = "Gjennom snitt hittil i år"
    months: tuple[str, ...] = ("Januar", "Februar", "Mars", "April")
    publisher: str | None = None
    source: str | None = None
    source_on_period: bool = False


YTD_WRAPPED = f"Gjennom{SOFT_HYPHEN}snitt hittil i år"  # may print as 'Gjennom-' / 'snitt hittil i år'


def _unmark(text: str) -> str:
    text = re.sub(r"</?b>", "", text).replace("\\*", "*")
    return squeeze(re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text))


@dataclass(frozen=True)
class _TiltakSample:
    prose: tuple[Paragraph, ...]
    tables: tuple[tuple[tuple[str, ...], ...], ...]  # each: the 'I alt' row, then its rows


@cache
def _tiltak_sample() -> _TiltakSample:
    prose: list[Paragraph] = []
    tables: list[list[tuple[str, ...]]] = []
    segment: list[tuple[str, ...]] | None = None
    for line in _lines("tiltak"):
        if "\t" not in line:
            segment = None
            text = _unmark(line.lstrip("#"))
            if text and not tables and not re.fullmatch(r"\w+ \d{4} - \w+ \d{4}", text):
                prose.append(Paragraph(text, heading=line.startswith("#")))
            continue
        cells = tuple(_unmark(c) for c in line.split("\t"))
        if not cells[0]:
            _check(
                cells[1:] == ("Gjennom snitt hittil i år", "Januar", "Februar", "Mars", "April"),
                f"tiltak header {line!r}",
            )
            segment = []
            continue
        _check(segment is not None and len(cells) == 6, f"tiltak row {line!r}")
        if not segment:
            # A segment whose 'I alt' line repeats the last table's is that table after a page break.
            if tables and tables[-1][0][1:] == cells[1:]:
                segment = tables[-1]
                continue
            tables.append(segment)
        segment.append(cells)
    _check(len(tables) == 18 and sum(len(t) for t in tables) == 810, f"tiltak: {len(tables)} tables")
    return _TiltakSample(tuple(prose), tuple(tuple(t) for t in tables))


def tiltak(wording: TiltakWording = TiltakWording()) -> Document:
    sample = _tiltak_sample()
    header = ((Label("", 0, 0), *(Label(text, i + 1, i + 1) for i, text in enumerate((wording.ytd, *wording.months)))),)
    blocks: list[Paragraph | Table] = list(sample.prose)
    for rows in sample.tables:
        body = (Row(rows[0], bold=True), *(Row(cells) for cells in rows[1:]))
        title = TitleBlock(
            period=wording.period,
            publisher=wording.publisher,
            source=wording.source,
            source_on_period=wording.source_on_period,
        )
        blocks.append(Table(title, header, body, repeat=1))
    return Document("tiltak", "Hovedtall om arbeidsmarkedet", tuple(blocks))


# ---------------------------------------------------------------- teacher norm ----

TEACHER_KOMMUNE = "Kommune (kommuner og fylker per. oktober 2017 )"
TEACHER_LABELS = {
    "missing": "Beregnet antall årsverk som mangler for å oppfylle en norm på 16/21/21",
    "compensation": "Kompensasjon høsten 2018 (i kroner)",
    "funded": "Antall årsverk kompensasjonen høsten 2018 gir rom for høsten 2018 (i årsverk)",
}


@dataclass(frozen=True)
class TeacherWording:
    missing: str = TEACHER_LABELS["missing"]
    compensation: str = TEACHER_LABELS["compensation"]
    funded: str = TEACHER_LABELS["funded"]
    publisher: str | None = None
    source: str | None = None
    source_on_period: bool = False


@dataclass(frozen=True)
class _TeacherSample:
    prose: tuple[Paragraph, ...]
    period: str
    rows: tuple[tuple[bool, tuple[str, ...]], ...]  # (False, county) or (True, municipality and its 3 cells)


def _groups(lines: tuple[str, ...]) -> list[list[str]]:
    """Runs of non-blank lines."""
    out: list[list[str]] = [[]]
    for line in lines:
        if line.strip(f" {NBSP}"):
            out[-1].append(line)
        elif out[-1]:
            out.append([])
    return [group for group in out if group]


@cache
def _teacher_sample() -> _TeacherSample:
    lines = _lines("teacher_norm")
    start = next(i for i, line in enumerate(lines) if line.startswith("Kommune"))
    before = [squeeze(" ".join(group)) for group in _groups(lines[:start])]
    period, prose = before[-1], before[:-1]
    _check(period == "Høsten 2018", f"teacher norm period {period!r}")
    groups = _groups(lines[start:])
    header = [squeeze(" ".join(group)) for group in groups[:4]]
    _check(header == [TEACHER_KOMMUNE, *TEACHER_LABELS.values()], f"teacher norm header {header}")
    rows: list[tuple[bool, list[str]]] = []  # (set in, cells): a county is not set in, a municipality is
    for group in groups[4:]:
        text = squeeze(" ".join(group))
        if re.fullmatch(r"[\d ]+(,\d+)?", text):
            _check(bool(rows) and rows[-1][0] and len(rows[-1][1]) < 4, f"teacher norm cell {text!r}")
            rows[-1][1].append(cell(text))
        else:
            rows.append((group[0].startswith(NBSP), [text]))
    _check(sum(indent and len(cells) == 4 for indent, cells in rows) == 426, "teacher norm: municipalities")
    paragraphs = tuple(Paragraph(text, heading=len(text) < 60 and not text.endswith(".")) for text in prose)
    return _TeacherSample(paragraphs, period, tuple((indent, tuple(cells)) for indent, cells in rows))


def teacher_norm(wording: TeacherWording = TeacherWording()) -> Document:
    sample = _teacher_sample()
    labels = (TEACHER_KOMMUNE, wording.missing, wording.compensation, wording.funded)
    header = (tuple(Label(text, i, i) for i, text in enumerate(labels)),)
    rows = [Row(cells, indent=True) if indent else Row(cells, bold=True, section=True) for indent, cells in sample.rows]
    title = TitleBlock(
        period=sample.period,
        publisher=wording.publisher,
        source=wording.source,
        source_on_period=wording.source_on_period,
    )
    table = Table(title, header, tuple(rows))
    return Document("teacher_norm", "Kunnskapsdepartementet", (*sample.prose, table))


WORDINGS = {
    "care_staffing": CareWording,
    "sickness_absence": SicknessWording,
    "sickness_absence_county": SicknessCountyWording,
    "home_care_fees": HomeCareWording,
    "tiltak": TiltakWording,
    "teacher_norm": TeacherWording,
}
BUILDERS = {
    "care_staffing": care_staffing,
    "sickness_absence": sickness_absence,
    "sickness_absence_county": sickness_absence_county,
    "home_care_fees": home_care_fees,
    "tiltak": tiltak,
    "teacher_norm": teacher_norm,
}
