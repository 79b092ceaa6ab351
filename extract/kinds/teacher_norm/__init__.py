"""Ministry of Education article: teacher-norm compensation per municipality."""

from extract.kinds.teacher_norm.kind import TeacherNorm
from extract.kinds.teacher_norm.semantics import TABLE, period_code

KIND = TeacherNorm()

__all__ = ["KIND", "TABLE", "TeacherNorm", "period_code"]
