"""Evaluation of a policy over facts: findings with explanations and citations."""

from xuequ_rules.evaluation.evaluate import Evaluation, evaluate
from xuequ_rules.evaluation.finding import Finding, Status

__all__ = ["Evaluation", "Finding", "Status", "evaluate"]
