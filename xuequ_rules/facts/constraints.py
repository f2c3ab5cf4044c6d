"""Cross-field constraints of a fact record, declared once in the rule language.

``Constraint(f.rotated <= f.eligible, Text("交流轮岗教师数（{rotated}）不能多于…", "rotated
({rotated}) cannot exceed eligible ({eligible})"))`` on a record class
(``constraints = (...)``) is checked by the record's model (a record where the condition is
*false* is refused; unknown — a field missing — is accepted) and compiled by every engine
into the same check over a whole table, so an invalid row is refused identically by the
reference evaluator, polars, DuckDB, Spark and durable_rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from xuequ_rules.policy.expr import Expr, fields_of
from xuequ_rules.text import Text


@dataclass(frozen=True, slots=True)
class Constraint:
    """``holds`` must not be false; ``message`` names the values with ``{field}``."""

    holds: Expr
    message: Text

    def fields(self) -> tuple[str, ...]:
        return tuple(field.dotted for field in fields_of(self.holds))

    def describe(self, values: dict[str, Any]) -> Text:
        """The message with the record's values (a missing value reads 缺失 / missing)."""
        shown = {name: _shown(values.get(name)) for name in self.fields()}
        return Text(self.message.zh.format(**shown), self.message.en.format(**shown))

    def violated_by(self, record: Any) -> bool:
        from xuequ_rules.evaluation.compiler import Env
        return _compiled(self.holds)(record, Env(None)) is False


# A constraint's condition compiled once (every record of every facts file is checked).
_COMPILED: dict[int, tuple[Expr, Any]] = {}


def _compiled(holds: Expr) -> Any:
    hit = _COMPILED.get(id(holds))
    if hit is not None and hit[0] is holds:
        return hit[1]
    from xuequ_rules.evaluation.compiler import compile_expr
    closure = compile_expr(holds)
    _COMPILED[id(holds)] = (holds, closure)
    return closure


def _shown(value: Any) -> str:
    if value is None:
        return "缺失 missing"
    return str(getattr(value, "value", value))


def check_constraints(record: Any, constraints: tuple[Constraint, ...]) -> None:
    """Raise ``ValueError("zh / en")`` (pydantic's form) for the first constraint violated."""
    for constraint in constraints:
        if constraint.violated_by(record):
            text = constraint.describe({name: getattr(record, name, None)
                                        for name in constraint.fields()})
            raise ValueError(f"{text.zh} / {text.en}")


def constraints_of(schema: Any, collection: str) -> tuple[Constraint, ...]:
    """The constraints of ``collection``'s record class in the facts model ``schema``."""
    from xuequ_rules.facts.schema import collections_of
    model = collections_of(schema).get(collection)
    return tuple(getattr(model, "constraints", ())) if model is not None else ()


def constraint_error(collection: str, row: int, constraint: Constraint,
                     values: dict[str, Any], more: int = 0, source: str = "facts") -> Any:
    """The error the reference evaluator gives for row ``row`` (0-based) of ``collection``
    when ``more`` other rows are refused too."""
    from xuequ_rules.errors import FactsError
    text = constraint.describe(values)
    where = f"{collection}.{row}"
    more_zh = f"（另有 {more} 处错误）" if more else ""
    more_en = f" ({more} more)" if more else ""
    return FactsError(f"{source} 中字段 {where}：{text.zh}{more_zh}",
                      f"{source}: field {where}: {text.en}{more_en}", field=where)
