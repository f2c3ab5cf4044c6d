"""文号 (document numbers): issuer code + 〔year〕 + sequence + 号."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict

from xuequ_rules.errors import SourceError

_DOC_NUMBER = re.compile(
    r"^\s*(?P<code>[\u4e00-\u9fff]+?)\s*[〔\[［(（【]?\s*(?P<year>(19|20)\d{2})\s*[〕\]］)）】]?"
    r"\s*(?P<seq>\d{1,4})\s*号\s*$"
)


class DocNumber(BaseModel):
    """A parsed 文号, e.g. 江政规〔2018〕1号 → issuer code 江政规, year 2018, sequence 1."""

    model_config = ConfigDict(frozen=True)

    issuer_code: str
    year: int
    sequence: int
    as_captured: str

    @property
    def normalized(self) -> str:
        return f"{self.issuer_code}〔{self.year}〕{self.sequence}号"

    def __str__(self) -> str:
        return self.normalized


def parse_doc_number(text: str) -> DocNumber:
    """Parse a 文号, tolerant of captures that lost a bracket or gained spaces.

    ``桂政办发〔2016168号`` parses as 桂政办发〔2016〕168号: the year is always four digits.
    """
    match = _DOC_NUMBER.match(text)
    if match is None:
        raise SourceError(
            f"无法识别的文号：{text!r}（应为“机关代字〔年份〕序号号”）",
            f"unrecognised document number {text!r} (expected issuer code〔year〕sequence号)",
            field="doc_number",
        )
    return DocNumber(
        issuer_code=match["code"],
        year=int(match["year"]),
        sequence=int(match["seq"]),
        as_captured=text,
    )
