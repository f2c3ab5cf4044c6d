"""Liujiang's document: metadata, errata, clause ids and texts, fidelity to the capture."""

import datetime as dt

import pytest

from xuequ_rules import UnknownClauseError, load_policy
from xuequ_rules.document.source import verify_against_capture


@pytest.fixture(scope="module")
def document():
    return load_policy("liujiang").document


def test_liujiang_rotation_clause_contains_the_ten_percent_sentence(document):
    assert "不低于符合交流条件教师总数的10%" in document.clause("三/(四)/3").text


def test_liujiang_clause_ids_follow_chinese_numbering(document):
    assert document.clause("三/(一)/2/(1)").heading == "集团化办学"
    assert document.clause("五/(三)").heading == "强化督导检查"
    assert document.global_id("三/(四)/3") == "liujiang@2018#三/(四)/3"


def test_liujiang_metadata_parses_doc_number_dates_and_basis(document):
    meta = document.metadata
    assert meta.doc_number is not None and meta.doc_number.normalized == "江政规〔2018〕1号"
    assert meta.dates.issued == dt.date(2018, 1, 25)
    assert meta.dates.published == dt.date(2018, 1, 29)
    assert [b.label for b in meta.basis] == ["桂政办发〔2016〕168号", "柳政规〔2017〕10号"]


def test_liujiang_errata_keep_both_readings(document):
    errata = {item.erratum.captured: item.erratum for item in document.source.errata}
    assert errata["2018125"].corrected == "2018年1月25日"
    preamble = document.clause("序")
    assert "2018125" in preamble.text
    assert "2018年1月25日" in document.corrected_text(preamble)


def test_liujiang_clause_texts_reproduce_the_source(document):
    assert "".join(c.text for c in document.walk()) == document.source.text


def test_liujiang_unknown_clause_is_a_bilingual_error_with_suggestions(document):
    with pytest.raises(UnknownClauseError) as info:
        document.clause("三/(四)/9")
    assert "没有条款" in info.value.zh and "has no clause" in info.value.en


def test_liujiang_source_is_made_of_capture_lines(document, seeds):
    capture = (seeds / document.source.provenance.capture).read_text(encoding="utf-8")
    assert verify_against_capture(document.source, capture) == []
    for clause in document.walk():
        for line in clause.text.splitlines():
            assert line in capture


def test_liujiang_check_reports_no_library_defects_and_one_missing_party_finding():
    from xuequ_rules import check_policy

    report = check_policy(load_policy("liujiang"))
    assert report.defects == ()
    assert [f.kind for f in report.document_findings].count("missing_party") == 1
