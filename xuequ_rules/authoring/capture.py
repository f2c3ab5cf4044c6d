"""The layout of a raw capture: what to keep, what to remove (and why), the notice and the plan.

A web capture carries the page's chrome (portal headers, breadcrumbs, the source and
publication-date bar, share and print buttons, "you may also like" boxes, disclosure
metadata tables, a republishing site's lead-in and copyright line) and often repeats whole
blocks. :func:`propose_layout` proposes every such line for removal with a reason, keeps the
rest verbatim, and splits what it keeps into the notice (印发通知) and the plan it issues.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from xuequ_rules.document.source import RemovalKind

_CHROME = re.compile(
    r"今日是|模式切换|当前位置|您的位置|首页\s*[>›]|猜你想看|相关阅读|相关链接|相关文章|分享到|"
    r"打印本页|关闭窗口|【打印】|【关闭】|扫一扫|上一篇|下一篇|发布日期[:：]|发布时间[:：]|"
    r"字体[:：]?\s*[\[【]|浏览次数|累计次数|阅读次数|访问次数|版权所有|网站地图|联系我们|ICP备|"
    r"^\s*来源[:：]|www\.|https?://|门户网站")
_WEBSITE = re.compile(r"本文来源于|转载|排版编辑|整理,供|整理，供|小编|如有侵权")
_DISCLOSURE_ROW = re.compile(
    r"^\s*(?:文件名称|索引号|公开目录|公开责任部门|文号|有效性|内容概述|发布机构|主题分类|"
    r"成文日期|发文机关|生成日期|主题词)\s*\|")
_NOTICE = re.compile(r"关于印发[《〈](?P<plan>[^》〉]{4,80})[》〉]")
_SPACE = re.compile(r"\s+")
_LEADING_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,10}[〔\[(（]?(?:19|20)\d{2}[〕\])）]?\d{1,4}号")


@dataclass(frozen=True, slots=True)
class Part:
    """Kept capture lines (1-based, inclusive) and what they are."""

    lines: tuple[int, int]
    what_zh: str
    what_en: str


@dataclass(frozen=True, slots=True)
class Removal:
    """Capture lines proposed for removal, with the kind and the reason."""

    lines: tuple[int, int]
    kind: RemovalKind
    reason_zh: str
    reason_en: str
    duplicate_of: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Layout:
    kept: tuple[Part, ...]
    removed: tuple[Removal, ...]
    notice: tuple[int, int] | None   # the 印发通知 lines, when the capture has one
    plan_title: str | None           # the plan's title as the notice names it

    def kept_lines(self) -> tuple[tuple[int, int], ...]:
        return tuple(part.lines for part in self.kept)


def _squeeze(text: str) -> str:
    return _SPACE.sub("", text)


def _duplicates(lines: list[str], first: int, last: int) -> dict[int, tuple[int, int, int]]:
    """Runs of ≥ 5 lines (≥ 3 not blank) repeating an earlier run: start → (length, j, j_end)."""
    found: dict[int, tuple[int, int, int]] = {}
    i = first
    while i <= last:
        best = (0, 0)
        if lines[i - 1].strip():
            for j in range(first, i):
                if _squeeze(lines[j - 1]) != _squeeze(lines[i - 1]):
                    continue
                k = 0
                while (i + k <= last and j + k < i
                       and _squeeze(lines[j + k - 1]) == _squeeze(lines[i + k - 1])):
                    k += 1
                if k > best[0]:
                    best = (k, j)
        length, j = best
        if length >= 5 and sum(1 for n in range(i, i + length) if lines[n - 1].strip()) >= 3:
            found[i] = (length, j, j + length - 1)
            i += length
        else:
            i += 1
    return found


def _line_kind(line: str) -> tuple[RemovalKind, str, str] | None:
    if _DISCLOSURE_ROW.search(line):
        return (RemovalKind.PAGE_CHROME, "门户网站政府信息公开元数据表的一行（其中的文号、日期等已取入 "
                "document.yaml），不属于文件正文", "a row of the portal's information-disclosure "
                "metadata table (its number and dates go to document.yaml), not part of the text")
    if _WEBSITE.search(line):
        return (RemovalKind.WEBSITE_TEXT, "转载网站的导语或来源、版权声明，不属于文件",
                "the republishing website's lead-in or source/copyright statement, not part of "
                "the document")
    if _CHROME.search(line):
        return (RemovalKind.PAGE_CHROME, "网页的抬头、导航、来源/发布日期栏或按钮，不属于文件",
                "page chrome (header, navigation, source/date bar or buttons), not part of the "
                "document")
    return None


def _header_title_bars(lines: list[str], first: int, last: int,
                       marks: dict[int, Removal]) -> None:
    """Lines above the page's source/date bar that repeat text found below are the page's
    title bar (e.g. 文号 + notice title on one line)."""
    bars = [n for n in range(first, min(last, first + 12) + 1)
            if n in marks and marks[n].kind is RemovalKind.PAGE_CHROME]
    if not bars:
        return
    below = _squeeze("".join(lines[max(bars) : last]))
    for n in range(first, max(bars)):
        content = _LEADING_NUMBER.sub("", _squeeze(lines[n - 1]))
        if n not in marks and content and content in below:
            marks[n] = Removal((n, n), RemovalKind.PAGE_CHROME,
                               "网页标题栏，重复了下文的文号和标题，不属于文件正文",
                               "the page's title bar repeating the number and title given "
                               "below, not part of the document text")


def _absorb_blanks(lines: list[str], first: int, last: int, marks: dict[int, Removal]) -> None:
    """Blank lines next to a removed line go with it."""
    changed = True
    while changed:
        changed = False
        for n in range(first, last + 1):
            if n in marks or lines[n - 1].strip():
                continue
            for other in (n - 1, n + 1):
                if other in marks:
                    near = marks[other]
                    kind = (RemovalKind.PAGE_CHROME if near.kind is RemovalKind.DUPLICATE
                            else near.kind)
                    reason = (near.reason_zh, near.reason_en) if kind is near.kind else (
                        "重复块旁的空行", "a blank line beside a repeated block")
                    marks[n] = Removal((n, n), kind, *reason)
                    changed = True
                    break


def _merge(marks: dict[int, Removal]) -> list[Removal]:
    merged: list[Removal] = []
    for n in sorted(marks):
        item = marks[n]
        if merged and merged[-1].lines[1] == n - 1 and merged[-1].kind is item.kind and (
                merged[-1].reason_zh == item.reason_zh and item.duplicate_of is None
                and merged[-1].duplicate_of is None):
            merged[-1] = Removal((merged[-1].lines[0], n), item.kind, item.reason_zh,
                                 item.reason_en)
        else:
            merged.append(Removal((n, n), item.kind, item.reason_zh, item.reason_en,
                                  item.duplicate_of))
    return merged


def _runs(numbers: list[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for n in numbers:
        if runs and runs[-1][1] == n - 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs


def _plan_start(lines: list[str], kept: list[int], plan: str, after: int) -> int | None:
    """The kept line where the plan's own title begins (after the notice names it)."""
    target = _squeeze(plan)
    for index, n in enumerate(kept):
        if n <= after:
            continue
        head = _squeeze(lines[n - 1])
        if len(head) < 4 or not target.startswith(head[: min(len(head), len(target))]):
            continue
        joined = "".join(_squeeze(lines[m - 1]) for m in kept[index:index + 4])
        if joined.startswith(target):
            return n
    return None


def propose_layout(capture: str, select: tuple[int, int] | None = None) -> Layout:
    """Propose what to keep and remove in ``capture`` (optionally only lines ``select``)."""
    lines = capture.splitlines()
    total = len(lines)
    first, last = select if select is not None else (1, total)
    if not 1 <= first <= last <= total:
        raise ValueError(f"line range {first}-{last} is outside the capture's 1-{total}")
    marks: dict[int, Removal] = {}
    for n in [*range(1, first), *range(last + 1, total + 1)]:
        marks[n] = Removal((n, n), RemovalKind.OTHER_DOCUMENT, "所选行范围之外：页面上的其他内容",
                           "outside the selected line range: other content of the page")
    for start, (length, j, j_end) in _duplicates(lines, first, last).items():
        exact = lines[start - 1:start + length - 1] == lines[j - 1:j_end]
        reason = ((f"页面重复了第{j}至{j_end}行的内容，逐行相同",
                   f"the page repeats lines {j}-{j_end}; identical line by line") if exact else
                  (f"页面重复了第{j}至{j_end}行的内容，文字相同，仅空白字符不同",
                   f"the page repeats lines {j}-{j_end}; the same words, the lines differ only "
                   "in whitespace"))
        for n in range(start, start + length):
            marks[n] = Removal((start, start + length - 1), RemovalKind.DUPLICATE, *reason,
                               (j, j_end))
    for n in range(first, last + 1):
        kind = None if n in marks else _line_kind(lines[n - 1])
        if kind is not None:
            marks[n] = Removal((n, n), *kind)
    _header_title_bars(lines, first, last, marks)
    chrome = {_squeeze(lines[n - 1]) for n, item in marks.items()
              if item.kind is RemovalKind.PAGE_CHROME and first <= n <= last}
    for n in range(first, last + 1):
        if n not in marks and lines[n - 1].strip() and _squeeze(lines[n - 1]) in chrome:
            marks[n] = Removal((n, n), RemovalKind.PAGE_CHROME, "网页标题栏的重复，不属于文件正文",
                               "a repeat of the page's title bar, not part of the document text")
    _absorb_blanks(lines, first, last, marks)
    removed = _dedupe_runs(marks)
    kept_numbers = [n for n in range(first, last + 1) if n not in marks]
    notice_range: tuple[int, int] | None = None
    plan_title: str | None = None
    kept_text = "".join(_squeeze(lines[n - 1]) for n in kept_numbers)
    notice = _NOTICE.search(kept_text) or _NOTICE.search(_squeeze(capture))
    parts: list[Part] = []
    plan_start = _plan_start(lines, kept_numbers, notice["plan"], 0) if notice else None
    if notice is not None:
        plan_title = notice["plan"].replace("〈", "《").replace("〉", "》")
    if plan_start is not None and kept_numbers and plan_start > kept_numbers[0]:
        before = [n for n in kept_numbers if n < plan_start]
        notice_range = (before[0], before[-1])
        for run in _runs(before):
            parts.append(Part(run, "印发通知（文号、标题、主送、正文、署名和日期）",
                              "the issuing notice (number, title, addressees, body, signature, "
                              "date)"))
        kept_numbers = [n for n in kept_numbers if n >= plan_start]
    for run in _runs(kept_numbers):
        parts.append(Part(run, "文件正文（标题及全文）", "the document's title and text"))
    if not parts:
        raise ValueError("every line of the selection was proposed for removal")
    return Layout(tuple(parts), tuple(removed), notice_range, plan_title)


def _dedupe_runs(marks: dict[int, Removal]) -> list[Removal]:
    """Duplicate runs are one removal each; other marks merge with their neighbours."""
    runs: dict[tuple[int, int], Removal] = {}
    singles: dict[int, Removal] = {}
    for n, item in marks.items():
        if item.kind is RemovalKind.DUPLICATE and item.duplicate_of is not None:
            runs[item.lines] = item
        else:
            singles[n] = item
    merged = _merge(singles) + list(runs.values())
    return sorted(merged, key=lambda r: r.lines[0])
