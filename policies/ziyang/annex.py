"""The annex of the Ziyang plan (紫阳县教共体一览表) as data, parsed from the document itself.

The annex is a table captured as ``|``-separated lines (序号 | 教共体名称 | 核心校 | 成员校 |
学段 |); rows 1 and 2 wrap over three capture lines. Nothing here is copied by hand: the rows
are read from the annex clause's text, in the reading corrected by the errata (E09 and E10
restore the lost 、 between two member schools of rows 1 and 2).

A member-school cell lists schools separated by 、 (once by a half-width ``,``); the village
schools and teaching points attached to a member school follow it in brackets, e.g.
``城关镇中心小学(城关镇兴田教学点、城关镇长白教学点)``. A bracket that names a section of
the school instead (``毛坝中学(高中部)``) is part of the school's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from xuequ_rules.document.clause import Level
from xuequ_rules.document.document import Document
from xuequ_rules.facts.model import Stage

ANNEX_CLAUSE = "附件"

STAGES: dict[str, Stage] = {
    "小学": Stage.PRIMARY,
    "九年制": Stage.NINE_YEAR,
    "初中": Stage.JUNIOR,
    "高中": Stage.SENIOR,
    "学前": Stage.PRESCHOOL,
}

# What the names of attached village schools and teaching points end with.
_ATTACHED_SUFFIXES = ("小学", "教学点", "学校", "幼儿园", "园")
_SEPARATORS = "、,，"
_CELLS = 5
_ROW_START = re.compile(r"^\s*(\d+)\s*\|")


@dataclass(frozen=True, slots=True)
class AnnexMember:
    """A member school (成员校) and the village schools / teaching points in its brackets."""

    school: str
    attached: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AnnexRow:
    """One row of the annex table."""

    number: int
    name: str
    core_schools: tuple[str, ...]
    members: tuple[AnnexMember, ...]
    stage_label: str
    stage: Stage | None
    captured: str              # the row's text as captured (may span several lines)
    dangling_separator: bool   # the member cell ends with a separator and no school after it

    @property
    def schools(self) -> tuple[str, ...]:
        """Every school the row names: core schools, members and their attached schools."""
        out = list(self.core_schools)
        for member in self.members:
            out.append(member.school)
            out.extend(member.attached)
        return tuple(out)

    def as_dict(self) -> dict[str, Any]:
        """Plain, JSON-ready data (stored in ``Policy.data["annex"]``)."""
        return {
            "number": self.number,
            "name": self.name,
            "core_schools": list(self.core_schools),
            "members": [{"school": m.school, "attached": list(m.attached)}
                        for m in self.members],
            "stage_label": self.stage_label,
            "stage": self.stage.value if self.stage else None,
            "dangling_separator": self.dangling_separator,
        }


def _split_top(cell: str) -> list[str]:
    """Split a cell at separators outside brackets (empty entries kept)."""
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for char in cell:
        if char in "(（":
            depth += 1
        elif char in ")）":
            depth = max(0, depth - 1)
        if depth == 0 and char in _SEPARATORS:
            parts.append("".join(current).strip())
            current = []
            continue
        current.append(char)
    parts.append("".join(current).strip())
    return parts


_BRACKETED = re.compile(r"^(?P<name>[^(（]+)[(（](?P<inner>[^)）]*)[)）](?P<rest>.*)$")


def _member(entry: str) -> AnnexMember:
    match = _BRACKETED.match(entry)
    if match is None or match["rest"].strip():
        return AnnexMember(entry)
    inner = [part.strip() for part in re.split(r"[、,，]", match["inner"]) if part.strip()]
    if inner and all(part.endswith(_ATTACHED_SUFFIXES) for part in inner):
        return AnnexMember(match["name"].strip(), tuple(inner))
    return AnnexMember(entry)   # 毛坝中学(高中部): the bracket is part of the name


def _row(captured: str, corrected: str) -> AnnexRow:
    cells = [cell.strip() for cell in corrected.replace("\n", "").split("|")]
    number, name, core, members, stage = cells[:_CELLS]
    entries = _split_top(members)
    dangling = len(entries) > 1 and entries[-1] == ""
    cores = tuple(entry for entry in _split_top(core) if entry)
    return AnnexRow(
        number=int(number), name=name, core_schools=cores,
        members=tuple(_member(entry) for entry in entries if entry),
        stage_label=stage, stage=STAGES.get(stage), captured=captured,
        dangling_separator=dangling)


def _records(text: str) -> list[str]:
    """The table's rows, each the text of one or more lines (a row has five cells)."""
    rows: list[str] = []
    buffer = ""
    for line in text.splitlines(keepends=True):
        if not buffer and _ROW_START.match(line) is None:
            continue    # the header (序号 | 教共体名称 | …) or anything outside a row
        buffer += line
        if buffer.count("|") >= _CELLS:
            rows.append(buffer)
            buffer = ""
    if buffer.strip():
        rows.append(buffer)
    return rows


def parse_annex(document: Document) -> tuple[AnnexRow, ...]:
    """The annex rows, read from the annex clause (captured and corrected readings)."""
    clause = document.clause(ANNEX_CLAUSE)
    if clause.level is not Level.ANNEX:
        raise ValueError(f"clause {ANNEX_CLAUSE} is not an annex")
    captured = document.full_text(clause)
    corrected = document.full_text(clause, corrected=True)
    captured_rows = _records(captured)
    corrected_rows = _records(corrected)
    if len(captured_rows) != len(corrected_rows):
        raise ValueError("errata change the number of annex rows")
    return tuple(_row(raw, fixed) for raw, fixed in zip(captured_rows, corrected_rows,
                                                        strict=True))


def row_label(row: AnnexRow) -> str:
    """The row's opening exactly as captured, e.g. ``1 | 紫阳小学教共体`` (a verbatim quote)."""
    return row.captured.split("|", 2)[0] + "|" + row.captured.split("|", 2)[1].rstrip()


def annex_facts(rows: tuple[AnnexRow, ...] | list[dict[str, Any]] | None = None
                ) -> dict[str, Any]:
    """The annex as ``communities`` facts, ready for :func:`xuequ_rules.evaluate`.

    ``rows`` are parsed rows or ``Policy.data["annex"]``; by default the current Ziyang
    policy's annex.
    """
    if rows is None:
        from xuequ_rules import load_policy

        rows = load_policy("ziyang").data["annex"]
    plain = [row.as_dict() if isinstance(row, AnnexRow) else row for row in rows]
    communities = []
    for row in plain:
        record: dict[str, Any] = {
            "id": f"ziyang.annex.{row['number']}",
            "name": row["name"],
            "core_schools": list(row["core_schools"]),
            "members": [{"school": m["school"], "attached": list(m["attached"])}
                        for m in row["members"]],
        }
        if row["stage"] is not None:
            record["stage"] = row["stage"]
        communities.append(record)
    return {"jurisdiction": "陕西省安康市紫阳县", "communities": communities}
