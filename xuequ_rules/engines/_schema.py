"""Tables of fact records: the column kinds of each collection, read from a policy's schema.

The kinds come from :mod:`xuequ_rules.facts.fields` (the one reading of field types).

A collection (``teacher_exchanges``, ``zones``, …) is a table: one row per record, one column
per field (list fields are list columns). Scenario-level rules (subject ``""``) range over a
table with one row per scenario whose columns are ``jurisdiction`` and ``attestations.<rule id>``.

Kinds are what the engines need to know to compute exactly: ``int`` (64-bit integers),
``dec`` (exact decimals, with a scale), ``bool``, ``str`` (text and enumerations), ``date``,
``list`` (a list of text), ``records`` (a list of nested records).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from xuequ_rules.facts.fields import ColumnSpec, model_columns, record_columns
from xuequ_rules.facts.schema import Facts
from xuequ_rules.policy.rule import ATTESTATIONS, AnyRule

SCENARIO = ""
SCENARIO_ALIASES = frozenset({"", "scenario", ATTESTATIONS})

__all__ = ["DEFAULT_SCALE", "SCENARIO", "ColumnSpec", "collection_columns", "decimal_scale",
           "model_columns", "normalize_collection", "subject_rules"]

# Default scale (digits after the point) of a decimal column when the input does not fix one.
DEFAULT_SCALE = 6


def normalize_collection(collection: str) -> str:
    return SCENARIO if collection in SCENARIO_ALIASES else collection


def collection_columns(collection: str, rules: tuple[AnyRule, ...],
                       schema: type[Facts]) -> dict[str, ColumnSpec]:
    """The columns of a collection's table in the fact schema ``schema`` (a policy's
    ``facts_model``; for the scenario: jurisdiction and attestations)."""
    collection = normalize_collection(collection)
    if collection == SCENARIO:
        columns = {"jurisdiction": ColumnSpec("jurisdiction", "str")}
        for rule in rules:
            for node in rule.fields():
                if len(node.path) == 2 and node.path[0] == ATTESTATIONS:
                    columns[node.dotted] = ColumnSpec(node.dotted, "bool")
        return columns
    return record_columns(schema, collection)


def subject_rules(rules: tuple[AnyRule, ...], collection: str) -> tuple[AnyRule, ...]:
    collection = normalize_collection(collection)
    return tuple(rule for rule in rules if rule.subject == collection)


def decimal_scale(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def spec_dict(spec: ColumnSpec) -> dict[str, Any]:
    """A column's description as plain data (a cache key, a plan's summary)."""
    return {"name": spec.name, "kind": spec.kind, "ge": spec.ge, "le": spec.le,
            "enum": spec.enum, "nested": spec.nested, "scale": spec.scale,
            "below": spec.below}


def invalid_value_error(collection: str, ref: object, name: str, value: object) -> Any:
    """The error every table engine gives for a value the facts model refuses (out of its
    bounds, not one of its enumeration, an empty id)."""
    from xuequ_rules.errors import FactsError
    where = f"{collection or 'scenario'}[{ref}].{name}"
    return FactsError(f"{where}：取值无效（{value!r}）", f"{where}: invalid value {value!r}",
                      field=where)
