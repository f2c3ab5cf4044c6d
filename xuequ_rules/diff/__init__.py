"""Diff two policies (two districts, or two versions of one policy) at three levels.

>>> from xuequ_rules.diff import diff_refs
>>> d = diff_refs("liujiang", "nantong")
>>> d.structure.parameters[0].changes        # aligned by concept, values side by side
>>> d.as_dict()                               # the same, as JSON-ready data

* text: clause-by-clause redline (:func:`~xuequ_rules.diff.text.text_diff`);
* structure: parameters and rules added / removed / changed
  (:func:`~xuequ_rules.diff.structure.structure_diff`);
* behaviour: generated scenarios evaluated under both
  (:func:`~xuequ_rules.diff.behaviour.behaviour_diff`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from xuequ_rules.diff.behaviour import behaviour_diff
from xuequ_rules.diff.model import (
    BehaviourCase,
    BehaviourDiff,
    ChangeStatus,
    ClauseChange,
    FieldChange,
    ItemChange,
    PolicyDiff,
    StructureDiff,
    TextDiff,
    TextOp,
)
from xuequ_rules.diff.structure import structure_diff
from xuequ_rules.diff.text import text_diff
from xuequ_rules.policy.policy import Policy
from xuequ_rules.registry import load_policy

LEVELS = ("text", "structure", "behaviour")

__all__ = [
    "LEVELS", "BehaviourCase", "BehaviourDiff", "ChangeStatus", "ClauseChange", "FieldChange",
    "ItemChange", "PolicyDiff", "StructureDiff", "TextDiff", "TextOp", "behaviour_diff",
    "diff_policies", "diff_refs", "structure_diff", "text_diff",
]


def diff_policies(left: Policy, right: Policy, *, levels: Iterable[str] = LEVELS,
                  as_of: dt.date | None = None) -> PolicyDiff:
    """The diff of ``left`` → ``right`` at the requested levels."""
    wanted = set(levels)
    unknown = wanted - set(LEVELS)
    if unknown:
        raise ValueError(f"unknown diff level(s): {', '.join(sorted(unknown))}")
    same = left.name == right.name
    return PolicyDiff(
        left=left.ref, right=right.ref, left_title=left.title, right_title=right.title,
        same_policy=same,
        text=text_diff(left.document, right.document) if "text" in wanted else None,
        structure=structure_diff(left, right, same) if "structure" in wanted else None,
        behaviour=behaviour_diff(left, right, as_of, same) if "behaviour" in wanted else None)


def diff_refs(left: str, right: str, *, levels: Iterable[str] = LEVELS,
              as_of: dt.date | None = None) -> PolicyDiff:
    """``diff_refs("liujiang", "nantong")`` or ``diff_refs("caoxian@capture-1", "caoxian@capture-2")``."""
    return diff_policies(load_policy(left), load_policy(right), levels=levels, as_of=as_of)
