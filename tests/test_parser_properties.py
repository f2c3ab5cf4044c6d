"""The clause parser: generated documents round-trip; arbitrary text never breaks it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from xuequ_rules.document.clause import PREAMBLE_ID
from xuequ_rules.document.numerals import chinese_to_int, int_to_chinese
from xuequ_rules.document.parser import HeadingInsert, parse_clauses

_BODY = st.text(alphabet="学区教师交流轮岗比例不低于要建立制度资源共享优质均衡发展", min_size=1,
                max_size=30)


@st.composite
def documents(draw):
    """A well-formed document: 一、 → (一) → 1. → (1), and the id tree it must parse to."""
    lines: list[str] = [draw(_BODY) + "\n\n"]
    ids: list[str] = []
    for part in range(1, draw(st.integers(1, 4)) + 1):
        part_id = int_to_chinese(part)
        lines.append(f"{part_id}、{draw(_BODY)}\n\n")
        ids.append(part_id)
        for section in range(1, draw(st.integers(0, 3)) + 1):
            section_id = f"{part_id}/({int_to_chinese(section)})"
            lines.append(f"({int_to_chinese(section)}){draw(_BODY)}\n\n")
            ids.append(section_id)
            for item in range(1, draw(st.integers(0, 3)) + 1):
                item_id = f"{section_id}/{item}"
                lines.append(f"{item}.{draw(_BODY)}。\n\n")
                ids.append(item_id)
                for sub in range(1, draw(st.integers(0, 2)) + 1):
                    lines.append(f"({sub}){draw(_BODY)}。\n\n")
                    ids.append(f"{item_id}/({sub})")
    return "".join(lines), ids


def _ids(result):
    return [c.id for top in result.clauses for c in top.walk() if c.id != PREAMBLE_ID]


@given(documents())
@settings(max_examples=200, deadline=None)
def test_generated_document_parses_back_to_the_tree_that_generated_it(doc):
    text, ids = doc
    result = parse_clauses(text)
    assert _ids(result) == ids
    assert result.notes == ()


@given(documents())
@settings(max_examples=100, deadline=None)
def test_generated_document_round_trips_exactly(doc):
    text, _ = doc
    result = parse_clauses(text)
    assert "".join(c.text for top in result.clauses for c in top.walk()) == text


@given(st.text(max_size=400))
@settings(max_examples=500, deadline=None)
def test_arbitrary_text_never_crashes_and_never_loses_or_duplicates_a_character(text):
    result = parse_clauses(text)
    assert "".join(c.text for top in result.clauses for c in top.walk()) == text


@given(st.text(alphabet="一二三四五六七八九十、()（）.．1234567890①②③第章条附件\n 。；:：", max_size=300))
@settings(max_examples=500, deadline=None)
def test_numbering_soup_never_crashes_and_round_trips(text):
    result = parse_clauses(text)
    assert "".join(c.text for top in result.clauses for c in top.walk()) == text
    ids = [c.id for top in result.clauses for c in top.walk()]
    assert len(ids) == len(set(ids))


@given(st.integers(1, 999))
def test_chinese_numerals_round_trip(value):
    assert chinese_to_int(int_to_chinese(value)) == value


def test_level_that_skips_is_parsed_and_noted():
    result = parse_clauses("一、总则\n1.第一项。\n")
    assert _ids(result) == ["一", "一/1"]
    assert any("level skips" in note for note in result.notes)


def test_inline_items_after_punctuation_become_clauses():
    result = parse_clauses("(一)工作要求:1.建立制度;2.落实责任。\n")
    assert _ids(result) == ["(一)", "(一)/1", "(一)/2"]


def test_decimal_numbers_are_not_mistaken_for_items():
    result = parse_clauses("(一)比例为:2.5万元以上。\n")
    assert _ids(result) == ["(一)"]


def test_lost_heading_insert_creates_a_reconstructed_clause():
    text = "序言。\n正文第一段。\n二、任务\n"
    result = parse_clauses(text, (HeadingInsert(text.index("正文"), "一、［标题缺失］"),))
    first = result.clauses[1]
    assert first.id == "一" and first.reconstructed_heading == "［标题缺失］"
    assert first.text == "正文第一段。\n"
    assert "".join(c.text for top in result.clauses for c in top.walk()) == text


def test_items_numbered_straight_through_sections_are_not_gaps():
    result = parse_clauses("(一)甲\n1.a\n2.b\n(二)乙\n3.c\n")
    assert _ids(result) == ["(一)", "(一)/1", "(一)/2", "(二)", "(二)/3"]
    assert result.notes == ()
