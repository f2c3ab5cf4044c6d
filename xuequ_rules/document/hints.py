"""Hints for a quote that is not verbatim in its clause: the nearest passage, and whether
full-width / half-width punctuation or a space makes the difference."""

from __future__ import annotations

import difflib
import re

_WIDTH = str.maketrans("，：；（）！？、“”", ",:;()!?,\"\"")
_SPACE = re.compile(r"\s+")


def _narrow(text: str) -> str:
    return text.translate(_WIDTH)


def nearest_passage(text: str, quote: str) -> str:
    """The passage of ``text`` (as long as the quote) most like ``quote``."""
    width = len(quote)
    if not text or width == 0:
        return ""
    if len(text) <= width:
        return text
    best, best_ratio = text[:width], -1.0
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(quote)
    for start in range(len(text) - width + 1):
        matcher.set_seq1(text[start:start + width])
        if matcher.real_quick_ratio() <= best_ratio or matcher.quick_ratio() <= best_ratio:
            continue
        ratio = matcher.ratio()
        if ratio > best_ratio:
            best, best_ratio = text[start:start + width], ratio
    return best


def quote_hint(text: str, quote: str) -> tuple[str, str]:
    """(zh, en) hint: why the quote may not match, and the nearest passage of the clause."""
    passage = nearest_passage(text, quote)
    reasons_zh: list[str] = []
    reasons_en: list[str] = []
    squeezed_quote, squeezed_text = _SPACE.sub("", quote), _SPACE.sub("", text)
    if squeezed_quote not in squeezed_text and _narrow(squeezed_quote) in _narrow(squeezed_text):
        reasons_zh.append("全角/半角标点不同（如“，”与“,”）")
        reasons_en.append("full-width / half-width punctuation differs (， vs ,)")
    if squeezed_quote in squeezed_text or (
            _narrow(quote) not in _narrow(text) and _narrow(squeezed_quote) in _narrow(squeezed_text)):
        reasons_zh.append("空格不同（采集稿中多出或缺少空格）")
        reasons_en.append("a space is lost or added (the capture's spacing differs)")
    zh = (f"可能原因：{'；'.join(reasons_zh)}。" if reasons_zh else "") + f"条款中最接近的文字：“{passage}”"
    en = (f"likely: {'; '.join(reasons_en)}. " if reasons_en else "") + (
        f"nearest passage of the clause: {passage!r}")
    return zh, en
