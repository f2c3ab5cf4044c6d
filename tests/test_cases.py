"""Run every YAML case file shipped with the policies and the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from xuequ_rules.cases import case_schema, load_case, run_case

ROOT = Path(__file__).resolve().parents[1]
CASES = sorted([*ROOT.glob("policies/*/cases/*.yaml"), *ROOT.glob("tests/cases/*.yaml")])


def test_case_files_exist():
    assert CASES


@pytest.mark.parametrize("path", CASES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_case_file_findings_match_expectations(path):
    result = run_case(path)
    assert result.passed, result.failures


def test_case_schema_is_json_schema_of_the_case_format():
    schema = case_schema()
    assert set(schema["required"]) >= {"policy", "as_of", "facts", "expect"}


def test_broken_case_file_names_the_field(tmp_path):
    from xuequ_rules import FactsError

    path = tmp_path / "broken.yaml"
    path.write_text("policy: liujiang\nas_of: not-a-date\nfacts: {}\nexpect: []\n",
                    encoding="utf-8")
    with pytest.raises(FactsError) as info:
        load_case(path)
    assert info.value.field == "as_of"


def test_yaml_case_with_python_tags_is_not_executed(tmp_path):
    from xuequ_rules import FactsError

    path = tmp_path / "evil.yaml"
    path.write_text("!!python/object/apply:os.system ['echo pwned']\n", encoding="utf-8")
    with pytest.raises(FactsError):
        load_case(path)
