"""xuequ-rules: China's compulsory-education school-district policies as executable, cited rules.

>>> from xuequ_rules import load_policy, evaluate
>>> policy = load_policy("liujiang")            # or "liujiang@2018"
>>> policy.document.clause("三/(四)/3").text     # the clause, verbatim
>>> evaluate(policy, {"teacher_exchanges": [...]}).findings

The names below are imported when first used, so ``import xuequ_rules`` stays cheap: a command
that never evaluates or checks does not pay for the fact model, the engines or the checker.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from xuequ_rules.errors import (
    CitationError,
    FactsError,
    PolicyDefinitionError,
    RuleConflictError,
    SourceError,
    UnknownClauseError,
    UnknownPolicyError,
    XuequError,
)

if TYPE_CHECKING:
    from xuequ_rules.consistency import Report, check_policy
    from xuequ_rules.document.clause import Clause
    from xuequ_rules.document.document import Document
    from xuequ_rules.evaluation import Evaluation, Finding, Status, evaluate
    from xuequ_rules.facts import Facts, load_facts, parse_facts
    from xuequ_rules.policy.package import PolicyPackage
    from xuequ_rules.policy.policy import Policy
    from xuequ_rules.registry import load_policy, packages

__version__ = "0.1.0"

_LAZY = {
    "Clause": "xuequ_rules.document.clause",
    "Document": "xuequ_rules.document.document",
    "Evaluation": "xuequ_rules.evaluation",
    "Facts": "xuequ_rules.facts",
    "Finding": "xuequ_rules.evaluation",
    "Policy": "xuequ_rules.policy.policy",
    "PolicyPackage": "xuequ_rules.policy.package",
    "Report": "xuequ_rules.consistency",
    "Status": "xuequ_rules.evaluation",
    "check_policy": "xuequ_rules.consistency",
    "evaluate": "xuequ_rules.evaluation",
    "load_facts": "xuequ_rules.facts",
    "load_policy": "xuequ_rules.registry",
    "packages": "xuequ_rules.registry",
    "parse_facts": "xuequ_rules.facts",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'xuequ_rules' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__all__ = [
    "CitationError",
    "Clause",
    "Document",
    "Evaluation",
    "Facts",
    "FactsError",
    "Finding",
    "Policy",
    "PolicyDefinitionError",
    "PolicyPackage",
    "Report",
    "RuleConflictError",
    "SourceError",
    "Status",
    "UnknownClauseError",
    "UnknownPolicyError",
    "XuequError",
    "check_policy",
    "evaluate",
    "load_facts",
    "load_policy",
    "packages",
    "parse_facts",
]
