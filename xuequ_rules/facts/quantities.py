"""Quantities with explicit units: 元, 学时, 年, ratios. Exact decimals, never floats.

A quantity may be given as a plain number (in the field's unit) or as
``{"value": …, "unit": …}``; a unit that does not fit the field is an error naming it.
Money accepts 元 and 万元 (converted exactly); ratios accept 0.15, "15%" or
``{"value": 15, "unit": "%"}``.

Types are strict at the edge: a boolean is never a number or a count, a string is never a
number (the one documented conversion is a ratio written as a percentage string, "15%":
digits, an optional point and %), a numeric string such as "10" is refused (write the
number without quotes: JSON and YAML decimals are read exactly),
and a yes/no fact must be true or false, not 1 or "yes".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, Strict

_CONVERSIONS: dict[str, dict[str, Decimal]] = {
    "元": {"元": Decimal(1), "yuan": Decimal(1), "CNY": Decimal(1), "万元": Decimal(10000)},
    "学时": {"学时": Decimal(1), "hours": Decimal(1), "class_hours": Decimal(1)},
    "年": {"年": Decimal(1), "years": Decimal(1), "月": Decimal(1) / Decimal(12),
          "months": Decimal(1) / Decimal(12)},
    "ratio": {"ratio": Decimal(1), "%": Decimal("0.01"), "percent": Decimal("0.01")},
}


# Magnitudes are bounded by the decimal exponent (read without arithmetic, so a value such as
# 1e999999999 is refused instead of overflowing): far beyond any budget, count or hour total.
_LARGEST_EXPONENT = 15
_SMALLEST_EXPONENT = -12


@dataclass(frozen=True, slots=True)
class Magnitude:
    """Every value of a quantity is smaller than ``below`` in absolute value (what the
    exponent bound above refuses): table engines size exact integer arithmetic from it and
    check it in bulk."""

    below: int


def _magnitude(unit: str | None = None) -> Magnitude:
    """The magnitude bound of a quantity read in ``unit`` (its largest conversion counted:
    10**15 万元 is 10**19 元)."""
    factor = max(_CONVERSIONS[unit].values()) if unit is not None else Decimal(1)
    return Magnitude(int(10**_LARGEST_EXPONENT * max(factor, Decimal(1))))


def _decimal(value: Any) -> Decimal:
    if isinstance(value, bool):
        raise ValueError("应为数值，而不是真假值 / expected a number, not a boolean")
    if isinstance(value, str):
        raise ValueError(f"应为数值而不是文本：{value!r}（去掉引号） / expected a number, not "
                         f"text: {value!r} (drop the quotes)")
    if isinstance(value, float):
        value = repr(value)
    elif not isinstance(value, int | Decimal):
        raise ValueError(f"应为数值：{value!r} / expected a number: {value!r}")
    try:
        result = Decimal(str(value).strip())
    except (InvalidOperation, ValueError) as exc:
        raise ValueError(f"应为数值：{value!r} / expected a number: {value!r}") from exc
    if not result.is_finite():
        raise ValueError(f"应为有限数值：{value!r} / expected a finite number: {value!r}")
    if not result.is_zero() and not _SMALLEST_EXPONENT <= result.adjusted() < _LARGEST_EXPONENT:
        raise ValueError(f"数值超出范围：{value!r} / number out of range: {value!r}")
    return result


def _decimal_text(text: str) -> Decimal:
    """The digits of a percentage string ("15%" → 15): the one text read as a number."""
    if not re.fullmatch(r"\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*", text):
        raise ValueError(f"百分数应为数字加 %：{text!r}% / a percentage is digits and %: "
                         f"{text!r}%")
    return _decimal(Decimal(text.strip()))


def _in_unit(unit: str) -> Any:
    table = _CONVERSIONS[unit]

    def convert(value: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, dict):
            if set(value) != {"value", "unit"}:
                raise ValueError(
                    "带单位的数值应为 {value, unit} / a quantity with a unit is {value, unit}")
            given = str(value["unit"])
            if given not in table:
                allowed = "、".join(table)
                raise ValueError(f"单位“{given}”不适用，应为：{allowed} / "
                                 f"wrong unit {given!r}, expected one of: {', '.join(table)}")
            return _decimal(value["value"]) * table[given]
        if unit == "ratio" and isinstance(value, str) and value.strip().endswith("%"):
            return _decimal_text(value.strip()[:-1]) * Decimal("0.01")
        return _decimal(value)

    return convert


def _plain(value: Any) -> Any:
    return None if value is None else _decimal(value)


# a plain exact number (m², months, hours)
Number = Annotated[Decimal, BeforeValidator(_plain), _magnitude()]
Yuan = Annotated[Decimal, BeforeValidator(_in_unit("元")), Field(ge=0), _magnitude("元")]
ClassHours = Annotated[Decimal, BeforeValidator(_in_unit("学时")), Field(ge=0),
                       _magnitude("学时")]
YearsSpan = Annotated[Decimal, BeforeValidator(_in_unit("年")), Field(ge=0), _magnitude("年")]
Ratio = Annotated[Decimal, BeforeValidator(_in_unit("ratio")), Field(ge=0, le=1),
                  _magnitude("ratio")]
Count = Annotated[int, Strict(), Field(ge=0, le=10**12)]
Whole = Annotated[int, Strict()]        # a whole number such as a year; never true/false or text
Flag = Annotated[bool, Strict()]        # yes/no: true or false only
