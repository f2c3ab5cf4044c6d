"""The number reader: every quantity in a text with its span and readings."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from xuequ_rules.consistency.numbers import number_coverage
from xuequ_rules.consistency.quotes import corrected_quote
from xuequ_rules.document.numbers import Kind, Quantity, implicit_quantities, read_quantities
from xuequ_rules.document.numerals import chinese_to_int
from xuequ_rules.policy.citation import Cite
from xuequ_rules.policy.policy import Term
from xuequ_rules.registry import load_policy
from xuequ_rules.text import Text


def readings(text: str) -> list[tuple[str, list[tuple[Kind, object]]]]:
    return [(q.text, [(r.kind, r.value) for r in q.readings]) for q in read_quantities(text)]


def only(text: str) -> Quantity:
    (quantity,) = read_quantities(text)
    return quantity


def test_reader_reads_ziyang_money_through_its_erratum_as_100000_yuan() -> None:
    policy = load_policy("ziyang@2024")
    cite = Cite("二/(三)/7", "单项经费支出在 1 0万元以内的由成员校校长按程序审签")
    assert corrected_quote(policy.document, cite) == "单项经费支出在 10万元以内的由成员校校长按程序审签"
    quantity = only(corrected_quote(policy.document, cite))
    assert quantity.text == "10万元"
    assert [(r.kind, r.value) for r in quantity.readings] == [(Kind.MONEY, Decimal(100000))]


def test_reader_reads_range_3_to_5_years_as_min_and_max() -> None:
    assert readings("每届3~5年") == [("3~5年", [(Kind.DURATION, 3), (Kind.DURATION, 5)])]
    assert readings("打造3-5所高水平") == [("3-5所", [(Kind.SCHOOLS, 3), (Kind.SCHOOLS, 5)])]
    assert readings("3至5所") == [("3至5所", [(Kind.SCHOOLS, 3), (Kind.SCHOOLS, 5)])]


@pytest.mark.parametrize(("text", "value"), [
    ("不低于10%", Decimal("0.10")), ("100%全覆盖", Decimal(1)), ("百分之十五", Decimal("0.15")),
    ("达90％以上", Decimal("0.9"))])
def test_reader_reads_percentages_as_ratios(text: str, value: Decimal) -> None:
    assert [(r.kind, r.value) for r in only(text).readings] == [(Kind.PERCENT, value)]


@pytest.mark.parametrize(("text", "kind", "value"), [
    ("两项", Kind.COUNT, 2), ("十二所", Kind.SCHOOLS, 12), ("一百名", Kind.PERSONS, 100),
    ("不少于360学时", Kind.HOURS, 360), ("设一名主要负责人", Kind.PERSONS, 1),
    ("三个月以上", Kind.MONTHS, 3), ("今后五年", Kind.DURATION, 5), ("2届", Kind.TERMS, 2),
    ("≥ 4.5 m²", Kind.AREA, Decimal("4.5")), ("一年级", Kind.COUNT, 1)])
def test_reader_reads_counts_with_their_measure_words(text: str, kind: Kind,
                                                      value: object) -> None:
    assert [(r.kind, r.value) for r in only(text).readings] == [(kind, value)]


def test_reader_reads_the_year_2018_in_chinese_digits_as_a_year_and_its_first_and_last_day(
        ) -> None:
    assert readings("二〇一八年") == [("二〇一八年", [
        (Kind.YEAR, 2018), (Kind.DATE, dt.date(2018, 1, 1)), (Kind.DATE, dt.date(2018, 12, 31))])]


def test_reader_reads_end_of_september_2024_as_the_30th() -> None:
    assert readings("(2024年 9月底前)") == [("2024年 9月底", [
        (Kind.YEAR, 2024), (Kind.DATE, dt.date(2024, 9, 30))])]


def test_reader_reads_a_month_without_edge_as_its_first_and_last_day() -> None:
    (_, found), = readings("2024年10月")
    assert (Kind.DATE, dt.date(2024, 10, 1)) in found
    assert (Kind.DATE, dt.date(2024, 10, 31)) in found


def test_reader_reads_liujiang_phase_three_month_range_across_two_years() -> None:
    (_, found), = readings("(2018 1 月至2020 8月)")
    assert (Kind.DATE, dt.date(2018, 1, 1)) in found
    assert (Kind.DATE, dt.date(2020, 8, 31)) in found


def test_reader_reads_liujiang_phase_two_month_range_within_2017_after_its_erratum() -> None:
    policy = load_policy("liujiang@2018")
    cite = policy.phases[1].cites[0]
    (_, found), = readings(corrected_quote(policy.document, cite))
    assert (Kind.DATE, dt.date(2017, 11, 1)) in found
    assert (Kind.DATE, dt.date(2017, 12, 31)) in found


@pytest.mark.parametrize("text", [
    "实行统一管理", "推进一体化", "进一步加强", "一是身体发育畸形，二是", "第二中学", "一批学校",
    "一些学校", "唯一"])
def test_reader_skips_list_markers_ordinals_and_words_whose_character_is_no_numeral(
        text: str) -> None:
    assert read_quantities(text) == ()


def test_reader_sees_numerals_inside_slogans_两免一补() -> None:
    assert [q.text for q in read_quantities("“两免一补”政策")] == ["两", "一"]


def test_reader_gives_spans_into_the_text() -> None:
    text = "每个学区设主要负责人1名、具体负责人若干名"
    (quantity,) = read_quantities(text)
    assert text[quantity.start:quantity.end] == "1名"


@pytest.mark.parametrize(("text", "value"), [
    ("十二", 12), ("一百", 100), ("二〇一八", 2018), ("十万", 100000), ("一千二百", 1200),
    ("两", 2), ("三百零五", 305), ("一万五千", 15000)])
def test_chinese_to_int_reads_counts_years_and_ten_thousands(text: str, value: int) -> None:
    assert chinese_to_int(text) == value


def test_number_coverage_sees_liujiang_两免一补_until_the_policy_declares_it_a_term() -> None:
    import dataclasses

    shipped = load_policy("liujiang@2018")
    policy = dataclasses.replace(shipped, terms=tuple(
        t for t in shipped.terms if "两免一补" not in t.text))
    _, uncovered = number_coverage(policy)
    declared = dataclasses.replace(policy, terms=(
        *policy.terms, Term("两免一补", Text("政策名称", "name of a policy"))))
    _, after = number_coverage(declared)
    slogan = [t for t in uncovered if t.clause == "三/(三)/1" and t.text in ("两", "一")]
    assert slogan, "the numerals of 两免一补 are numbers until declared"
    assert not [t for t in after if t.clause == "三/(三)/1" and t.text in ("两", "一")]


def test_reader_reads_full_coverage_and_every_year_only_as_implicit_quantities() -> None:
    text = "在结对帮扶形式全覆盖的基础上，每年进行督查考核"
    assert read_quantities(text) == ()
    assert [(q.text, q.readings[0].kind, q.readings[0].value)
            for q in implicit_quantities(text)] == [
        ("全覆盖", Kind.PERCENT, Decimal(1)), ("每年", Kind.DURATION, Decimal(1))]


def test_reader_reads_a_bare_decimal_below_one_as_a_coefficient_and_other_bare_numbers_plain(
        ) -> None:
    assert readings("≤ 0.50 for primary schools") == [("0.50", [(Kind.COEFFICIENT,
                                                                  Decimal("0.50"))])]
    assert readings("at least 6 of") == [("6", [(Kind.PLAIN, 6)])]
