"""Document kinds: one package each, found here by discovery.

A package in this folder whose `__init__` defines `KIND` (an object implementing
`extract.kinds.base.DocumentKind`) is a kind; adding a kind is adding a package
(see docs/adding-a-kind.md).
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from functools import lru_cache

from extract.kinds.base import DETECTION_THRESHOLD, DocumentKind
from extract.tables import TableDocument


@lru_cache(maxsize=1)
def _discovered() -> tuple[DocumentKind, ...]:
    kinds = []
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if not module_info.ispkg:
            continue
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        if hasattr(module, "KIND"):
            kinds.append(module.KIND)
    return tuple(kinds)


def all_kinds() -> list[DocumentKind]:
    return list(_discovered())


@dataclass(frozen=True)
class Detection:
    kind: DocumentKind | None
    scores: dict[str, float]

    def explain(self) -> str:
        scored = ", ".join(f"{name} {score:.2f}" for name, score in sorted(self.scores.items()))
        return f"scores: {scored}" if scored else "no kinds registered"


def detect_kind(document: TableDocument, kinds: list[DocumentKind] | None = None) -> Detection:
    """The kind most sure of the document, if any is sure enough; ties are refused."""
    kinds = all_kinds() if kinds is None else kinds
    scores = {kind.kind: kind.detect(document) for kind in kinds}
    sure = sorted(
        (score, kind.kind) for kind, score in zip(kinds, scores.values()) if score >= DETECTION_THRESHOLD
    )
    if not sure or (len(sure) > 1 and sure[-1][0] == sure[-2][0]):
        return Detection(kind=None, scores=scores)
    best = sure[-1][1]
    return Detection(kind=next(kind for kind in kinds if kind.kind == best), scores=scores)
