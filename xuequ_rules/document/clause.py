"""Clauses: the numbered parts of a document, each with a stable, readable id."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum


class Level(StrEnum):
    """Numbering levels of Chinese official documents, outermost first."""

    PREAMBLE = "preamble"   # text before the first numbered clause (notice, title, 根据… paragraph)
    ANNEX = "annex"         # 附件
    CHAPTER = "chapter"     # 第一章
    PART = "part"           # 一、
    ARTICLE = "article"     # 第一条
    SECTION = "section"     # (一) / （一）
    ITEM = "item"           # 1. / 1、 / 1．
    SUBITEM = "subitem"     # (1) / （1） / 1) / 1）
    POINT = "point"         # ①


RANK: dict[Level, int] = {
    Level.PREAMBLE: -1,
    Level.ANNEX: 0,
    Level.CHAPTER: 0,
    Level.PART: 1,
    Level.ARTICLE: 2,
    Level.SECTION: 3,
    Level.ITEM: 4,
    Level.SUBITEM: 5,
    Level.POINT: 6,
}

PREAMBLE_ID = "序"


@dataclass(frozen=True, slots=True)
class Clause:
    """One clause: its id (e.g. ``三/(四)/3``), numbering, heading and exact own text.

    ``text`` is the clause's own text, from its number up to the next clause (child or
    not); ``start``/``end`` are its offsets in the cleaned source, and ``subtree_end`` is
    where its last descendant ends, ``body_start`` is where the text after
    the number starts, so ``source[start:subtree_end]`` is the whole clause.
    """

    id: str
    level: Level
    number: int
    label: str
    heading: str | None
    text: str
    start: int
    end: int
    body_start: int
    subtree_end: int
    children: tuple[Clause, ...] = ()
    reconstructed_heading: str | None = None
    inline: bool = False
    notes: tuple[str, ...] = field(default=())

    def walk(self) -> Iterator[Clause]:
        """This clause and every descendant, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def parent_id(self) -> str | None:
        if "/" not in self.id:
            return None
        return self.id.rsplit("/", 1)[0]

    @property
    def display_heading(self) -> str:
        """The heading to show: the captured one, or the reconstructed one in ［］."""
        if self.heading:
            return self.heading
        if self.reconstructed_heading:
            heading = self.reconstructed_heading
            return heading if heading.startswith("［") else f"［{heading}］"
        return ""
