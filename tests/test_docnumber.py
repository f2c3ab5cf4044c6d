import pytest

from xuequ_rules.document.docnumber import parse_doc_number
from xuequ_rules.errors import SourceError


def test_doc_number_parses_issuer_year_and_sequence():
    number = parse_doc_number("江政规〔2018〕1号")
    assert (number.issuer_code, number.year, number.sequence) == ("江政规", 2018, 1)
    assert number.normalized == "江政规〔2018〕1号"


def test_doc_number_with_lost_closing_bracket_reads_four_digit_year():
    number = parse_doc_number("桂政办发〔2016168号")
    assert (number.issuer_code, number.year, number.sequence) == ("桂政办发", 2016, 168)
    assert number.normalized == "桂政办发〔2016〕168号"
    assert number.as_captured == "桂政办发〔2016168号"


def test_doc_number_with_stray_space_before_hao():
    assert parse_doc_number("紫办字〔2024〕98 号").normalized == "紫办字〔2024〕98号"


@pytest.mark.parametrize("text", ["", "江政规", "〔2018〕1号", "通知"])
def test_malformed_doc_number_is_a_bilingual_error(text):
    with pytest.raises(SourceError) as info:
        parse_doc_number(text)
    assert "文号" in info.value.zh and "document number" in info.value.en
