"""Consistency reports: defects of the library kept apart from findings about the document."""

from xuequ_rules.consistency.check import Report, check_policy

__all__ = ["Report", "check_policy"]
