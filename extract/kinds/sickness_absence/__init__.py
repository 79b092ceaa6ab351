"""SSB sickness absence by municipality of residence, quarterly."""

from extract.kinds.sickness_absence.arithmetic import Candidates, RawRow, Reading, decide_total, enumerate_readings
from extract.kinds.sickness_absence.kind import SicknessAbsence
from extract.kinds.sickness_absence.semantics import parse_sex

KIND = SicknessAbsence()

__all__ = ["KIND", "Candidates", "RawRow", "Reading", "decide_total", "enumerate_readings", "parse_sex"]
