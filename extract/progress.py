"""What a run is doing while it does it: a live line on a terminal, plain lines in a log.

Extraction tells of each document as it is settled, the dbt build of each model and
test as it finishes. On a terminal one line is redrawn in place; when output goes to a
file or CI log, a line is printed at every tenth of the way, so logs stay readable.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TextIO

BAR_WIDTH = 24
# dbt's line for a finished node, "12 of 640 PASS unique_… [PASS in 0.02s]", as its event
# gives it, or with the time in front as dbt prints it.
_DBT_NODE_DONE = re.compile(r"^(?:\d\d:\d\d:\d\d\s+)?(?P<done>\d+) of (?P<total>\d+) "
                            r"(?P<status>OK|PASS|WARN|ERROR|FAIL|SKIP)\b"
                            r"(?:\s+\S+)*?\s+(?P<name>[\w.]+)\s+\.*\s*\[")


@dataclass
class Progress:
    """Progress of one step (`what`: 'documents', 'dbt nodes') on `stream`."""

    stream: TextIO = field(default_factory=lambda: sys.stderr)
    live: bool | None = None  # None: live exactly when the stream is a terminal
    quiet: bool = False
    _what: str = ""
    _last_tenth: int = -1
    _drawn: bool = False

    def __post_init__(self) -> None:
        if self.live is None:
            self.live = bool(getattr(self.stream, "isatty", lambda: False)())

    def start(self, what: str) -> None:
        self._what, self._last_tenth = what, -1

    def update(self, done: int, total: int, current: str = "", note: str = "") -> None:
        if self.quiet or not total:
            return
        if self.live:
            filled = BAR_WIDTH * done // total
            bar = "█" * filled + "·" * (BAR_WIDTH - filled)
            line = f"{bar} {done}/{total} {self._what}" + (f" · {note}" if note else "") + \
                (f" · {current}" if current else "")
            self.stream.write("\r\x1b[2K" + line[:160])
            self.stream.flush()
            self._drawn = True
            return
        if self._last_tenth < 0:
            print(f"{self._what}: {total} …", file=self.stream, flush=True)
        tenth = 10 * done // total
        if tenth > self._last_tenth:
            self._last_tenth = tenth
            print(f"  {done}/{total} {self._what}" + (f", {note}" if note else ""), file=self.stream, flush=True)

    def finish(self) -> None:
        """End the live line, so what is printed next starts on a line of its own."""
        if self._drawn:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self._drawn = False


def dbt_node_done(line: str) -> tuple[int, int, str] | None:
    """(done, total, node name) from a line of dbt's output that reports a finished node."""
    match = _DBT_NODE_DONE.match(line.strip())
    return (int(match["done"]), int(match["total"]), match["name"]) if match else None


def document_progress(progress: Progress) -> Callable[[Any, int, int], None]:
    """Extraction's callback: documents settled, the current file and the rejected lines so far."""
    progress.start("documents")
    rejects = 0

    def told(outcome: Any, done: int, total: int) -> None:
        nonlocal rejects
        rejects += outcome.rejects
        progress.update(done, total, current=outcome.name, note=f"{rejects} rejected lines")
        if done == total:
            progress.finish()

    return told
