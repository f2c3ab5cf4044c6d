"""Bilingual errors: every error a user can cause names what was wrong, in Chinese and English."""

from __future__ import annotations

import datetime as dt


class XuequError(Exception):
    """Base of every error the library raises on bad input or a bad policy.

    ``zh`` and ``en`` say the same thing; ``field`` names the offending field or location
    when there is one.
    """

    def __init__(self, zh: str, en: str, *, field: str | None = None) -> None:
        self.zh = zh
        self.en = en
        self.field = field
        super().__init__(self.message)

    @property
    def message(self) -> str:
        where = f"[{self.field}] " if self.field else ""
        return f"{where}{self.zh} / {self.en}"


class SourceError(XuequError):
    """A source text, its provenance or its errata is malformed."""


class UnknownClauseError(XuequError):
    """A clause id does not exist in the document."""


class UnknownPolicyError(XuequError):
    """No installed policy (or version) has that name."""


class CitationError(XuequError):
    """A citation does not resolve: unknown clause, or the quote is not in its text."""


class PolicyDefinitionError(XuequError):
    """A policy module is inconsistent (duplicate ids, unknown parameter, bad rule)."""


class FactsError(XuequError):
    """Facts given for evaluation are invalid; nothing is evaluated on them."""


class RuleConflictError(XuequError):
    """Two applicable rules decide the same question differently."""


def iso_date(value: str | None, field: str,
             error: type[XuequError] = XuequError) -> dt.date | None:
    """``YYYY-MM-DD`` read as a date (no timestamps, no datetimes); None stays None; any
    other text raises ``error`` naming ``field``."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise error(f"日期格式应为 YYYY-MM-DD：{value!r}",
                    f"date must be YYYY-MM-DD: {value!r}", field=field) from None
