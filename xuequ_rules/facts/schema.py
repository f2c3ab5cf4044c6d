"""A policy's fact schema: the shared collections, the package's own, and its extensions.

:class:`Facts` is the shared schema — a scenario made only of the shared vocabulary
(:mod:`xuequ_rules.facts.model`). A policy package builds its own schema with
:func:`facts_schema`: it adds the collections only its document talks about and may replace
a shared record by a subclass that carries the package's own fields. The result is a pydantic
model with ``extra="forbid"``; validation, evaluation, every engine, the JSON Schema and the
behaviour diff read it (``Policy.facts_model``).
"""

from __future__ import annotations

import re
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, create_model, model_validator

from xuequ_rules.errors import PolicyDefinitionError
from xuequ_rules.facts.model import (
    DistrictIndicators,
    Milestone,
    Record,
    School,
    SchoolZone,
    Student,
    TeacherExchange,
    _f,
)
from xuequ_rules.facts.quantities import Flag

SHARED = "shared"


class Facts(BaseModel):
    """A scenario: everything known about a jurisdiction, by collection (shared vocabulary)."""

    # validators are built when first used (a command that reads tables never builds them)
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    # whose schema this is: "shared", or the name of the policy package that built it
    schema_owner: ClassVar[str] = SHARED

    jurisdiction: str | None = _f("地区", "jurisdiction")
    schools: list[School] = Field(default_factory=list, title="学校", description="schools")
    zones: list[SchoolZone] = Field(default_factory=list, title="学区", description="school zones")
    teacher_exchanges: list[TeacherExchange] = Field(
        default_factory=list, title="教师交流轮岗", description="teacher exchange figures")
    district_indicators: list[DistrictIndicators] = Field(
        default_factory=list, title="区域指标", description="district indicators")
    students: list[Student] = Field(
        default_factory=list, title="学生", description="pupils (pseudonymous)")
    milestones: list[Milestone] = Field(
        default_factory=list, title="实施进度", description="plan milestones")
    attestations: dict[str, Flag | None] = Field(
        default_factory=dict, title="职责落实确认", description="attested checklist duties")

    @model_validator(mode="after")
    def _unique_ids(self) -> Facts:
        for name in collections_of(type(self)):
            seen: set[str] = set()
            repeated: set[str] = set()
            for record in getattr(self, name):   # one pass: linear in the number of records
                (repeated if record.id in seen else seen).add(record.id)
            duplicates = sorted(repeated)
            if duplicates:
                raise ValueError(f"{name} 中标识重复：{duplicates} / duplicate ids in {name}: "
                                 f"{duplicates}")
        return self


@dataclass(frozen=True, slots=True)
class Collection:
    """A package's own collection: its record type and its Chinese and English label."""

    record: type[Record]
    zh: str
    en: str


@cache
def collections_of(model: type[Facts]) -> dict[str, type[Record]]:
    """The collections of a fact schema: name → record type (list-of-record fields)."""
    out: dict[str, type[Record]] = {}
    for name, info in model.model_fields.items():
        if typing.get_origin(info.annotation) is list:
            (item,) = typing.get_args(info.annotation)
            if isinstance(item, type) and issubclass(item, Record):
                out[name] = item
    return out


SHARED_COLLECTIONS: dict[str, type[Record]] = collections_of(Facts)

# every record type a schema was built with, by collection: field labels for explanations
_LABELLED: dict[str, list[type[Record]]] = {n: [r] for n, r in SHARED_COLLECTIONS.items()}


def facts_schema(owner: str, own: Mapping[str, Collection] | None = None,
                 extends: Mapping[str, type[Record]] | None = None) -> type[Facts]:
    """The fact schema of policy package ``owner``: shared collections, ``own`` collections,
    and shared records replaced by the subclasses in ``extends`` (which add fields)."""
    fields: dict[str, Any] = {}
    for name, collection in (own or {}).items():
        if name in Facts.model_fields:
            raise PolicyDefinitionError(
                f"{owner} 的事实集合“{name}”与共享词汇重名；请扩展共享记录而非重新声明",
                f"{owner}: collection {name!r} is a shared one; extend its record instead",
                field=f"facts.{name}")
        fields[name] = (list[collection.record],  # type: ignore[name-defined]
                        Field(default_factory=list, title=collection.zh,
                              description=collection.en))
    for name, record in (extends or {}).items():
        shared = SHARED_COLLECTIONS.get(name)
        if shared is None or not issubclass(record, shared):
            raise PolicyDefinitionError(
                f"{owner} 扩展的“{name}”不是共享集合，或 {record.__name__} 不是其记录的子类",
                f"{owner}: {name!r} is not a shared collection, or {record.__name__} does not "
                "subclass its record", field=f"facts.{name}")
        info = Facts.model_fields[name]
        fields[name] = (list[record],  # type: ignore[valid-type]
                        Field(default_factory=list, title=info.title,
                              description=info.description))
    camel = "".join(part.title() for part in re.split(r"[^A-Za-z0-9]+", owner) if part)
    model: type[Facts] = create_model(f"{camel}Facts", __base__=Facts, **fields)
    model.schema_owner = owner
    for name, record in collections_of(model).items():
        known = _LABELLED.setdefault(name, [])
        if record not in known:
            known.append(record)
    return model


def field_label(collection: str, name: str) -> tuple[str, str]:
    """The (Chinese, English) label of a fact field, for explanations."""
    models: list[type[BaseModel]] = [*_LABELLED.get(collection, ())] or [Facts]
    for model in models:
        info = model.model_fields.get(name)
        if info is not None:
            return info.title or name, info.description or name
    return name, name
