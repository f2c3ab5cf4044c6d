"""xuequ-rules: China's compulsory-education school-district policies as executable, cited rules.

>>> from xuequ_rules import load_policy, evaluate
>>> policy = load_policy("liujiang")            # or "liujiang@2018"
>>> policy.document.clause("三/(四)/3").text     # the clause, verbatim
>>> evaluate(policy, {"teacher_exchanges": [...]}).findings
"""

from xuequ_rules.consistency import Report, check_policy
from xuequ_rules.document.clause import Clause
from xuequ_rules.document.document import Document
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
from xuequ_rules.evaluation import Evaluation, Finding, Status, evaluate
from xuequ_rules.facts import Facts, load_facts, parse_facts
from xuequ_rules.policy.package import PolicyPackage
from xuequ_rules.policy.policy import Policy
from xuequ_rules.registry import load_policy, packages

__version__ = "0.1.0"

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
