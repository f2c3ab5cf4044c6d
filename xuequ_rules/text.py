"""Bilingual text: Chinese first, English alongside."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Text:
    """A user-facing text in Chinese (``zh``) with its English counterpart (``en``)."""

    zh: str
    en: str

    def __str__(self) -> str:
        return f"{self.zh} / {self.en}"

    def as_dict(self) -> dict[str, str]:
        return {"zh": self.zh, "en": self.en}


def zh_en(zh: str, en: str) -> Text:
    """Build a bilingual :class:`Text`."""
    return Text(zh, en)
