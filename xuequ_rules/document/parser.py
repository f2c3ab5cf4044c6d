"""Parse Chinese official-document numbering into a clause tree.

Numbering levels: 第一章 → 一、 → 第一条 → (一)/（一）/㈠ → 1. / 1、 → (1) / 1) → ①, plus 附件.
The parser never changes text: every clause's ``text`` is a slice of the source, and the
clause texts in document order reproduce the source exactly. It tolerates what captures
contain: levels that skip, numbered items running inline inside one paragraph (after
sentence punctuation, or — when they continue the numbering strictly — after a space,
as in captures that run a whole document into a few lines), headings
lost in capture (supplied as :class:`HeadingInsert` from the errata), restarts and gaps
(reported as notes, never silently renumbered).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from xuequ_rules.document.clause import PREAMBLE_ID, RANK, Clause, Level
from xuequ_rules.document.numerals import CIRCLED, chinese_to_int, circled_to_int, int_to_chinese

_CN = "一二三四五六七八九十百"
PARENTHESIZED = "㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩"   # U+3220–U+3229: ㈠ is the (一) level


def parenthesized_to_int(ch: str) -> int:
    """``㈠`` → 1 … ``㈩`` → 10."""
    index = PARENTHESIZED.find(ch)
    if index < 0 or len(ch) != 1:
        raise ValueError(f"not a parenthesized ideograph numeral: {ch!r}")
    return index + 1

_LINE_MARKERS: tuple[tuple[Level, re.Pattern[str]], ...] = (
    (Level.ANNEX, re.compile(r"附\s*件\s*(?P<n>\d*)(?=\s*[:：\s]|$)")),
    (Level.CHAPTER, re.compile(rf"第(?P<n>[{_CN}]+)章")),
    (Level.ARTICLE, re.compile(rf"第(?P<n>[{_CN}]+)条")),
    (Level.PART, re.compile(rf"(?P<n>[{_CN}]+)\s*[、，,．.]")),
    (Level.SECTION, re.compile(rf"[（(]\s*(?P<n>[{_CN}]+)\s*[）)]|(?P<p>[{PARENTHESIZED}])")),
    (Level.SUBITEM, re.compile(r"[（(]\s*(?P<n>\d{1,2})\s*[）)]|(?P<m>\d{1,2})\s*[）)]")),
    (Level.ITEM, re.compile(r"(?P<n>\d{1,2})\s*[.．、](?![\d.．])")),
    (Level.POINT, re.compile(rf"(?P<n>[{CIRCLED}])")),
)
# Inline items are recognised only after sentence punctuation, at item levels.
_INLINE = re.compile(
    rf"(?<=[。；;：:])\s*(?:(?P<sec>[（(][{_CN}]+[）)])|(?P<sub>[（(]\d{{1,2}}[）)]|\d{{1,2}}[）)])"
    rf"|(?P<item>\d{{1,2}}[.．、](?![\d.．]))|(?P<pt>[{CIRCLED}]))"
)
# Further inline items, each accepted only if it continues the numbering strictly (see
# _inline_markers): the single-character ㈠…㈩ after punctuation or a space, and any item
# (including the 一、 level, and 第X章 / 第X条) after a space. 一、 must not be followed by another numeral
# (一、二、三年级 is a list, not a heading).
_INLINE_SPACED = re.compile(
    rf"(?:(?<=[。；;：:])|(?<=\s))\s*(?P<psec>[{PARENTHESIZED}])"
    rf"|(?<=\s)(?:(?P<chap>第[{_CN}]+章)|(?P<art>第[{_CN}]+条)"
    rf"|(?P<part>[{_CN}]+、)(?![{_CN}\d\s])|(?P<sec>[（(][{_CN}]+[）)])"
    rf"|(?P<sub>[（(]\d{{1,2}}[）)]|\d{{1,2}}[）)])|(?P<item>\d{{1,2}}[.．、](?![\d.．]))"
    rf"|(?P<pt>[{CIRCLED}]))"
)
_KIND_LEVEL = {"chap": Level.CHAPTER, "art": Level.ARTICLE, "part": Level.PART,
               "sec": Level.SECTION, "psec": Level.SECTION, "sub": Level.SUBITEM,
               "item": Level.ITEM, "pt": Level.POINT}
# Level pairs that legitimately sit directly one under the other (not a skip worth noting).
_USUAL_SKIPS = {(Level.PART, Level.SECTION), (Level.CHAPTER, Level.ARTICLE)}
_HEADING_STOP = re.compile(r"[。：:；;]")
_MAX_HEADING = 40


@dataclass(frozen=True, slots=True)
class HeadingInsert:
    """A heading lost in capture: a clause starts at ``offset`` with this numbering text."""

    offset: int
    numbering_text: str   # e.g. "一、总体要求" or "一、［标题缺失］"


@dataclass(slots=True)
class _Marker:
    level: Level
    number: int
    label: str
    start: int           # where the clause's own text starts
    body_start: int      # where the text after the number starts
    inline: bool = False
    reconstructed: str | None = None


@dataclass(slots=True)
class _Node:
    marker: _Marker
    children: list[_Node] = field(default_factory=list)
    id: str = ""
    notes: list[str] = field(default_factory=list)


def _label(level: Level, number: int, raw: str) -> str:
    if level is Level.ANNEX:
        return f"附件{number}" if number else "附件"
    if level is Level.CHAPTER:
        return f"第{raw}章"
    if level is Level.ARTICLE:
        return f"第{raw}条"
    if level is Level.PART:
        return raw
    if level is Level.SECTION:
        return f"({raw})"
    if level is Level.SUBITEM:
        return f"({number})"
    if level is Level.POINT:
        return raw
    return str(number)


def _number(level: Level, raw: str) -> int:
    if level is Level.POINT:
        return circled_to_int(raw)
    if level in (Level.CHAPTER, Level.ARTICLE, Level.PART, Level.SECTION):
        return chinese_to_int(raw)
    return int(raw) if raw else 0


def _line_marker(line: str, line_start: int) -> _Marker | None:
    stripped = line.lstrip(" \t\u3000")
    indent = len(line) - len(stripped)
    for level, pattern in _LINE_MARKERS:
        match = pattern.match(stripped)
        if match is None:
            continue
        groups = match.groupdict()
        if groups.get("p"):
            raw = int_to_chinese(parenthesized_to_int(groups["p"]))
        else:
            raw = groups["n"] if groups["n"] is not None else (groups.get("m") or "")
        try:
            number = _number(level, raw)
        except ValueError:
            continue
        if level is Level.ANNEX and len(stripped.strip()) > _MAX_HEADING:
            continue
        if level is not Level.ANNEX and number == 0:
            continue
        return _Marker(level, number, _label(level, number, raw), line_start,
                       line_start + indent + match.end())
    return None


def _inline_markers(line: str, line_start: int, opening: _Marker | None,
                    seen: dict[Level, int] | None = None) -> list[_Marker]:
    """Numbered items running inline, in strict sequence.

    After sentence punctuation an item must continue this line's numbering (the first of
    a level on the line is 1). Otherwise an item written after a space (or a ㈠…㈩) must
    continue the numbering strictly: the next number on this line, or else the number
    after the last one seen at that level in the document so far (``seen``, with deeper
    levels reset whenever a higher level is numbered); an item of a higher level than the
    line's opening marker is accepted only as the next sibling of a number already seen.
    """
    seen = {} if seen is None else seen
    found: list[_Marker] = []
    expected: dict[Level, int] = {}
    if opening is not None:
        expected[opening.level] = opening.number + 1
    search_from = (opening.body_start - line_start) if opening else 0
    candidates: dict[int, tuple[bool, str, re.Match[str]]] = {}
    for match in _INLINE.finditer(line, search_from):
        kind = match.lastgroup or "item"
        candidates[match.start(kind)] = (False, kind, match)
    for match in _INLINE_SPACED.finditer(line, search_from):
        kind = match.lastgroup or "item"
        candidates.setdefault(match.start(kind), (True, kind, match))
    for position in sorted(candidates):
        spaced, kind, match = candidates[position]
        token = match[kind]
        level = _KIND_LEVEL[kind]
        try:
            if kind == "psec":
                number = parenthesized_to_int(token)
                raw = int_to_chinese(number)
            else:
                raw = re.sub(r"[^\d" + _CN + CIRCLED + "]", "", token)
                number = _number(level, raw)
        except ValueError:
            continue
        higher = opening is not None and RANK[level] < RANK[opening.level]
        after_punctuation = not spaced and number == expected.get(level, 1) and not higher
        after_space = kind == "psec" or line[position - 1:position].isspace()
        if level in expected:
            continues = number == expected[level]
        else:
            continues = number == seen.get(level, 0) + 1 and not (higher and number == 1)
        if not (after_punctuation or (after_space and continues)):
            continue
        start = line_start + position
        found.append(_Marker(level, number, _label(level, number, raw), start,
                             line_start + match.end(), inline=True))
        expected[level] = number + 1
        for deeper in [lv for lv in expected if RANK[lv] > RANK[level]]:
            del expected[deeper]
        _record(seen, level, number)
    return found


def _record(seen: dict[Level, int], level: Level, number: int) -> None:
    """Remember the last number of ``level``; deeper levels start again."""
    seen[level] = number
    for deeper in [lv for lv in seen if RANK[lv] > RANK[level]]:
        del seen[deeper]


def _heading(source: str, marker: _Marker, end: int) -> str | None:
    if marker.reconstructed is not None:
        return None
    body = source[marker.body_start:end]
    first_line = body.split("\n", 1)[0].strip()
    if not first_line:
        return None
    stop = _HEADING_STOP.search(first_line)
    if stop is not None and 0 < stop.start() <= _MAX_HEADING:
        return first_line[: stop.start()].strip() or None
    if len(first_line) <= _MAX_HEADING and stop is None:
        return first_line
    return None


def _collect_markers(source: str, inserts: tuple[HeadingInsert, ...]) -> list[_Marker]:
    markers: list[_Marker] = []
    insert_at = {insert.offset: insert for insert in inserts}
    seen: dict[Level, int] = {}
    offset = 0
    for line in source.splitlines(keepends=True):
        insert = insert_at.pop(offset, None)
        if insert is not None:
            synthetic = _line_marker(insert.numbering_text, offset)
            if synthetic is not None:
                synthetic.body_start = offset
                heading = insert.numbering_text[len(synthetic.label):].lstrip("、.．，, ")
                synthetic.reconstructed = heading or insert.numbering_text
                markers.append(synthetic)
        opening = _line_marker(line, offset)
        if opening is not None:
            markers.append(opening)
            _record(seen, opening.level, opening.number)
        markers.extend(_inline_markers(line, offset, opening, seen))
        offset += len(line)
    return markers


@dataclass(slots=True)
class _Siblings:
    """Bookkeeping for one parent's children, so building the tree stays linear."""

    nodes: list[_Node] = field(default_factory=list)
    last_number: dict[Level, int] = field(default_factory=dict)
    ids: set[str] = field(default_factory=set)
    next_suffix: dict[str, int] = field(default_factory=dict)

    def unique_id(self, base: str) -> str:
        if base not in self.ids:
            return base
        suffix = self.next_suffix.get(base, 2)
        while f"{base}~{suffix}" in self.ids:
            suffix += 1
        self.next_suffix[base] = suffix + 1
        return f"{base}~{suffix}"


def _build_tree(markers: list[_Marker]) -> tuple[list[_Node], list[str]]:
    top = _Siblings()
    kids: dict[int, _Siblings] = {}
    stack: list[_Node] = []
    notes: list[str] = []
    last_seen: dict[Level, int] = {}
    for marker in markers:
        while stack and RANK[stack[-1].marker.level] >= RANK[marker.level]:
            stack.pop()
        siblings = kids.setdefault(id(stack[-1]), _Siblings()) if stack else top
        node = _Node(marker)
        has_same_level = marker.level in siblings.last_number
        previous = siblings.last_number.get(marker.level, 0)
        # Some documents number items straight through across sections (1.–20.).
        continues = not has_same_level and marker.number == last_seen.get(marker.level, 0) + 1
        last_seen[marker.level] = marker.number
        siblings.last_number[marker.level] = marker.number
        if (marker.level is not Level.ANNEX and marker.number != previous + 1
                and not continues):
            node.notes.append(
                f"编号不连续：{marker.label} 前一个同级编号为 {previous} / numbering jumps: "
                f"{marker.label} follows {previous}"
            )
        if stack and RANK[marker.level] - RANK[stack[-1].marker.level] > 1:
            parent_level = stack[-1].marker.level
            if (parent_level, marker.level) not in _USUAL_SKIPS:
                node.notes.append(
                    f"层级跳跃：{marker.level} 直接位于 {parent_level} 之下 / level skips: "
                    f"{marker.level} directly under {parent_level}"
                )
        parent_id = stack[-1].id if stack else ""
        base = f"{parent_id}/{marker.label}" if parent_id else marker.label
        node.id = siblings.unique_id(base)
        if node.id != base:
            node.notes.append(f"重复编号，标识改为 {node.id} / duplicate numbering, id is {node.id}")
        siblings.ids.add(node.id)
        siblings.nodes.append(node)
        if stack:
            stack[-1].children.append(node)
        stack.append(node)
        notes.extend(f"{node.id}: {note}" for note in node.notes)
    return top.nodes, notes


def _freeze(source: str, node: _Node, ends: dict[int, int], subtree_end: int) -> Clause:
    marker = node.marker
    own_end = ends[marker.start]
    children: list[Clause] = []
    for index, child in enumerate(node.children):
        nxt = node.children[index + 1].marker.start if index + 1 < len(node.children) \
            else subtree_end
        children.append(_freeze(source, child, ends, nxt))
    return Clause(
        id=node.id,
        level=marker.level,
        number=marker.number,
        label=marker.label,
        heading=_heading(source, marker, own_end),
        text=source[marker.start:own_end],
        start=marker.start,
        end=own_end,
        body_start=marker.body_start,
        subtree_end=subtree_end,
        children=tuple(children),
        reconstructed_heading=marker.reconstructed,
        inline=marker.inline,
        notes=tuple(node.notes),
    )


@dataclass(frozen=True, slots=True)
class ParseResult:
    """The clause tree of a source text, and the numbering irregularities seen."""

    clauses: tuple[Clause, ...]   # the preamble (if any) first, then the top-level clauses
    notes: tuple[str, ...]


#: Upper bound on the length of a source text, in characters (about 65× the longest document
#: in the library). It bounds the memory and time the parser can be made to spend; a longer
#: text is refused with a bilingual :class:`~xuequ_rules.errors.SourceError`.
MAX_SOURCE_CHARS = 1_000_000


def parse_clauses(source: str, inserts: tuple[HeadingInsert, ...] = ()) -> ParseResult:
    """Parse ``source`` into a clause tree; never drops a character.

    Never raises on any text of at most :data:`MAX_SOURCE_CHARS` characters; a longer text
    raises :class:`~xuequ_rules.errors.SourceError` (nothing is parsed).
    """
    if len(source) > MAX_SOURCE_CHARS:
        from xuequ_rules.errors import SourceError

        raise SourceError(
            f"来源文本过长（{len(source)} 个字符，上限 {MAX_SOURCE_CHARS}）",
            f"source text too long ({len(source)} characters, limit {MAX_SOURCE_CHARS})",
            field="text")
    return _parse_clauses(source, inserts)


def _parse_clauses(source: str, inserts: tuple[HeadingInsert, ...]) -> ParseResult:
    markers = _collect_markers(source, inserts)
    # Two markers can never start at the same offset; keep the first (a lost heading insert).
    unique: list[_Marker] = []
    for marker in markers:
        if unique and marker.start <= unique[-1].start:
            if marker.start == unique[-1].start and unique[-1].reconstructed is not None:
                unique[-1].body_start = marker.start
                continue
            continue
        unique.append(marker)
    starts = [m.start for m in unique] + [len(source)]
    ends = {starts[i]: starts[i + 1] for i in range(len(unique))}
    roots, notes = _build_tree(unique)
    clauses: list[Clause] = []
    first = unique[0].start if unique else len(source)
    if first > 0:
        clauses.append(Clause(
            id=PREAMBLE_ID, level=Level.PREAMBLE, number=0, label=PREAMBLE_ID, heading=None,
            text=source[:first], start=0, end=first, body_start=0, subtree_end=first,
        ))
    for index, root in enumerate(roots):
        nxt = roots[index + 1].marker.start if index + 1 < len(roots) else len(source)
        clauses.append(_freeze(source, root, ends, nxt))
    return ParseResult(tuple(clauses), tuple(notes))
