"""One entry of a consistency report: a library defect or a finding about the document."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from xuequ_rules.policy.citation import Cite
from xuequ_rules.text import Text


@dataclass(frozen=True, slots=True)
class Issue:
    id: str
    kind: str
    text: Text
    cites: tuple[Cite, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, **self.text.as_dict(),
                "citations": [c.as_dict() for c in self.cites]}
