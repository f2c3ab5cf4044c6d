"""Specification of inline numbering: items run inline after a space, and ㈠…㈩ sections.

Captures from document-sharing sites often run a whole document into a few lines, so
``一、入学 (一)…`` and ``… 1、…`` follow a space instead of a line break. Such items are
recognised only when they continue the numbering strictly; anything else stays text.
"""

from __future__ import annotations

import hashlib
import json

import pytest

from xuequ_rules.document.clause import Level
from xuequ_rules.document.parser import parse_clauses
from xuequ_rules.registry import packages


def ids(text: str) -> list[str]:
    return [c.id for top in parse_clauses(text).clauses for c in top.walk()]


def texts(text: str) -> dict[str, str]:
    return {c.id: c.text for top in parse_clauses(text).clauses for c in top.walk()}


def round_trips(text: str) -> bool:
    return "".join(c.text for top in parse_clauses(text).clauses for c in top.walk()) == text


def test_part_and_section_after_a_space_are_recognised() -> None:
    text = "学生管理制度 一、入学 (一)甲。 (二)乙。 二、休学、复学 (一)丙。"
    assert ids(text) == ["序", "一", "一/(一)", "一/(二)", "二", "二/(一)"]
    assert texts(text)["一"] == "一、入学 "
    assert texts(text)["二/(一)"] == "(一)丙。"
    assert round_trips(text)


def test_inline_part_has_its_heading() -> None:
    clause = parse_clauses("制度 一、入学 (一)甲。").clauses[1]
    assert clause.level is Level.PART
    assert clause.heading == "入学"
    assert clause.inline


def test_parenthesized_ideograph_numeral_is_the_section_level() -> None:
    text = "序言。 三、主要措施 ㈠科学设置学区。 1.原则。 2.形式: (1)帮扶。 ㈡完善机制。"
    # 三 is not the first part, so it is not recognised inline; ㈠ and ㈡ are.
    assert ids(text) == ["序", "(一)", "(一)/1", "(一)/2", "(一)/2/(1)", "(二)"]
    text = "序言。 一、甲。 二、乙。 三、主要措施 ㈠科学设置学区。 1.原则。 ㈡完善机制。"
    assert ids(text) == ["序", "一", "二", "三", "三/(一)", "三/(一)/1", "三/(二)"]
    assert parse_clauses(text).clauses[3].children[0].label == "(一)"
    assert round_trips(text)


def test_parenthesized_ideograph_numeral_at_line_start_is_a_section() -> None:
    text = "一、总体要求\n㈠指导思想\n内容。\n㈡基本原则\n"
    assert ids(text) == ["一", "一/(一)", "一/(二)"]
    assert round_trips(text)


def test_parenthesized_ideograph_numerals_must_follow_in_sequence() -> None:
    assert ids("序言。 ㈠甲。 ㈢乙。") == ["序", "(一)"]
    assert ids("序言。 ㈡甲。") == ["序"]


def test_inline_part_must_continue_strictly() -> None:
    assert ids("序言。 一、甲 三、乙") == ["序", "一"]
    assert ids("序言。 二、甲") == ["序"]
    assert ids("序言。 一、甲 二、乙 二、丙") == ["序", "一", "二"]


def test_a_list_of_chinese_numerals_is_not_a_heading() -> None:
    assert ids("适用于 一、二、三年级学生。") == ["序"]


def test_item_after_a_space_must_continue_strictly() -> None:
    assert ids("一、退学 1、甲。 3、乙。") == ["一", "一/1"]
    assert ids("一、退学 2、甲。") == ["一"]


def test_numbers_in_running_text_after_a_space_are_not_markers() -> None:
    assert ids("一、入学 由 1所学校 年满 6周岁 (村小学)。") == ["一"]


def test_numbering_continues_across_a_page_break() -> None:
    text = "三、转学 (一)因父母调动,办理接\n\n收证。学校不得擅自接受。 (二)凡要求转学。 四、退学 (一)甲。"
    assert ids(text) == ["三", "三/(一)", "三/(二)", "四", "四/(一)"]
    assert texts(text)["三/(一)"] == "(一)因父母调动,办理接\n\n收证。学校不得擅自接受。 "
    assert round_trips(text)


def test_a_higher_level_inline_continues_only_a_number_already_seen() -> None:
    assert ids("一、甲\n(一)乙 二、丙") == ["一", "一/(一)", "二"]
    assert ids("前言\n(一)乙 一、丙") == ["序", "(一)"]


def test_after_punctuation_the_first_item_of_a_line_still_starts_at_one() -> None:
    # unchanged behaviour: inline items after sentence punctuation restart on each line
    text = "一、要求\n分两步:1.甲;2.乙。\n具体为:1.丙;2.丁。\n"
    assert ids(text) == ["一", "一/1", "一/2", "一/1~2", "一/2~2"]


@pytest.mark.parametrize("text", [
    "", " ", "一、", "㈠", "甲 一、 ", "一、甲 (一) 1、 (1) ①", "\n\n 一、甲\n ㈠乙 ㈡丙 ",
])
def test_clause_texts_always_reproduce_the_source(text: str) -> None:
    assert round_trips(text)


def test_every_packaged_document_round_trips() -> None:
    for package in packages().values():
        for version in package.versions():
            document = package.document(version)
            assert "".join(c.text for c in document.walk()) == document.source.text


def _fingerprint(name: str, version: str) -> str:
    document = packages()[name].document(version)
    tree = [(c.id, c.start, c.end) for c in document.walk()]
    return hashlib.sha256(json.dumps(tree, ensure_ascii=False).encode()).hexdigest()


@pytest.mark.parametrize(("name", "version", "digest"), [
    ("liujiang", "2018", "e1da1f3018741b35b2802ca3c14da5958499a9885fa007f375432b12c321f7ac"),
    ("changping", "2020", "33c22ba99e1cf5ab31ec04e4e3cd1a2150011503aa096bf20a719f6913013b8c"),
])
def test_clause_trees_of_documents_without_inline_numbering_are_unchanged(
        name: str, version: str, digest: str) -> None:
    assert _fingerprint(name, version) == digest


def test_caoxian_captures_number_every_part_and_section() -> None:
    package = packages()["caoxian"]
    for version, last in (("capture-1", "三/(六)"), ("capture-2", "四/(一)/2"),
                          ("capture-3", "四/(二)")):
        document = package.document(version)
        assert document.parse_notes == ()
        assert document.ids[-1] == last
        assert document.has_clause("三/(二)")
