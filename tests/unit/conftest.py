from __future__ import annotations

from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parents[2]
DOCUMENTS = PROJECT_DIR / "documents"


@pytest.fixture
def care_staffing_path() -> Path:
    return DOCUMENTS / "ssb_care_staffing_1999.txt"
