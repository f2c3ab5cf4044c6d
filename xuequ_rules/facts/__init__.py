"""Shared fact models: the world the documents talk about, common to every policy."""

from xuequ_rules.facts.loader import load_facts, parse_facts
from xuequ_rules.facts.model import COLLECTIONS, Facts

__all__ = ["COLLECTIONS", "Facts", "load_facts", "parse_facts"]
