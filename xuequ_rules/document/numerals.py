"""Chinese numerals: numbering (一 … 九十九, 百), counts (十二, 一百, 十万) and years (二〇一八)."""

from __future__ import annotations

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
          "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000}
BIG_UNITS = {"亿": 100_000_000, "万": 10_000}
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
CHINESE_NUMERAL_CHARS = "".join(DIGITS) + "".join(UNITS)


def chinese_to_int(text: str) -> int:
    """Convert a Chinese numeral such as ``十二``, ``二十三``, ``一百``, ``十万`` to an int.

    A run of digits without units (``二〇一八``) is read positionally, as years are written.
    Raises ``ValueError`` for text that is not a numeral.
    """
    if not text or any(ch not in DIGITS and ch not in UNITS and ch not in BIG_UNITS
                       for ch in text):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    for big, factor in BIG_UNITS.items():
        head, found, tail = text.partition(big)
        if found:
            return (chinese_to_int(head) if head else 1) * factor + (
                chinese_to_int(tail) if tail else 0)
    if len(text) > 1 and all(ch in DIGITS for ch in text):
        return int("".join(str(DIGITS[ch]) for ch in text))
    total = 0
    current = 0
    for ch in text:
        if ch in DIGITS:
            current = DIGITS[ch]
        else:
            unit = UNITS[ch]
            total += (current or 1) * unit
            current = 0
    return total + current


def int_to_chinese(value: int) -> str:
    """Inverse of :func:`chinese_to_int` for 1 … 999 (the range numbering uses)."""
    if not 0 < value < 1000:
        raise ValueError(f"out of range for document numbering: {value}")
    names = "零一二三四五六七八九"
    hundreds, rest = divmod(value, 100)
    tens, ones = divmod(rest, 10)
    out = ""
    if hundreds:
        out += names[hundreds] + "百"
        if rest and tens == 0:
            out += "零"
    if tens:
        out += ("" if tens == 1 and not hundreds else names[tens]) + "十"
    if ones:
        out += names[ones]
    return out


def circled_to_int(ch: str) -> int:
    """``①`` → 1 … ``⑳`` → 20."""
    index = CIRCLED.find(ch)
    if index < 0 or len(ch) != 1:
        raise ValueError(f"not a circled number: {ch!r}")
    return index + 1
