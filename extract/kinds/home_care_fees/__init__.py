"""SSB user payments for home-care services (brukerbetaling for hjemmetjenester)."""

from extract.kinds.home_care_fees.kind import HomeCareFees
from extract.kinds.home_care_fees.semantics import income_band

KIND = HomeCareFees()

__all__ = ["KIND", "income_band"]
