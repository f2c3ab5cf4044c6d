"""Units of parameters and facts."""

from __future__ import annotations

from enum import StrEnum


class Unit(StrEnum):
    RATIO = "ratio"        # a share, 0.10 = 10%
    YUAN = "元"
    HOURS = "学时"
    YEARS = "年"
    COUNT = "个"
    PERSONS = "人"
    SCHOOLS = "所"
    TERMS = "届"
    DATE = "date"
    YEAR = "year"          # a calendar year, e.g. 2015
    SQUARE_METRES = "m²"
    TEXT = "text"


UNIT_LABELS: dict[Unit, tuple[str, str]] = {
    Unit.RATIO: ("比例", "ratio"),
    Unit.YUAN: ("元", "yuan"),
    Unit.HOURS: ("学时", "class hours"),
    Unit.YEARS: ("年", "years"),
    Unit.COUNT: ("个", "count"),
    Unit.PERSONS: ("人", "persons"),
    Unit.SCHOOLS: ("所", "schools"),
    Unit.TERMS: ("届", "terms"),
    Unit.DATE: ("日期", "date"),
    Unit.YEAR: ("年份", "calendar year"),
    Unit.SQUARE_METRES: ("平方米", "square metres"),
    Unit.TEXT: ("文本", "text"),
}
