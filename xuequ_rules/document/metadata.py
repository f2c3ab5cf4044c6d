"""Document metadata: title, 文号, issuers, dates, status, basis documents, versions."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator

from xuequ_rules.document.docnumber import DocNumber, parse_doc_number


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class StatusState(StrEnum):
    """A document version's lifecycle: draft, in force, lapsed, superseded or repealed."""

    DRAFT = "draft"
    IN_FORCE = "in_force"
    LAPSED = "lapsed"            # its period or schedule has ended ("expired" reads as this)
    SUPERSEDED = "superseded"
    REPEALED = "repealed"
    UNKNOWN = "unknown"          # the text and its capture do not tell


ENDED_STATES = frozenset({StatusState.LAPSED, StatusState.SUPERSEDED, StatusState.REPEALED})

STATUS_LABELS: dict[StatusState, tuple[str, str]] = {
    StatusState.DRAFT: ("征求意见稿（未生效）", "draft (never in force)"),
    StatusState.IN_FORCE: ("现行有效", "in force"),
    StatusState.LAPSED: ("已失效", "lapsed"),
    StatusState.SUPERSEDED: ("已被替代", "superseded"),
    StatusState.REPEALED: ("已废止", "repealed"),
    StatusState.UNKNOWN: ("效力状态不明", "status unknown"),
}


class DocumentDates(_Frozen):
    written: dt.date | None = None     # 成文日期
    issued: dt.date | None = None      # 印发日期
    published: dt.date | None = None   # 公开/发布日期
    effective: dt.date | None = None   # 施行日期
    expires: dt.date | None = None     # 失效日期


class DocumentStatus(_Frozen):
    state: StatusState
    since: dt.date | None = None
    until: dt.date | None = None
    note_zh: str | None = None
    note_en: str | None = None

    @field_validator("state", mode="before")
    @classmethod
    def _read_expired(cls, value: object) -> object:
        """``expired`` is read as ``lapsed``."""
        return StatusState.LAPSED if value == "expired" else value


class BasisDocument(_Frozen):
    """A document the text names as its basis; known even when its text is not in the library."""

    number: DocNumber | None = None
    as_captured: str
    title: str | None = None
    issuer: str | None = None
    relation: str = "basis"   # basis | implements | cites
    text_in_library: bool = False

    @field_validator("number", mode="before")
    @classmethod
    def _parse_number(cls, value: object) -> object:
        if isinstance(value, str):
            return parse_doc_number(value)
        return value

    @property
    def label(self) -> str:
        return self.number.normalized if self.number else (self.title or self.as_captured)


class KnownVersion(_Frozen):
    """Another version of the document that is known but whose text is not in the library."""

    number: DocNumber | None = None
    title: str
    issued: dt.date | None = None
    relation: str
    text_in_library: bool = False

    @field_validator("number", mode="before")
    @classmethod
    def _parse_number(cls, value: object) -> object:
        return parse_doc_number(value) if isinstance(value, str) else value


class VersionEntry(_Frozen):
    """One expression of the document: its text as of a date, or one capture of it."""

    version: str
    expression_zh: str
    expression_en: str
    date: dt.date | None = None
    source: str
    current: bool = False


class DocumentMetadata(_Frozen):
    title: str
    title_en: str
    notice_title: str | None = None
    doc_number: DocNumber | None = None
    doc_number_as_captured: str | None = None
    index_number: str | None = None
    issuers: tuple[str, ...] = Field(min_length=1)
    issuer_kind: str
    jurisdiction: str
    level: str
    dates: DocumentDates = DocumentDates()
    status: DocumentStatus
    basis: tuple[BasisDocument, ...] = ()
    later_versions: tuple[KnownVersion, ...] = ()
    versions: tuple[VersionEntry, ...] = Field(min_length=1)
    # Where the official text is published, and when it was retrieved (only when known).
    source_url: str | None = Field(default=None, pattern=r"^https?://\S+$")
    retrieved: dt.date | None = None

    @field_validator("doc_number", mode="before")
    @classmethod
    def _parse_number(cls, value: object) -> object:
        return parse_doc_number(value) if isinstance(value, str) else value

    @property
    def current_version(self) -> VersionEntry:
        for entry in self.versions:
            if entry.current:
                return entry
        return self.versions[-1]
