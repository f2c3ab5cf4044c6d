"""What every generated page shares: entries, pages, anchors, links, escaping, the stamp."""

from __future__ import annotations

import datetime as dt
import html
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata as importlib_metadata

from xuequ_rules.diff.report import md
from xuequ_rules.document.document import Document
from xuequ_rules.policy.citation import Cite
from xuequ_rules.policy.policy import Policy
from xuequ_rules.policy.rule import AnyRule, Decision
from xuequ_rules.text import Text

_ANCHOR_DROP = re.compile(r"[()（）\s]")


def h(text: object) -> str:
    """HTML-escaped text (for the raw-HTML parts of pages)."""
    return html.escape(str(text), quote=True)


def clause_anchor(clause_id: str) -> str:
    """A stable anchor for a clause id: ``三/(四)/3`` → ``c-三_四_3``."""
    return "c-" + _ANCHOR_DROP.sub("", clause_id).replace("/", "_")


def slug(ref: str) -> str:
    return re.sub(r"[^0-9A-Za-z_.-]+", "-", ref).strip("-") or "x"


@dataclass(frozen=True)
class Entry:
    """One policy version as the site sees it: loaded, or its document only (and why)."""

    name: str
    version: str
    current: bool
    document: Document
    policy: Policy | None
    problem: str | None = None

    @property
    def ref(self) -> str:
        return f"{self.name}@{self.version}"

    @property
    def folder(self) -> str:
        return f"policies/{slug(self.name)}/{slug(self.version)}"


@dataclass
class Page:
    path: str                      # relative to the docs dir
    title: str
    text: str
    nav: bool = True


def library_version() -> str:
    try:
        return importlib_metadata.version("xuequ-rules")
    except importlib_metadata.PackageNotFoundError:  # pragma: no cover - not installed
        return "unknown"


def build_date() -> dt.date:
    """Today, or the date of ``SOURCE_DATE_EPOCH`` for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()


def stamp(entry: Entry | None = None) -> str:
    """The line at the foot of a generated page: library version, policy version, build date."""
    policy = f" · 政策版本 policy version {md(entry.ref)}" if entry is not None else ""
    return (f"\n\n---\n\n<small class=\"xq-stamp\">规则库版本 library version xuequ-rules "
            f"{h(library_version())}{policy} · 构建日期 built {build_date().isoformat()}</small>\n")


def text_cell(text: Text) -> str:
    return f"{md(text.zh)}<br><small>{md(text.en)}</small>"


def clause_link(cite: Cite | str, text_page: str = "text.md") -> str:
    clause = cite.clause if isinstance(cite, Cite) else cite
    return f"[{md(clause)}]({text_page}#{clause_anchor(clause)})"


def clause_links(cites: Iterable[Cite], text_page: str = "text.md") -> str:
    seen = dict.fromkeys(c.clause for c in cites)
    return "、".join(clause_link(c, text_page) for c in seen) or "—"


def cites_of(rule: AnyRule) -> tuple[Cite, ...]:
    return rule.all_cites() if isinstance(rule, Decision) else rule.cites


def badge(text: str, kind: str) -> str:
    return f'<span class="xq-badge xq-{kind}">{h(text)}</span>'


def quote(cite: Cite) -> str:
    return f'<blockquote class="xq-quote">{h(cite.quote)}</blockquote>'


def rule_page_path(entry: Entry, rule_id: str) -> str:
    return f"{entry.folder}/rules/{slug(rule_id)}.md"


def parameter_page_path(entry: Entry, parameter_id: str) -> str:
    return f"{entry.folder}/parameters/{slug(parameter_id)}.md"


def concept_page_path(concept: str) -> str:
    return f"concepts/{slug(concept)}.md"
