"""One run at a time per warehouse: an advisory lock on a file beside it.

The lock is the operating system's (`flock`): it is released when the process ends,
however it ends, so a crashed run never leaves a stale lock behind. The file's text
(the holder's pid and start time) is only for the message a waiting run prints.
"""

from __future__ import annotations

import fcntl
import os
import sys
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TextIO


class WarehouseBusy(Exception):
    """Another run holds the warehouse and the caller chose not to wait."""


def lock_path(warehouse: Path) -> Path:
    return warehouse.with_name(f".{warehouse.name}.lock")


class RunLock:
    def __init__(self, warehouse: Path, wait: bool = True, out: TextIO = sys.stdout) -> None:
        self.path = lock_path(warehouse)
        self.wait = wait
        self.out = out
        self._file: TextIO | None = None

    def __enter__(self) -> RunLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held until __exit__
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = self._holder(handle)
            if not self.wait:
                handle.close()
                raise WarehouseBusy(f"another kommunedata run ({holder}) is building {self.path.parent}; "
                                    "try again when it has finished, or leave out --no-wait to wait for it") from None
            print(f"Waiting for another kommunedata run ({holder}) to finish with this warehouse …",
                  file=self.out, flush=True)
            fcntl.flock(handle, fcntl.LOCK_EX)
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}, started {datetime.now().astimezone():%Y-%m-%d %H:%M:%S}\n")
        handle.flush()
        self._file = handle
        return self

    @staticmethod
    def _holder(handle: TextIO) -> str:
        handle.seek(0)
        return handle.read().strip() or "pid unknown"

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> None:
        if self._file is not None:
            self._file.seek(0)
            self._file.truncate()
            fcntl.flock(self._file, fcntl.LOCK_UN)
            self._file.close()
            self._file = None
