"""Small SSB sickness-absence tables drawn from rules: three areas plus a total, in
the editions SSB used from 2000 to 2025 (English and Norwegian wording, every way
of writing a quarter, wrapped headers, footnote markers, both sexes) and several
renderings (spaces, fixed columns, tabs, pipes).

The figures are made to add up the way SSB's do: each area's man-days are its
scheduled man-days × its rate, the TOTAL is the areas' sum plus a small remainder
of employees resident in no listed area, and the rates are rounded to one decimal.
Each table knows the records the parser must give, so a test compares everything.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal

NBSP = "\u00a0"
NTH = {1: "1st", 2: "2nd", 3: "3rd", 4: "4th"}

# Counties of each period, as SSB prints them (name only; Sami/Kven forms where the
# county had them), with the scheduled man-days of women in a quarter.
COUNTIES_OF = {
    2002: (("Østfold", 2_300_000), ("Troms Romsa", 1_450_000), ("Finnmark", 680_000)),
    2009: (("Oslo", 6_100_000), ("Finnmark Finnmárku", 700_000), ("Sør-Trøndelag", 2_450_000)),
    2018: (("Trøndelag", 4_300_000), ("Troms Romsa", 1_500_000), ("Nordland", 2_300_000)),
    2021: (("Viken", 11_500_000), ("Troms og Finnmark", 2_300_000), ("Vestland", 6_100_000)),
    2024: (("Akershus", 6_700_000), ("Troms - Romsa - Tromssa", 1_600_000), ("Finnmark - Finnmárku - Finmarkku", 720_000)),
}


@dataclass(frozen=True)
class Edition:
    """How one table is worded."""

    year: int = 2002
    quarters: tuple[int, int] = (2, 3)
    quarter: str = "Quarter {q} {y}"  # '{q}. quarter {y}', '{nth} quarter {y}', '{y}K{q}', '{q}. kvartal {y}'
    norwegian: bool = False
    sex: str | None = "Women"  # as the title names it; None: no sex named
    days: str = "Sickness absence man-days"
    change: str = "Change since last year"
    rate: str = "Sickness absence rate"
    total: str = "TOTAL"
    area: str = "County"
    unallocated: str | None = None  # a row for the remainder SSB places in no county
    marker: str = ""  # '' | 'glued' ('20041') | 'split' ('2008 1'), on the first quarter label
    wrapped: bool = False  # every header label one word per line
    layout: str = "spaces"  # 'spaces' | 'fixed' | 'tabs' | 'pipes'
    rate_change_block: bool = False  # a block of the rate's change since last year, after the rates

    @property
    def title(self) -> str:
        if self.norwegian:
            sex = f" {self.sex}." if self.sex else ""
            return ("Legemeldte sykefraværsdagsverk for lønnstakere, etter bostedsfylke. Tall og prosent av "
                    f"avtalte dagsverk (sykefraværsprosent).{sex} Kvartal")
        sex = f" {self.sex}." if self.sex else ""
        return ("Sickness absence man-days for employees with sickness absence certified by a doctor, by county of "
                f"residence. Figures and per cent of scheduled man-days (sickness absence rate).{sex} Quarterly figures.")


NORWEGIAN = dict(norwegian=True, quarter="{q}. kvartal {y}", days="Legemeldte sykefraværsdagsverk",
                 change="Endring fra i fjor", rate="Sykefraværsprosent", total="I alt", area="Fylke", sex="Kvinner")


@dataclass(frozen=True)
class Area:
    name: str
    cells: tuple[str, ...]  # days a, change a, days b, change b, four rates (and two rate changes)
    level: str  # 'county' | 'unallocated' | 'total'


@dataclass
class Table:
    edition: Edition
    areas: list[Area] = field(default_factory=list)
    # what the parser must give: (area level, name, year, quarter) → (days, days status, change, rate, rate change)
    expected: dict[tuple[str, str, int, int], tuple[int | None, str, int | None, Decimal | None, Decimal | None]] = \
        field(default_factory=dict)


def _rate(days: float, scheduled: float) -> Decimal:
    return (Decimal(days) * 100 / Decimal(scheduled)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _grouped(value: int) -> str:
    text = f"{abs(value):,}".replace(",", " ")
    return f"-{text}" if value < 0 else text


def _decimal(value: Decimal) -> str:
    return str(value).replace(".", ",")


def build(edition: Edition, symbols: dict[tuple[int, int], str] | None = None) -> Table:
    """The table of `edition`: its areas' cells and the records they stand for.
    `symbols` puts a symbol in (area index, cell index) instead of its number."""
    symbols = symbols or {}
    table = Table(edition)
    qa, qb = edition.quarters
    y = edition.year
    rows: list[tuple[str, str, list[int], list[int], list[Decimal]]] = []
    totals_now, totals_before, scheduled_total = [0, 0], [0, 0], [0.0, 0.0, 0.0, 0.0]
    areas = list(COUNTIES_OF[y])
    if edition.unallocated:
        areas.append((edition.unallocated, 4_000))
    for index, (name, scheduled) in enumerate(areas):
        # rates around 6–9 %, a little higher in quarter b and this year
        base = 6.0 + index * 1.3
        rates_f = (base, base + 0.4, base + 0.3, base + 0.6)  # a−1y, b−1y, a, b
        schedules = (scheduled * 0.98, scheduled * 0.97, scheduled, scheduled * 0.99)
        days = [round(s * r / 100) for s, r in zip(schedules, rates_f)]
        for i in range(4):
            scheduled_total[i] += schedules[i]
        now, before = [days[2], days[3]], [days[0], days[1]]
        rates = [_rate(d, s) for d, s in zip(days, schedules)]
        level = "unallocated" if edition.unallocated and index == len(areas) - 1 else "county"
        rows.append((name, level, now, before, rates))
        for i in range(2):
            totals_now[i] += now[i]
            totals_before[i] += before[i]
    # The TOTAL also counts a few employees of no listed area (0.1 %), unless printed as a row.
    extra = 0.0 if edition.unallocated else 0.001
    total_now = [round(t * (1 + extra)) for t in totals_now]
    total_before = [round(t * (1 + extra)) for t in totals_before]
    total_days = [total_before[0], total_before[1], total_now[0], total_now[1]]
    total_rates = [_rate(d, s * (1 + extra)) for d, s in zip(total_days, scheduled_total)]
    rows.insert(0, (edition.total, "total", total_now, total_before, total_rates))

    quarters = ((y - 1, qa), (y - 1, qb), (y, qa), (y, qb))
    for area_index, (name, level, now, before, rates) in enumerate(rows):
        changes = [now[0] - before[0], now[1] - before[1]]
        numbers = [_grouped(now[0]), _grouped(changes[0]), _grouped(now[1]), _grouped(changes[1]),
                   *(_decimal(r) for r in rates)]
        if edition.rate_change_block:
            numbers += [_decimal(rates[2] - rates[0]), _decimal(rates[3] - rates[1])]
        cells = tuple(symbols.get((area_index, i), text) for i, text in enumerate(numbers))
        table.areas.append(Area(name, cells, level))
        published = [cells[i] not in _SYMBOLS for i in range(8)]
        for i, (year, quarter) in enumerate(quarters):
            this_year = i >= 2
            k = i % 2
            days_cell, change_cell = 2 * k, 2 * k + 1
            if this_year:
                days = now[k] if published[days_cell] else None
                status = "published" if published[days_cell] else _SYMBOLS[cells[days_cell]]
                change = changes[k] if published[change_cell] else None
            else:
                derivable = published[days_cell] and published[change_cell]
                days = before[k] if derivable else None
                status = "derived" if derivable else "not_published"
                change = None
            rate = rates[i] if published[4 + i] else None
            rate_change = rates[i] - rates[i - 2] if edition.rate_change_block and this_year else None
            table.expected[(level, name, year, quarter)] = (days, status, change, rate, rate_change)
    return table


_SYMBOLS = {"-": "not_published", "..": "missing", ":": "confidential", ".": "not_applicable"}


def _quarter_label(edition: Edition, year: int, quarter: int, first: bool = False) -> str:
    text = edition.quarter.format(q=quarter, y=year, nth=NTH[quarter])
    if first and edition.marker == "glued":
        text += "1"
    elif first and edition.marker == "split":
        text += " 1"
    return text


def header_tiers(edition: Edition) -> tuple[list[tuple[str, int]], list[str]]:
    """The two tiers of the header: groups (label, span) over the value columns, and leaves."""
    y, (qa, qb) = edition.year, edition.quarters
    groups = [(_quarter_label(edition, y, qa, first=True), 2), (_quarter_label(edition, y, qb), 2), (edition.rate, 4)]
    leaves = [edition.days, edition.change, edition.days, edition.change,
              *(_quarter_label(edition, yy, q) for yy, q in ((y - 1, qa), (y - 1, qb), (y, qa), (y, qb)))]
    if edition.rate_change_block:
        label = "Endring i prosentpoeng fra i fjor" if edition.norwegian else "Change in percentage points since last year"
        groups.append((label, 2))
        leaves += [_quarter_label(edition, y, qa), _quarter_label(edition, y, qb)]
    return groups, leaves


def render(table: Table) -> str:
    edition = table.edition
    lines = [f"10 {edition.title}", ""]
    groups, leaves = header_tiers(edition)
    labels = [edition.area] + leaves
    names = [area.name for area in table.areas]
    width = max(len(n) for n in names + [edition.area]) + 2
    if edition.layout in ("spaces", "tabs"):
        sep = "\t" if edition.layout == "tabs" else " "
        top = sep.join(label for label, _ in groups)
        if edition.wrapped:
            lines += [sep + word for label, _ in groups for word in label.split()]
            lines += [word for label in labels for word in label.split()]
        else:
            lines += [sep + top, sep.join(labels)]
        for area in table.areas:
            lines.append(sep.join([area.name, *area.cells]))
    elif edition.layout == "fixed":
        cell = max(max(len(w) for w in " ".join(leaves + [g for g, _ in groups]).split()) + 2, 12)
        top, spans = " " * width, 0
        for label, span in groups:
            top += label.ljust(cell * span) if len(label) < cell * span else label + " "
            spans += span
        if edition.wrapped:
            words = [label.split() for label in leaves]
            group_words = [(label.split(), span) for label, span in groups]
            for depth in range(max(len(w) for w, _ in group_words)):
                lines.append(" " * width + "".join(
                    (w[depth] if depth < len(w) else "").ljust(cell * span) for w, span in group_words).rstrip())
            for depth in range(max(len(w) for w in words)):
                first = edition.area if depth == 0 else ""
                lines.append(first.ljust(width) + "".join(
                    (w[depth] if depth < len(w) else "").rjust(cell) for w in words).rstrip())
        else:
            lines.append(top.rstrip())
            lines.append(edition.area.ljust(width) + "".join(label.rjust(max(cell, len(label) + 1)) for label in leaves))
        for area in table.areas:
            lines.append(area.name.ljust(width) + "".join(c.rjust(cell) for c in area.cells))
    elif edition.layout == "pipes":
        span_cells = sum(span for _, span in groups)
        lines[0] += " |"
        lines.append(" | ".join(label for label, _ in groups) + " | " + "|" * (span_cells - len(groups)))
        leaf_text = " | ".join(leaves)
        # the sample's own way: the leaf tier spread over lines, broken after a label
        parts = leaf_text.split(" | ")
        lines += [f"{parts[0]} |", " | ".join(parts[1:3]) + " |", " | ".join(parts[3:]) + " | |"]
        for area in table.areas:
            lines.append(" | ".join([area.name, *area.cells]) + " |")
    else:
        raise ValueError(edition.layout)
    return "\n".join(lines) + "\n"


def variants() -> dict[str, Edition]:
    """Every variant the issue lists, each a small table of three counties plus a total."""
    base = Edition()
    out = {
        "sample_like_pipes": replace(base, layout="pipes", days="Sickness absence- man-days", change="Change last year",
                                     rate="Per cent"),
        "quarter_3_2009": replace(base, year=2009, quarters=(3, 4)),
        "3._quarter_2002": replace(base, quarter="{q}. quarter {y}"),
        "3rd_quarter_2009": replace(base, year=2009, quarter="{nth} quarter {y}"),
        "2009K3": replace(base, year=2009, quarter="{y}K{q}"),
        "3._kvartal_2018": replace(base, year=2018, quarter="{q}. kvartal {y}"),
        "wrapped_fixed": replace(base, year=2018, wrapped=True, layout="fixed"),
        "wrapped_kvartal_fixed": replace(base, year=2021, quarter="{q}. kvartal {y}", wrapped=True, layout="fixed"),
        "marker_glued_20041": replace(base, year=2009, marker="glued"),
        "marker_split_2008_1": replace(base, year=2009, marker="split", layout="fixed"),
        "man-days1": replace(base, days="Sickness absence man-days1"),
        "change_last_year": replace(base, change="Change last year", layout="tabs"),
        "rate_per_cent": replace(base, rate="Per cent", layout="fixed"),
        "rate_with_per_cent": replace(base, rate="Sickness absence rate (per cent)", year=2024),
        "no_sex_named": replace(base, sex=None, year=2021),
        "both_sexes": replace(base, sex="Both sexes", year=2024, layout="pipes"),
        "men": replace(base, sex="Men", year=2018, layout="tabs"),
        "norwegian": replace(base, **NORWEGIAN, year=2009),
        "norwegian_menn_pipes": replace(base, **{**NORWEGIAN, "sex": "Menn"}, year=2024, layout="pipes"),
        "norwegian_begge_kjonn": replace(base, **{**NORWEGIAN, "sex": "Begge kjønn"}, year=2021, layout="fixed"),
        "norwegian_i_alt": replace(base, **{**NORWEGIAN, "sex": "I alt"}, year=2018),
        "total_hele_landet": replace(base, total="Hele landet", year=2024),
        "total_whole_country": replace(base, total="The whole country", layout="fixed"),
        "unallocated_uoppgitt": replace(base, **NORWEGIAN, unallocated="Uoppgitt, Svalbard, Jan Mayen og Kontinentalsokkelen",
                                        year=2021),
        "unallocated_unknown": replace(base, unallocated="Unknown, Svalbard, Jan Mayen and the continental shelf",
                                       layout="pipes"),
        "unallocated_00": replace(base, unallocated="00", layout="tabs"),
        "rate_change_block": replace(base, rate_change_block=True, layout="fixed"),
    }
    return out
