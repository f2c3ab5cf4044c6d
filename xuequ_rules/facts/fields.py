"""The one reading of field types: a policy's fact schema as collections of typed columns.

A collection (``teacher_exchanges``, ``zones``, …) is a table: one row per record, one column
per field (list fields are list columns). Kinds are what the engines, the lifecycle and the
behaviour diff need to know to compute exactly: ``int`` (64-bit integers), ``dec`` (exact
decimals, with a scale), ``bool``, ``str`` (text and enumerations), ``date``, ``list`` (a list
of text), ``records`` (a list of nested records); with the bounds the model sets.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from functools import cache
from typing import Any

import annotated_types
from pydantic import BaseModel

from xuequ_rules.facts.quantities import Magnitude
from xuequ_rules.facts.schema import Facts, collections_of


@dataclass(frozen=True, slots=True)
class ColumnSpec:
    """One field of a collection as a table column."""

    name: str
    kind: str                       # int | dec | bool | str | date | list | records
    ge: Decimal | None = None       # lower bound from the model (validated in bulk)
    le: Decimal | None = None
    enum: tuple[str, ...] | None = None
    nested: tuple[ColumnSpec, ...] = ()
    scale: int = 0                  # decimal columns: digits after the point in the table
    below: Decimal | None = None    # every value's magnitude is smaller (a quantity's bound)


def _unwrap(annotation: Any) -> tuple[Any, list[Any]]:
    """Strip ``X | None`` and ``Annotated[...]``; return the base type and its metadata."""
    metadata: list[Any] = []
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            args = typing.get_args(annotation)
            annotation = args[0]
            metadata.extend(args[1:])
            continue
        if origin in (typing.Union, types.UnionType):
            members = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(members) == 1:
                annotation = members[0]
                continue
        return annotation, metadata


def _bounds(metadata: list[Any]) -> tuple[Decimal | None, Decimal | None]:
    ge = le = None
    for item in metadata:
        for meta in getattr(item, "metadata", [item]):
            if isinstance(meta, annotated_types.Ge):
                ge = Decimal(str(meta.ge))
            elif isinstance(meta, annotated_types.Le):
                le = Decimal(str(meta.le))
    return ge, le


def _spec(name: str, annotation: Any, field_metadata: list[Any]) -> ColumnSpec:
    base, metadata = _unwrap(annotation)
    ge, le = _bounds(metadata + field_metadata)
    if isinstance(base, type) and issubclass(base, bool):
        return ColumnSpec(name, "bool")
    if isinstance(base, type) and issubclass(base, Enum):
        return ColumnSpec(name, "str", enum=tuple(str(m.value) for m in base))
    if isinstance(base, type) and issubclass(base, int):
        return ColumnSpec(name, "int", ge, le)
    if isinstance(base, type) and issubclass(base, Decimal):
        below = next((Decimal(m.below) for m in metadata if isinstance(m, Magnitude)), None)
        return ColumnSpec(name, "dec", ge, le, below=below)
    if isinstance(base, type) and issubclass(base, str):
        return ColumnSpec(name, "str")
    if base is dt.date:
        return ColumnSpec(name, "date")
    if typing.get_origin(base) is list:
        (item,) = typing.get_args(base)
        item_base, _ = _unwrap(item)
        if isinstance(item_base, type) and issubclass(item_base, BaseModel):
            return ColumnSpec(name, "records", nested=model_columns(item_base))
        return ColumnSpec(name, "list")
    raise TypeError(f"field {name}: unsupported type {annotation!r}")


@cache
def model_columns(model: type[BaseModel]) -> tuple[ColumnSpec, ...]:
    """The columns of one record model, in field order."""
    return tuple(_spec(name, info.annotation, list(info.metadata))
                 for name, info in model.model_fields.items())


def record_columns(schema: type[Facts], collection: str) -> dict[str, ColumnSpec]:
    """The columns of ``collection`` in the fact schema ``schema`` (KeyError if it has none)."""
    return {spec.name: spec for spec in model_columns(collections_of(schema)[collection])}


def field_spec(schema: type[Facts], collection: str, name: str) -> ColumnSpec | None:
    """The column of one field of a collection, or None when the schema has no such field."""
    record = collections_of(schema).get(collection)
    if record is None:
        return None
    return next((spec for spec in model_columns(record) if spec.name == name), None)
