"""NAV monthly report: participants in labour-market measures ("tiltak")."""

from extract.kinds.tiltak.kind import Tiltak
from extract.kinds.tiltak.semantics import classify_label, match_measure, month_range

KIND = Tiltak()

__all__ = ["KIND", "classify_label", "match_measure", "month_range"]
