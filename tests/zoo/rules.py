"""The zoo's layouts: for every kind, recipes whose free options are drawn at random.

A recipe names a layout and its class and pins the options that make it what it is (a
portrait page, a grid, page furniture); every other option, and the wording unless the
recipe keeps the sample's, is drawn from a `random.Random` seeded by the kind and the
layout's name, so a layout is the same on every run and on every machine.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from tests.zoo import samples
from tests.zoo.render_pdf import PdfOptions, render_fpdf2, render_reportlab
from tests.zoo.render_text import Furniture, TextOptions, render
from tests.zoo.spec import NBSP

TEXT_CLASSES = (
    "text_single_nbsp",
    "text_single_space",
    "text_fixed",
    "text_tabs",
    "text_pipes",
    "text_pipes_flattened",
)
PDF_CLASSES = ("pdf_fpdf2", "pdf_reportlab")
CLASSES = TEXT_CLASSES + PDF_CLASSES

# Wording variants, per kind and field of its wording (samples.*Wording); each list holds the sample's words.
VARIANTS: dict[str, dict[str, list[Any]]] = {
    "care_staffing": {
        "number": ["8", "Table 8.", "Tabell 8."],
        "title": [
            "Man-years, by type of education and municipality. 1999",
            "Man-years<sup>1</sup>, by type of education and municipality. 1999",
            "Man-years by type of education and municipality, 1999",
            "Man-years, by type of education and municipality. 1999. Kilde: Statistisk sentralbyrå",
        ],
        "total_label": ["The whole country", "Whole country", "Hele landet", "The whole country<sup>1</sup>"],
        "total_column": ["Man-years, total", "Man-years<sup>1</sup>, total"],
        "subject": [True, False],
        "publisher": [None, "Statistics Norway", "Statistisk sentralbyrå"],
        "source": [None, "Kilde: SSB"],
        "year_heading": [False, True],
        "source_on_period": [False, True],
    },
    "sickness_absence": {
        "number": ["12", "Table 12.", "Tabell 12:"],
        "quarter": ["Quarter {q} {y}", "{q}. quarter {y}", "{nth} quarter {y}", "{y}K{q}", "{q}. kvartal {y}"],
        "days": ["Sickness absence man-days", "Sickness absence- man-days", "Man-days", "Legemeldte sykefraværsdagsverk"],
        "change": ["Change since last year", "Change last year", "Endring fra i fjor"],
        "rate": ["Sickness absence rate", "Per cent", "Sickness absence rate (per cent)", "Sykefraværsprosent"],
        "total_label": ["TOTAL", "Total", "I alt", "Hele landet"],
        "area": ["Municipality", "Municipality of residence", "Bostedskommune", None],
        "publisher": [None, "Statistics Norway", "Statistisk sentralbyrå"],
        "source": [None, "Source: Statistics Norway"],
        "edition": ["english", "norwegian"],
        "sex": ["Men", "Menn", "Both sexes", "Begge kjønn", None],
    },
    "sickness_absence_county": {
        "number": ["10", "Table 10.", "Tabell 10:"],
        "quarter": ["Quarter {q} {y}", "{q}. quarter {y}", "{nth} quarter {y}", "{y}K{q}", "{q}. kvartal {y}"],
        "days": ["Sickness absence- man-days", "Sickness absence man-days", "Legemeldte sykefraværsdagsverk"],
        "change": ["Change last year", "Change since last year", "Endring fra i fjor"],
        "rate": ["Per cent", "Sickness absence rate", "Sykefraværsprosent"],
        "total_label": ["TOTAL", "I alt", "Hele landet", "The whole country"],
        "area": [None, "County of residence", "Bostedsfylke"],
        "publisher": [None, "Statistics Norway", "Statistisk sentralbyrå"],
        "source": [None, "Source: Statistics Norway"],
        "edition": ["english", "norwegian"],
        "sex": ["Women", "Kvinner", "Both sexes", "Begge kjønn", None],
    },
    "home_care_fees": {
        "number": ["21", "Tabell 21.", "Table 21."],
        "title": [
            "Brukerbetaling for hjemmetjenester. 2006 <sup>1</sup>",
            "Brukerbetaling for hjemmetjenester. 2006<sup>1</sup>",
        ],
        "bands": list(samples.BANDS),
        "share": ["Andel som betaler", "Andel brukere som betaler"],
        "payment": ["Brukerbetaling per bruker", "Brukerbetaling pr. bruker"],
        "publisher": [None, "Statistisk sentralbyrå", "Statistics Norway"],
        "source": [None, "Kilde: Statistisk sentralbyrå"],
    },
    "tiltak": {
        "period": ["Januar 2026 - April 2026", "Januar 2026 – April 2026"],
        "ytd": ["Gjennomsnitt hittil i år", "Gjennom snitt hittil i år", samples.YTD_WRAPPED],
        "months": [("Januar", "Februar", "Mars", "April"), ("januar", "februar", "mars", "april")],
        "publisher": [None, "NAV"],
        "source": [None, "Kilde: NAV"],
        "source_on_period": [False, True],
    },
    "teacher_norm": {
        "missing": [samples.TEACHER_LABELS["missing"], samples.TEACHER_LABELS["missing"].replace("mangler", "manglar")],
        "compensation": [samples.TEACHER_LABELS["compensation"], "Kompensasjon hausten 2018 (i kroner)"],
        "funded": [
            samples.TEACHER_LABELS["funded"],
            "Antall årsverk kompensasjonen høsten 2018 gir rom for",
            "Antall årsverk kompensasjonen hausten 2018 gir rom for",
        ],
        "publisher": [None, "Kunnskapsdepartementet"],
        "source": [None, "Kilde: Kunnskapsdepartementet"],
        "source_on_period": [False, True],
    },
}
# The options each class reads (the others are drawn too, but have no effect there).
_TEXT = {"thousands", "number_gap", "title_width", "title_gap", "markdown", "furniture"}
_PDF = {"font", "size", "orientation", "page", "margin", "padding", "extra", "leaf_align", "valign", "running_head"}
_PDF |= {"foot", "markers", "number_gap"}
USED = {
    "text_single_nbsp": _TEXT | {"header_width", "indent", "cell_per_line"},
    "text_single_space": _TEXT | {"header_width", "indent", "cell_per_line"},
    "text_fixed": _TEXT | {"gap", "extra", "header_lines", "leaf_align", "valign", "rule", "indent"},
    "text_tabs": _TEXT | {"bold_markup", "fill_spans"},
    "text_pipes": _TEXT | {"bold_markup", "pad", "separator", "fill_spans", "title_row", "note_rows"},
    "text_pipes_flattened": _TEXT | {"pad", "flatten_cut"},
    "pdf_fpdf2": _PDF | {"rule", "rows_per_page"},
    "pdf_reportlab": _PDF | {"grid"},
}
FEET = ["Side {page}", "Page {page} of {pages}", "- {page} -", "{page}"]


@dataclass(frozen=True)
class Layout:
    kind: str
    name: str
    cls: str
    wording: Any  # a samples.*Wording
    text: TextOptions | None = None
    pdf: PdfOptions | None = None

    @property
    def id(self) -> str:
        return f"{self.kind}-{self.name}"

    def describe(self) -> str:
        """The options its class uses that differ from the defaults, and the wording that
        differs from the sample's."""
        options = self.text or self.pdf
        default = type(options)()
        names = [f.name for f in fields(options) if f.name in USED[self.cls]]
        parts = [f"{n}={getattr(options, n)!r}" for n in names if getattr(options, n) != getattr(default, n)]
        sample = type(self.wording)()
        parts += [
            f"{f.name}={getattr(self.wording, f.name)!r}"
            for f in fields(self.wording)
            if getattr(self.wording, f.name) != getattr(sample, f.name)
        ]
        return ", ".join(parts).replace(NBSP, "\\xa0")


@dataclass(frozen=True)
class Recipe:
    name: str
    cls: str
    sample_wording: bool = False
    pins: dict[str, Any] = field(default_factory=dict)


def _paged(rng: random.Random) -> Furniture:
    drawn = Furniture(
        lines_per_page=rng.randint(30, 70),
        form_feed=rng.random() < 0.7,
        head=rng.choice(["{publication}", None]),
        foot=rng.choice(FEET),
    )
    return drawn if drawn.head or drawn.foot else replace(drawn, head="{publication}")


COMMON = (
    Recipe("nbsp", "text_single_nbsp"),
    Recipe("nbsp_paged", "text_single_nbsp", pins={"furniture": "paged"}),
    Recipe("space", "text_single_space", sample_wording=True),
    Recipe("fixed", "text_fixed", sample_wording=True, pins={"rule": "under"}),
    Recipe("fixed_paged", "text_fixed", pins={"furniture": "paged"}),
    Recipe("tabs", "text_tabs"),
    Recipe("pipes", "text_pipes"),
    Recipe("pipes_flat", "text_pipes_flattened"),
    Recipe("fpdf_portrait", "pdf_fpdf2", sample_wording=True, pins={"orientation": "P", "page": "A4"}),
    Recipe(
        "fpdf_landscape", "pdf_fpdf2", pins={"orientation": "L", "running_head": True, "foot": "Page {page} of {pages}"}
    ),
    Recipe("rl_grid", "pdf_reportlab", sample_wording=True, pins={"grid": True, "markers": "super"}),
    Recipe(
        "rl_plain",
        "pdf_reportlab",
        pins={"grid": False, "orientation": "L", "running_head": True, "foot": "Side {page}"},
    ),
)
# One layout per kind drawn as close to the sample's own rendering as the rules allow: if it
# fails, suspect the renderer before the parser.
SAMPLE_LIKE = {
    "care_staffing": Recipe(
        "sample_like", "text_single_nbsp", True, {"number_gap": f"{NBSP}{NBSP} ", "indent": "", "title_width": None}
    ),
    "sickness_absence": Recipe(
        "sample_like",
        "text_single_space",
        True,
        {"number_gap": f"{NBSP}{NBSP} ", "indent": f"{NBSP}{NBSP}{NBSP} ", "title_width": 95, "title_gap": True},
    ),
    "sickness_absence_county": Recipe(
        "sample_like", "text_pipes_flattened", True, {}
    ),
    "home_care_fees": Recipe(
        "sample_like",
        "text_pipes",
        True,
        {
            "fill_spans": False,
            "pad": 27,
            "title_row": True,
            "note_rows": True,
            "separator": "after_first",
            "thousands": " ",
            "bold_markup": False,
        },
    ),
    "tiltak": Recipe(
        "sample_like",
        "text_tabs",
        True,
        {
            "bold_markup": True,
            "markdown": True,
            "thousands": " ",
            "title_gap": True,
            "furniture": Furniture(16, form_feed=False, head="{period}"),
        },
    ),
    "teacher_norm": Recipe(
        "sample_like", "text_single_nbsp", True, {"cell_per_line": True, "thousands": " ", "title_gap": True}
    ),
}


def _seed(kind: str, name: str) -> int:
    return int(hashlib.sha256(f"{kind}:{name}".encode()).hexdigest()[:12], 16)


def _wording(kind: str, rng: random.Random, sample: bool) -> Any:
    cls = samples.WORDINGS[kind]
    return cls() if sample else cls(**{name: rng.choice(options) for name, options in VARIANTS[kind].items()})


def _text_options(cls: str, rng: random.Random, pins: dict[str, Any]) -> TextOptions:
    thousands = {"text_single_nbsp": NBSP, "text_single_space": " "}.get(cls, rng.choice([" ", NBSP]))
    drawn = TextOptions(
        seed=rng.randrange(1 << 30),
        thousands=thousands,
        number_gap=rng.choice([" ", f"{NBSP}{NBSP} ", "  "]),
        title_width=rng.choice([None, rng.randint(60, 110)]),
        title_gap=rng.random() < 0.5,
        header_width=rng.randint(50, 200),
        indent=rng.choice(["", f"{NBSP}{NBSP}{NBSP} ", "   "]),
        gap=rng.randint(2, 4),
        extra=rng.randint(0, 4),
        header_lines=rng.randint(2, 4),
        leaf_align=rng.choice(["left", "right", "centre"]),
        valign=rng.choice(["top", "bottom"]),
        rule=rng.choice(["none", "under", "around"]),
        bold_markup=rng.random() < 0.5,
        markdown=rng.random() < 0.5,
        pad=rng.choice([0, rng.randint(1, 30)]),
        separator=rng.choice(["after_first", "after_header"]),
        fill_spans=rng.random() < 0.5,
        title_row=rng.random() < 0.5,
        note_rows=rng.random() < 0.5,
        flatten_cut=rng.randint(1, 4),
    )
    if pins.get("furniture") == "paged":
        pins = {**pins, "furniture": _paged(rng)}
    return replace(drawn, **pins)


def _pdf_options(rng: random.Random, pins: dict[str, Any]) -> PdfOptions:
    orientation = pins.get("orientation", rng.choice("PL"))
    drawn = PdfOptions(
        seed=rng.randrange(1 << 30),
        font=rng.choice(["Helvetica", "Times", "Courier"]),
        size=round(rng.uniform(6.5, 9.0), 1),
        orientation=orientation,
        page="A3" if orientation == "L" and rng.random() < 0.4 else "A4",
        margin=round(rng.uniform(8, 18), 1),
        padding=round(rng.uniform(0.8, 2.5), 1),
        extra=round(rng.uniform(0, 6), 1),
        leaf_align=rng.choice("LRC"),
        valign=rng.choice(["top", "bottom"]),
        rule=rng.choice(["none", "header", "tiers", "box"]),
        grid=rng.random() < 0.5,
        rows_per_page=rng.choice([None, rng.randint(25, 60)]),
        running_head=rng.random() < 0.5,
        foot=rng.choice([None, *FEET]),
        markers=rng.choice(["super", "glued"]),
    )
    return replace(drawn, **pins)


def _layout(kind: str, recipe: Recipe) -> Layout:
    rng = random.Random(_seed(kind, recipe.name))
    wording = _wording(kind, rng, recipe.sample_wording)
    if recipe.cls in PDF_CLASSES:
        return Layout(kind, recipe.name, recipe.cls, wording, pdf=_pdf_options(rng, recipe.pins))
    return Layout(kind, recipe.name, recipe.cls, wording, text=_text_options(recipe.cls, rng, recipe.pins))


def layouts(kind: str) -> list[Layout]:
    return [_layout(kind, recipe) for recipe in (SAMPLE_LIKE[kind], *COMMON)]


def render_layout(layout: Layout, directory: Path) -> Path:
    doc = samples.BUILDERS[layout.kind](layout.wording)
    if layout.pdf is not None:
        path = directory / f"{layout.id}.pdf"
        return (render_fpdf2 if layout.cls == "pdf_fpdf2" else render_reportlab)(doc, layout.pdf, path)
    path = directory / f"{layout.id}.txt"
    path.write_text(render(doc, layout.cls, layout.text), encoding="utf-8")
    return path
