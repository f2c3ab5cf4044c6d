"""Consistency reports: defects of the library kept apart from findings about the document."""

from xuequ_rules.consistency.check import Report, check_policy
from xuequ_rules.consistency.issue import Issue

__all__ = ["Issue", "Report", "check_policy"]
