"""Facts: the shared vocabulary, and the schema each policy builds from it."""

from xuequ_rules.facts.loader import load_facts, parse_facts
from xuequ_rules.facts.model import Record, fact_field
from xuequ_rules.facts.schema import (
    SHARED_COLLECTIONS,
    Collection,
    Facts,
    collections_of,
    facts_schema,
)

__all__ = ["SHARED_COLLECTIONS", "Collection", "Facts", "Record", "collections_of",
           "fact_field", "facts_schema", "load_facts", "parse_facts"]
