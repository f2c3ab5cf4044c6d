"""Dates in a capture: 2018年1月25日, 二〇一八年一月二十五日, 2018-01-29, and compact runs
such as ``20171229`` or ``2018125`` whose 年/月/日 the capture lost (each such reading is a
proposed erratum)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from xuequ_rules.document.numerals import chinese_to_int

_CN = "〇○零一二三四五六七八九"
DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
    rf"|(?P<cy>[{_CN}]{{4}})\s*年\s*(?P<cm>[一二三四五六七八九十]{{1,2}})\s*月"
    r"\s*(?P<cd>[一二三四五六七八九十]{1,3})\s*日"
    r"|(?P<iy>(?:19|20)\d{2})[-/.](?P<im>\d{1,2})[-/.](?P<id>\d{1,2})"
    r"|(?<!\d)(?P<compact>(?:19|20)\d{5,6})(?!\d)")
_LABELS = {"成文日期": "written", "印发日期": "issued", "发文日期": "issued",
           "发布日期": "published", "发布时间": "published", "公开日期": "published"}
_LABELLED = re.compile(r"(?P<label>" + "|".join(_LABELS) + r")[^0-9" + _CN + r"]{0,8}")


@dataclass(frozen=True, slots=True)
class FoundDate:
    value: dt.date
    text: str        # as captured
    line: int        # capture line (1-based)
    role: str        # written | issued | published
    compact: bool    # the capture lost 年/月/日
    ambiguous: bool  # a compact run with more than one valid reading


def _cn_digits(text: str) -> int:
    return int("".join(str("〇一二三四五六七八九".index(c.replace("○", "〇").replace("零", "〇")))
                       for c in text))


def _compact(run: str, before: dt.date | None) -> tuple[dt.date, bool] | None:
    year, rest = int(run[:4]), run[4:]
    options: list[dt.date] = []
    for cut in range(1, len(rest)):
        try:
            options.append(dt.date(year, int(rest[:cut]), int(rest[cut:])))
        except ValueError:
            continue
    if not options:
        return None
    if before is not None and any(o <= before for o in options):
        return max(o for o in options if o <= before), len(options) > 1
    return options[0], len(options) > 1


def read_date(match: re.Match[str], before: dt.date | None = None) -> tuple[dt.date, bool] | None:
    """The date a :data:`DATE` match reads, and whether the reading was ambiguous."""
    try:
        if match["y"]:
            return dt.date(int(match["y"]), int(match["m"]), int(match["d"])), False
        if match["cy"]:
            return dt.date(_cn_digits(match["cy"]), chinese_to_int(match["cm"]),
                           chinese_to_int(match["cd"])), False
        if match["iy"]:
            return dt.date(int(match["iy"]), int(match["im"]), int(match["id"])), False
    except ValueError:
        return None
    return _compact(match["compact"], before)


def written_form(value: dt.date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def find_dates(lines: list[str], first: int, last: int) -> dict[str, FoundDate]:
    """The document's dates by role: labelled ones (成文日期, 发布日期 …) first, then the
    date of the signature (a line that is only a date, or a 文号 line ending with a date)."""
    found: dict[str, FoundDate] = {}
    for n in range(first, last + 1):
        for label in _LABELLED.finditer(lines[n - 1]):
            match = DATE.match(lines[n - 1], label.end())
            if match is None or match["compact"]:
                continue
            read = read_date(match)
            role = _LABELS[label["label"]]
            if read is not None and role not in found:
                found[role] = FoundDate(read[0], match.group(), n, role, False, False)
    published = found["published"].value if "published" in found else None
    for n in range(first, last + 1):
        line = lines[n - 1].strip()
        match = DATE.search(line)
        if match is None or "written" in found:
            continue
        alone = match.group() == line
        after_number = match.end() == len(line) and re.search(r"号\s*$", line[:match.start()])
        if not (alone or after_number):
            continue
        read = read_date(match, published)
        if read is None:
            continue
        found["written"] = FoundDate(read[0], match.group(), n, "written",
                                     bool(match["compact"]), read[1])
    if "written" in found and "issued" not in found:
        w = found["written"]
        found["issued"] = FoundDate(w.value, w.text, w.line, "issued", w.compact, w.ambiguous)
    return found
