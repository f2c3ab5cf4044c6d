"""Source texts: the cleaned text, where it came from (provenance), and its errata.

The cleaned text keeps every character as captured. Corrections live beside it as errata
(location, captured text, corrected reading, reason); the corrected reading is derived,
never written over the captured one.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from xuequ_rules.document.parser import HeadingInsert
from xuequ_rules.errors import SourceError

M = TypeVar("M", bound=BaseModel)


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class RemovalKind(StrEnum):
    PAGE_CHROME = "page_chrome"
    DUPLICATE = "duplicate"
    OTHER_DOCUMENT = "other_document"
    TRUNCATED_FRAGMENT = "truncated_fragment"
    WEBSITE_TEXT = "website_text"


class KeptRange(_Frozen):
    lines: tuple[int, int]
    what_zh: str
    what_en: str


class RemovedRange(_Frozen):
    lines: tuple[int, int]
    kind: RemovalKind
    reason_zh: str
    reason_en: str
    duplicate_of: tuple[int, int] | None = None


class Provenance(_Frozen):
    """Which capture a cleaned text came from, and what was kept and removed, and why."""

    capture: str
    capture_sha256: str
    collection: str = "seeds"   # the folder under ../shared/ that holds the capture
    description_zh: str
    description_en: str
    kept: tuple[KeptRange, ...] = Field(min_length=1)
    removed: tuple[RemovedRange, ...] = ()


class ErratumKind(StrEnum):
    LOST_CHARACTERS = "lost_characters"
    STRAY_SPACE = "stray_space"
    LOST_BRACKET = "lost_bracket"
    LOST_HEADING = "lost_heading"
    GARBLED = "garbled"
    OTHER = "other"


class Erratum(_Frozen):
    """A capture defect that changes meaning: where, what was captured, what it should read."""

    id: str
    line: int = Field(ge=1)
    captured: str
    corrected: str
    kind: ErratumKind
    reason_zh: str
    reason_en: str
    occurrence: int = Field(default=1, ge=1)


@dataclass(frozen=True, slots=True)
class LocatedErratum:
    """An erratum with its character span in the cleaned text."""

    erratum: Erratum
    start: int
    end: int


# libyaml's parser when installed (the same safe constructor, several times faster)
_SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read_yaml(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
    except FileNotFoundError as exc:
        raise SourceError(f"缺少文件：{path}", f"missing file: {path}", field=str(path)) from exc
    except yaml.YAMLError as exc:
        raise SourceError(f"YAML 格式错误：{path}：{exc}", f"malformed YAML in {path}: {exc}",
                          field=str(path)) from exc


def validation_message(exc: ValidationError) -> tuple[str, str, str]:
    """The first problem of a pydantic error as (field, zh, en)."""
    first = exc.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "(root)"
    if first["type"].startswith(("date_", "datetime_")):
        return (where, f"字段 {where} 应为日期，写作 YYYY-MM-DD（如 2017-12-29），读到 "
                f"{first.get('input')!r}", f"field {where} must be a date, write YYYY-MM-DD "
                f"(e.g. 2017-12-29); got {first.get('input')!r}")
    return where, f"字段 {where} 无效：{first['msg']}", f"invalid field {where}: {first['msg']}"


def load_model(model: type[M], path: Path) -> M:
    """Read a YAML file safely into a pydantic model; errors name the file and the field."""
    data = _read_yaml(path)
    try:
        return model.model_validate(data if data is not None else {})
    except ValidationError as exc:
        where, zh, en = validation_message(exc)
        raise SourceError(f"{path.name}：{zh}", f"{path.name}: {en}",
                          field=f"{path.name}:{where}") from exc


def load_errata(path: Path) -> tuple[Erratum, ...]:
    data = _read_yaml(path) or []
    if not isinstance(data, list):
        raise SourceError(f"{path.name} 应为勘误列表", f"{path.name} must be a list of errata",
                          field=path.name)
    errata: list[Erratum] = []
    for index, item in enumerate(data):
        try:
            errata.append(Erratum.model_validate(item))
        except ValidationError as exc:
            where, zh, en = validation_message(exc)
            raise SourceError(f"{path.name} 第 {index + 1} 条：{zh}",
                              f"{path.name} entry {index + 1}: {en}",
                              field=f"{path.name}[{index}].{where}") from exc
    ids = [e.id for e in errata]
    if len(set(ids)) != len(ids):
        raise SourceError(f"{path.name} 中勘误编号重复", f"duplicate erratum ids in {path.name}",
                          field=path.name)
    return tuple(errata)


def _line_offsets(text: str) -> list[int]:
    offsets = [0]
    for line in text.splitlines(keepends=True):
        offsets.append(offsets[-1] + len(line))
    return offsets


def locate_errata(text: str, errata: tuple[Erratum, ...]) -> tuple[LocatedErratum, ...]:
    """Find each erratum's span in ``text``; an erratum that does not match is an error."""
    offsets = _line_offsets(text)
    lines = text.splitlines(keepends=True)
    located: list[LocatedErratum] = []
    for erratum in errata:
        if erratum.line > len(lines):
            raise SourceError(
                f"勘误 {erratum.id} 指向第 {erratum.line} 行，但文本只有 {len(lines)} 行",
                f"erratum {erratum.id} points at line {erratum.line}; the text has {len(lines)}",
                field=f"errata.{erratum.id}.line")
        line_start = offsets[erratum.line - 1]
        line = lines[erratum.line - 1]
        if erratum.kind is ErratumKind.LOST_HEADING:
            located.append(LocatedErratum(erratum, line_start, line_start))
            continue
        position = -1
        for _ in range(erratum.occurrence):
            position = line.find(erratum.captured, position + 1)
            if position < 0:
                break
        if position < 0 or not erratum.captured:
            raise SourceError(
                f"勘误 {erratum.id}：第 {erratum.line} 行中找不到“{erratum.captured}”",
                f"erratum {erratum.id}: {erratum.captured!r} not found on line {erratum.line}",
                field=f"errata.{erratum.id}.captured")
        start = line_start + position
        located.append(LocatedErratum(erratum, start, start + len(erratum.captured)))
    located.sort(key=lambda item: item.start)
    for before, after in pairwise(located):
        if after.start < before.end:
            raise SourceError(
                f"勘误 {before.erratum.id} 与 {after.erratum.id} 重叠",
                f"errata {before.erratum.id} and {after.erratum.id} overlap",
                field=f"errata.{after.erratum.id}")
    return tuple(located)


def apply_errata(text: str, located: tuple[LocatedErratum, ...], start: int = 0,
                 end: int | None = None) -> str:
    """The corrected reading of ``text[start:end]`` (lost headings are not inserted inline)."""
    stop = len(text) if end is None else end
    out: list[str] = []
    cursor = start
    for item in located:
        if item.erratum.kind is ErratumKind.LOST_HEADING:
            continue
        if item.start < start or item.end > stop:
            continue
        out.append(text[cursor:item.start])
        out.append(item.erratum.corrected)
        cursor = item.end
    out.append(text[cursor:stop])
    return "".join(out)


@dataclass(frozen=True, slots=True)
class SourceText:
    """A cleaned source text with its provenance and located errata."""

    version: str
    text: str
    provenance: Provenance
    errata: tuple[LocatedErratum, ...]

    @property
    def corrected(self) -> str:
        return apply_errata(self.text, self.errata)

    @property
    def heading_inserts(self) -> tuple[HeadingInsert, ...]:
        return tuple(HeadingInsert(item.start, item.erratum.corrected) for item in self.errata
                     if item.erratum.kind is ErratumKind.LOST_HEADING)


def capture_lines(capture: str, ranges: tuple[tuple[int, int], ...]) -> str:
    """The text made of the given 1-based inclusive line ranges of a capture."""
    lines = capture.splitlines()
    out: list[str] = []
    for first, last in ranges:
        out.extend(line + "\n" for line in lines[first - 1:last])
    return "".join(out)


_SAYS_DIFFERS = re.compile(r"differ|not (byte-)?identical", re.IGNORECASE)


def verify_against_capture(source: SourceText, capture_text: str) -> list[str]:
    """Problems found comparing a cleaned text with the capture it claims to come from."""
    problems: list[str] = []
    digest = hashlib.sha256(capture_text.encode("utf-8")).hexdigest()
    if digest != source.provenance.capture_sha256:
        problems.append(f"capture sha256 differs: {digest}")
    kept = tuple(k.lines for k in source.provenance.kept)
    if capture_lines(capture_text, kept) != source.text:
        problems.append("kept line ranges do not reproduce the cleaned text")
    total = len(capture_text.splitlines())
    covered: list[int] = []
    for first, last in kept + tuple(r.lines for r in source.provenance.removed):
        covered.extend(range(first, last + 1))
    if sorted(covered) != list(range(1, total + 1)):
        problems.append("kept and removed ranges do not cover every capture line exactly once")
    for removed in source.provenance.removed:
        if removed.kind is not RemovalKind.DUPLICATE or removed.duplicate_of is None:
            continue
        same = capture_lines(capture_text, (removed.lines,)) == capture_lines(
            capture_text, (removed.duplicate_of,))
        if not same and not _SAYS_DIFFERS.search(removed.reason_en):
            problems.append(f"removed duplicate {removed.lines} differs from "
                                f"{removed.duplicate_of} and the reason does not say so")
    return problems


def load_source(directory: Path, version: str) -> SourceText:
    """Load ``text.txt``, ``provenance.yaml`` and ``errata.yaml`` from a version folder."""
    text_path = directory / "text.txt"
    try:
        raw = text_path.read_bytes()
    except FileNotFoundError as exc:
        raise SourceError(f"缺少源文本：{text_path}", f"missing source text: {text_path}",
                          field=str(text_path)) from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(f"源文本不是 UTF-8：{text_path}（第 {exc.start} 字节）",
                          f"source text is not UTF-8: {text_path} (byte {exc.start})",
                          field=str(text_path)) from exc
    if not text.strip():
        raise SourceError(f"源文本为空：{text_path}", f"source text is empty: {text_path}",
                          field=str(text_path))
    provenance = load_model(Provenance, directory / "provenance.yaml")
    errata_path = directory / "errata.yaml"
    errata = load_errata(errata_path) if errata_path.exists() else ()
    return SourceText(version, text, provenance, locate_errata(text, errata))
