"""Citations: a clause id plus the exact quote, verified against the text at load time."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Cite:
    """``Cite("三/(四)/3", "不低于符合交流条件教师总数的10%")``.

    The quote must appear verbatim in the clause (its own text or a descendant's), either
    as captured or in the corrected reading given by the errata.
    """

    clause: str
    quote: str

    def as_dict(self) -> dict[str, str]:
        return {"clause": self.clause, "quote": self.quote}
