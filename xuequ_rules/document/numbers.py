"""The number reader: every quantity in a text, with its span and its reading(s).

One reader serves the value ↔ quote check, the number-coverage check and authoring tools.
A *quantity* is every count, date, percentage, money amount, duration, document-number digit
and Chinese numeral expression. Not quantities: ordinals and proper names (第二中学), list
markers (一是、二是; clause numbers are skipped by the caller, which knows where they end) and
lexical words in which the character is not a numeral at all (一体, 统一, 一些, 进一步 …).
The distinction: in 一名主要负责人 the 一 counts persons, so it is a quantity; in 统一 it does
not count anything, so it is a word. Numerals inside names and slogans (两免一补) are
quantities to this reader; a policy declares them once as terms.

Words that state a quantity without a numeral (全覆盖, 所有, 每年) are read apart, by
:func:`implicit_quantities`, for comparing a value with its quote only.

Readings carry a :class:`Kind`; :data:`COMPATIBLE` says which kinds a parameter unit may be
read from. Ranges (3~5年, 3-5所, 3至5) read as both ends.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from xuequ_rules.document.numerals import chinese_to_int
from xuequ_rules.policy.units import Unit


class Kind(StrEnum):
    PERCENT = "percent"      # 10%, 百分之十, 三分之一 (value as a ratio)
    MONEY = "money"          # 10万元 (value in 元)
    YEAR = "year"            # 2018年 (a calendar year)
    DATE = "date"            # 2024年9月底, 2018年 (first / last day)
    MONTH_DAY = "month_day"  # 8月21日 without a year
    HOURS = "hours"          # 360学时, 2小时
    DURATION = "duration"    # 5年, 6周岁, 一学年 (years)
    MONTHS = "months"        # 三个月
    PERSONS = "persons"      # 一名, 3人, 1位
    SCHOOLS = "schools"      # 2所, 1校
    TERMS = "terms"          # 2届
    COUNT = "count"          # any other measure word: 8个, 一次, 两项, 一年级 …
    AREA = "area"            # 4.5 m²
    COEFFICIENT = "coefficient"  # a plain decimal below one (≤ 0.50), a share written bare
    PLAIN = "plain"          # any other number without a measure word


# Which reading kinds a parameter in each unit may be read from.
COMPATIBLE: dict[Unit, frozenset[Kind]] = {
    Unit.RATIO: frozenset({Kind.PERCENT, Kind.COEFFICIENT}),
    Unit.YUAN: frozenset({Kind.MONEY}),
    Unit.HOURS: frozenset({Kind.HOURS}),
    Unit.YEARS: frozenset({Kind.DURATION}),
    Unit.COUNT: frozenset({Kind.COUNT, Kind.MONTHS, Kind.SCHOOLS, Kind.PERSONS, Kind.TERMS,
                           Kind.PLAIN}),
    Unit.PERSONS: frozenset({Kind.PERSONS}),
    Unit.SCHOOLS: frozenset({Kind.SCHOOLS}),
    Unit.TERMS: frozenset({Kind.TERMS}),
    Unit.DATE: frozenset({Kind.DATE}),
    Unit.YEAR: frozenset({Kind.YEAR}),
    Unit.SQUARE_METRES: frozenset({Kind.AREA}),
    Unit.TEXT: frozenset(),
}


@dataclass(frozen=True, slots=True)
class Reading:
    kind: Kind
    value: Decimal | dt.date


@dataclass(frozen=True, slots=True)
class Quantity:
    text: str
    start: int
    end: int
    readings: tuple[Reading, ...]


_CN = "〇零一二两三四五六七八九十百千万亿"
_AR = r"\d+(?:[.．]\d+)?"
_NUM = rf"(?:{_AR}|[{_CN}]+)"
_YEAR_DIGITS = r"(?:\d{4}|[〇零一二三四五六七八九]{4})"
_SMALL = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
# measure word → kind, longest first
_MEASURES: dict[str, Kind] = {
    "学时": Kind.HOURS, "课时": Kind.HOURS, "小时": Kind.HOURS, "个月": Kind.MONTHS,
    "周岁": Kind.DURATION, "学年": Kind.DURATION, "年级": Kind.COUNT, "平方米": Kind.AREA,
    "m²": Kind.AREA, "岁": Kind.DURATION, "年": Kind.DURATION, "名": Kind.PERSONS,
    "人": Kind.PERSONS, "位": Kind.PERSONS, "所": Kind.SCHOOLS, "校": Kind.SCHOOLS,
    "届": Kind.TERMS,
    **{ch: Kind.COUNT for ch in "个项次篇门间种批类级期支套倍度周天条家节件份张台部处轮大统方层组片对"},
}
_MEASURE = "|".join(re.escape(m) for m in sorted(_MEASURES, key=len, reverse=True))
_DATE = (rf"(?P<y>{_YEAR_DIGITS})(?:\s*年|(?=\s+\d{{1,2}}\s*月))"
         rf"(?:\s*(?P<m>{_SMALL})\s*月(?:\s*(?P<d>{_SMALL})\s*日)?)?\s*(?P<e>底|末|初)?"
         rf"(?:\s*(?:至|—|–|~|～|-)\s*(?:(?P<y2>\d{{4}})(?:\s*年|\s+))?\s*(?P<m2>{_SMALL})"
         rf"\s*月(?:\s*(?P<d2>{_SMALL})\s*日)?\s*(?P<e2>底|末|初)?)?")
_PATTERN = re.compile(
    rf"(?P<date>{_DATE})"
    rf"|(?P<md>(?P<mm>{_SMALL})\s*月(?:\s*(?P<dd>{_SMALL})\s*日)?(?:底|末|初)?)"
    rf"|(?P<pct>百分之(?P<pv>{_NUM}))"
    rf"|(?P<frac>(?P<den>[{_CN}]+)分之(?P<numr>[{_CN}]+))"
    rf"|(?P<q>(?P<a>{_NUM})(?:\s*(?:~|～|-|—|–|至)\s*(?P<b>{_NUM}))?"
    rf"\s*(?:(?P<pc>[%％])|(?P<mult>万|亿)?\s*(?P<unit>元|{_MEASURE}))?)"
)
# Words in which the character is not a numeral at all (no count, date or amount).
LEXICAL = ("一体", "统一", "一些", "一样", "万一", "一起", "进一步", "唯一", "一定", "一般",
           "一致", "一切", "一直", "一旦", "同一", "逐一", "一律", "一并", "一道", "一同",
           "一流", "一线", "一视同仁", "一手", "一贯", "一系列", "一边", "一经", "专一",
           "一环", "一带", "一批", "每一", "另一", "千方百计", "百姓", "十分", "万分", "一时",
           "一刀切", "一盘棋", "一把手", "一体化", "不一", "之一", "一方面", "一举", "一心", "千家万户",
           "四面八方", "三令五申", "一如既往", "一以贯之", "万众", "百年大计", "一揽子")
_LEXICAL = re.compile("|".join(re.escape(w) for w in sorted(LEXICAL, key=len, reverse=True)))
_LIST_MARKER = re.compile(rf"[{_CN}]+(?=是)")


def _num(text: str) -> Decimal:
    text = text.replace("．", ".")
    return Decimal(text) if text[0].isdigit() else Decimal(chinese_to_int(text))


def _month_dates(year: int, month: int, day: str | None, edge: str | None) -> list[dt.date]:
    if day:
        return [dt.date(year, month, int(_num(day)))]
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    first = dt.date(year, month, 1)
    return [last] if edge in ("底", "末") else [first] if edge == "初" else [first, last]


def _date_readings(match: re.Match[str]) -> list[Reading]:
    year = int(_num(match["y"]))
    readings = [Reading(Kind.YEAR, Decimal(year))]
    dates: list[dt.date] = []
    if match["m"] and 1 <= int(_num(match["m"])) <= 12:
        dates += _month_dates(year, int(_num(match["m"])), match["d"], match["e"])
    elif match["e"] in ("底", "末"):
        dates.append(dt.date(year, 12, 31))
    elif match["e"] == "初":
        dates.append(dt.date(year, 1, 1))
    else:
        dates += [dt.date(year, 1, 1), dt.date(year, 12, 31)]
    if match["m2"] and 1 <= int(_num(match["m2"])) <= 12:
        year2 = int(match["y2"]) if match["y2"] else year
        if match["y2"]:
            readings.append(Reading(Kind.YEAR, Decimal(year2)))
        dates += _month_dates(year2, int(_num(match["m2"])), match["d2"], match["e2"])
    return readings + [Reading(Kind.DATE, d) for d in dates]


def _quantity_readings(match: re.Match[str]) -> list[Reading]:
    ends = [_num(match["a"])] + ([_num(match["b"])] if match["b"] else [])
    if match["pc"]:
        return [Reading(Kind.PERCENT, v / 100) for v in ends]
    factor = {"万": Decimal(10_000), "亿": Decimal(100_000_000)}.get(match["mult"] or "", 1)
    unit = match["unit"]
    kind = Kind.MONEY if unit == "元" else _MEASURES[unit] if unit else Kind.PLAIN
    if kind is Kind.PLAIN and all(0 < v < 1 for v in ends) and "." in match["a"]:
        kind = Kind.COEFFICIENT
    return [Reading(kind, v * factor) for v in ends]


def _readings(match: re.Match[str]) -> list[Reading]:
    if match["date"]:
        return _date_readings(match)
    if match["md"]:
        return [Reading(Kind.MONTH_DAY, _num(match["mm"]))]
    if match["pct"]:
        return [Reading(Kind.PERCENT, _num(match["pv"]) / 100)]
    if match["frac"]:
        return [Reading(Kind.PERCENT, _num(match["numr"]) / _num(match["den"]))]
    return _quantity_readings(match)


def _is_numeral_run(text: str) -> bool:
    """A Chinese run counts only if it holds a digit or is 十 (百, 千, 万 alone are words)."""
    return any(ch not in "百千万亿" for ch in text)


def read_quantities(text: str) -> tuple[Quantity, ...]:
    """Every quantity in ``text`` in order, with its span and readings."""
    words = [range(m.start(), m.end()) for m in _LEXICAL.finditer(text)]
    markers = {m.start() for m in _LIST_MARKER.finditer(text)}
    found: list[Quantity] = []
    for match in _PATTERN.finditer(text):
        start, end = match.span()
        head = match.group()
        if head[0] in _CN and match["q"]:
            if start > 0 and text[start - 1] == "第":
                continue
            if start in markers and (start == 0 or text[start - 1] in "，,。；;：:、\n （(　"):
                continue
            inside_word = any(start in w and end - 1 in w for w in words)
            starts_word = any(w.start <= start < w.stop for w in words)
            if inside_word or (starts_word and not match["unit"]):
                continue
            if not _is_numeral_run(re.split(r"[^" + _CN + "]", head)[0]):
                continue
        try:
            readings = _readings(match)
        except (ValueError, ArithmeticError):
            continue
        found.append(Quantity(head.rstrip(), start, start + len(head.rstrip()), tuple(readings)))
    return tuple(found)


# Words that state a quantity without a numeral; read only where a cited quote is compared
# with a value (全覆盖 is a share of 1, 每年 an interval of one year), never counted as
# numbers of the document.
IMPLICIT: dict[str, Reading] = {
    "全覆盖": Reading(Kind.PERCENT, Decimal(1)), "所有": Reading(Kind.PERCENT, Decimal(1)),
    "全部": Reading(Kind.PERCENT, Decimal(1)), "每年": Reading(Kind.DURATION, Decimal(1)),
    "每学年": Reading(Kind.DURATION, Decimal(1)),
}
_IMPLICIT = re.compile("|".join(sorted(IMPLICIT, key=len, reverse=True)))


def implicit_quantities(text: str) -> tuple[Quantity, ...]:
    """The quantities words state without a numeral (全覆盖 → 100%, 每年 → every 1 year)."""
    return tuple(Quantity(m.group(), m.start(), m.end(), (IMPLICIT[m.group()],))
                 for m in _IMPLICIT.finditer(text))


def matches(value: object, kinds: frozenset[Kind], quantity: Quantity) -> bool:
    """Whether ``value`` is one of the quantity's readings of a kind in ``kinds``."""
    for reading in quantity.readings:
        if reading.kind not in kinds:
            continue
        if isinstance(reading.value, dt.date):
            if value == reading.value:
                return True
        elif isinstance(value, int | Decimal) and not isinstance(value, bool) and (
                Decimal(value) == reading.value):
            return True
    return False
