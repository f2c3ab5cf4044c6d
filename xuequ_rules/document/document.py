"""A loaded document: metadata, one source expression and its clause tree."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from xuequ_rules.document.clause import Clause
from xuequ_rules.document.metadata import DocumentMetadata, VersionEntry
from xuequ_rules.document.parser import parse_clauses
from xuequ_rules.document.source import SourceText, apply_errata, load_model, load_source
from xuequ_rules.errors import SourceError, UnknownClauseError


@dataclass(frozen=True)
class Document:
    """One expression of a document (the text as of a date, or one capture), parsed."""

    name: str
    version: str
    metadata: DocumentMetadata
    source: SourceText
    clauses: tuple[Clause, ...]
    parse_notes: tuple[str, ...]
    _index: dict[str, Clause] = field(repr=False, compare=False, default_factory=dict)

    def __post_init__(self) -> None:
        for clause in self.walk():
            self._index[clause.id] = clause

    def walk(self) -> Iterator[Clause]:
        """Every clause in document order (preamble first)."""
        for clause in self.clauses:
            yield from clause.walk()

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(self._index)

    def has_clause(self, clause_id: str) -> bool:
        return clause_id in self._index

    def clause(self, clause_id: str) -> Clause:
        """The clause with this id; an unknown id is a bilingual error with suggestions."""
        try:
            return self._index[clause_id]
        except KeyError:
            close = difflib.get_close_matches(clause_id, list(self._index), n=3, cutoff=0.5)
            hint_zh = f"；相近的条款：{'、'.join(close)}" if close else ""
            hint_en = f"; close matches: {', '.join(close)}" if close else ""
            raise UnknownClauseError(
                f"{self.name}@{self.version} 中没有条款“{clause_id}”{hint_zh}",
                f"{self.name}@{self.version} has no clause {clause_id!r}{hint_en}",
                field="clause",
            ) from None

    def global_id(self, clause_id: str) -> str:
        """Akoma-Ntoso-style global id: ``policy@version#clause``."""
        self.clause(clause_id)
        return f"{self.name}@{self.version}#{clause_id}"

    def corrected_text(self, clause: Clause) -> str:
        """The clause's own text with the errata applied (the captured text is ``clause.text``)."""
        return apply_errata(self.source.text, self.source.errata, clause.start, clause.end)

    def full_text(self, clause: Clause, corrected: bool = False) -> str:
        """The clause with all its descendants."""
        if corrected:
            return apply_errata(self.source.text, self.source.errata, clause.start,
                                clause.subtree_end)
        return self.source.text[clause.start:clause.subtree_end]

    def errata_in(self, clause: Clause) -> tuple[str, ...]:
        return tuple(item.erratum.id for item in self.source.errata
                     if clause.start <= item.start < clause.end)


def load_metadata(root: Path) -> DocumentMetadata:
    return load_model(DocumentMetadata, root / "document.yaml")


def load_document(name: str, root: Path, entry: VersionEntry,
                  metadata: DocumentMetadata) -> Document:
    """Load and parse one version of the document stored under ``root``."""
    source_dir = (root / entry.source).parent
    source = load_source(source_dir, entry.version)
    parsed = parse_clauses(source.text, source.heading_inserts)
    joined = "".join(clause.text for top in parsed.clauses for clause in top.walk())
    if joined != source.text:
        raise SourceError(f"{name}@{entry.version}：条款文本无法还原源文本",
                          f"{name}@{entry.version}: clause texts do not reproduce the source",
                          field=str(source_dir / "text.txt"))
    return Document(name, entry.version, metadata, source, parsed.clauses, parsed.notes)
