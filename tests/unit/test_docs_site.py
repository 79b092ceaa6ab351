"""The docs site's overview opens the lineage graph on views a reader can use: every link selects models that exist."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, unquote

import yaml

ROOT = Path(__file__).resolve().parents[2]
OVERVIEW = ROOT / "models" / "overview.md"


def _graph_selections(markdown: str) -> list[str]:
    """The `--select` of each lineage-graph link (`#!/overview?g_v=1&g_i=…`)."""
    links = re.findall(r"\]\((#!/overview\?[^)]+)\)", markdown)
    return [parse_qs(link.split("?", 1)[1])["g_i"][0] for link in links]


def _project_tags() -> set[str]:
    def tags(config: dict) -> set[str]:
        found = set(config.get("+tags", []))
        for value in config.values():
            if isinstance(value, dict):
                found |= tags(value)
        return found

    return tags(yaml.safe_load((ROOT / "dbt_project.yml").read_text(encoding="utf-8"))["models"])


def test_every_lineage_link_selects_existing_models():
    models = {path.stem for path in (ROOT / "models").rglob("*.sql")}
    selections = _graph_selections(OVERVIEW.read_text(encoding="utf-8"))
    assert len(selections) >= 6, "the overview should open the graph per document kind"
    for selection in selections:
        for selector in unquote(selection).split():
            if selector.startswith("tag:"):
                assert selector.removeprefix("tag:") in _project_tags(), selector
            else:
                assert selector.strip("+") in models, f"{selector} names no model"


def test_the_selection_parser_reads_a_link():
    markdown = "[x](#!/overview?g_v=1&g_i=%2Bfct_a%20tag:mart) [y](#!/overview?g_v=1&g_i=%2Bfct_b)"
    assert _graph_selections(markdown) == ["+fct_a tag:mart", "+fct_b"]
