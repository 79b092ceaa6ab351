"""SSB care staffing: man-years in nursing and care services by type of education and municipality."""

from extract.kinds.care_staffing.kind import CareStaffing

KIND = CareStaffing()
