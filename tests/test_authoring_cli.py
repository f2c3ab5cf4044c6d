"""The authoring commands and the refusals a new author meets: xuequ new / test / schema,
a case file given to eval, dates, quotes, clause ids and broken packages."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from xuequ_rules import registry
from xuequ_rules.document.metadata import DocumentMetadata
from xuequ_rules.document.source import load_model
from xuequ_rules.errors import CitationError, SourceError, UnknownPolicyError
from xuequ_rules.policy.citation import Cite
from xuequ_rules.policy.parameter import Parameter
from xuequ_rules.policy.policy import Policy
from xuequ_rules.policy.units import Unit
from xuequ_rules.registry import load_policy
from xuequ_rules.text import zh_en

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "policies" / "liujiang" / "cases"


def xuequ(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "xuequ_rules", *args], capture_output=True,
                          text=True, check=False)


def test_eval_given_a_case_file_says_so_and_points_at_xuequ_test():
    run = xuequ("eval", "liujiang", str(CASES / "zones.yaml"))
    assert run.returncode == 2
    assert "case file" in run.stderr and "xuequ test" in run.stderr


def test_xuequ_test_runs_a_policys_cases_and_passes():
    run = xuequ("test", "liujiang", "--json")
    assert run.returncode == 0, run.stderr
    results = json.loads(run.stdout)
    assert len(results) == len(list(CASES.glob("*.yaml"))) and all(r["passed"] for r in results)


def test_xuequ_test_reports_a_failed_expectation_and_exits_1(tmp_path):
    case = (CASES / "rotation.yaml").read_text(encoding="utf-8")
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text(case.replace("status: violated", "status: satisfied"), encoding="utf-8")
    assert wrong.read_text() != case
    run = xuequ("test", str(wrong))
    assert run.returncode == 1
    assert "FAIL" in run.stdout and "expected satisfied" in run.stdout


@pytest.mark.parametrize("what", ["document", "provenance", "errata", "case", "facts"])
def test_schema_is_given_for_every_file_an_author_writes(what):
    run = xuequ("schema", what)
    assert run.returncode == 0, run.stderr
    schema = json.loads(run.stdout)
    assert schema["$schema"].startswith("https://json-schema.org/")


def test_document_schema_asks_dates_as_yyyy_mm_dd_and_numbers_as_text():
    schema = json.loads(xuequ("schema", "document").stdout)
    dates = schema["$defs"]["DocumentDates"]["properties"]["written"]
    assert {"type": "string", "format": "date"} in dates["anyOf"]
    assert schema["properties"]["doc_number"]["anyOf"][0]["type"] == "string"


def test_unknown_schema_is_refused_listing_the_formats():
    run = xuequ("schema", "rules")
    assert run.returncode == 2 and "document" in run.stderr


def test_document_yaml_date_written_without_dashes_is_refused_with_write_yyyy_mm_dd(tmp_path):
    source = (ROOT / "policies" / "liujiang" / "document.yaml").read_text(encoding="utf-8")
    path = tmp_path / "document.yaml"
    path.write_text(source.replace("written: 2018-01-25", "written: 20171229"), encoding="utf-8")
    with pytest.raises(SourceError, match="write YYYY-MM-DD") as error:
        load_model(DocumentMetadata, path)
    assert error.value.field == "document.yaml:dates.written"


def _policy_citing(clause: str, quote: str) -> Policy:
    document = load_policy("liujiang").document
    param = Parameter(id="x.share", value=Decimal("0.10"), unit=Unit.RATIO,
                      label=zh_en("比例", "share"), cites=(Cite(clause, quote),))
    return Policy(name="x", version="1", document=document, parameters=(param,), rules=())


def test_quote_typed_with_full_width_comma_is_refused_with_the_nearest_passage_and_the_hint():
    with pytest.raises(CitationError) as error:
        _policy_citing("三/(四)/3", "教师总数的10%，其中")
    message = error.value.en
    assert "full-width / half-width punctuation" in message
    assert "教师总数的10%,其中" in message


def test_quote_with_a_space_the_capture_lacks_is_refused_with_the_space_hint():
    with pytest.raises(CitationError, match="a space is lost or added"):
        _policy_citing("三/(四)/3", "不低于符合交流条件 教师总数的10%")


def test_unknown_clause_in_a_cite_suggests_close_clause_ids():
    with pytest.raises(CitationError, match=r"close matches: .*三/\(四\)/3"):
        _policy_citing("三/(四)/33", "10%")


@dataclass
class _Dist:
    name: str


@dataclass
class _Entry:
    name: str
    target: object
    dist: _Dist

    def load(self) -> object:
        if isinstance(self.target, Exception):
            raise self.target
        return self.target


@pytest.fixture
def fake_entry_points(monkeypatch):
    def install(entries):
        monkeypatch.setattr(registry, "entry_points", lambda group: entries)
        registry._discover.cache_clear()
        registry._installed.cache_clear()
    yield install
    registry._discover.cache_clear()
    registry._installed.cache_clear()


def test_a_package_without_its_data_is_reported_in_one_line_and_the_others_still_load(
        fake_entry_points, tmp_path):
    good = registry.package("liujiang")
    missing = type(good)(name="empty", root=tmp_path, builders={})
    fake_entry_points([_Entry("liujiang", good, _Dist("xuequ-rules")),
                       _Entry("empty", missing, _Dist("xuequ-policy-empty"))])
    assert list(registry.packages()) == ["liujiang"]
    problem = registry.broken_packages()["empty"]
    assert "\n" not in problem and problem.startswith("xuequ-policy-empty:")
    assert "document.yaml" in problem
    assert registry.load_policy("liujiang").name == "liujiang"


def test_two_distributions_registering_one_name_is_an_error_naming_both(fake_entry_points):
    good = registry.package("liujiang")
    fake_entry_points([_Entry("liujiang", good, _Dist("xuequ-rules")),
                       _Entry("liujiang", good, _Dist("xuequ-policy-copy"))])
    assert "liujiang" not in registry.packages()
    assert "xuequ-rules" in registry.broken_packages()["liujiang"]
    assert "xuequ-policy-copy" in registry.broken_packages()["liujiang"]
    with pytest.raises(UnknownPolicyError, match="xuequ-policy-copy"):
        registry.load_policy("liujiang")


def test_loading_one_policy_loads_no_other_package(fake_entry_points):
    good = registry.package("liujiang")
    fake_entry_points([_Entry("nantong", RuntimeError("nantong was loaded"), _Dist("other")),
                       _Entry("liujiang", good, _Dist("xuequ-rules"))])
    assert registry.load_policy("liujiang").name == "liujiang"
    assert "nantong was loaded" in registry.broken_packages()["nantong"]   # listing loads all


def test_an_entry_point_naming_a_package_of_another_name_is_reported_not_loaded(
        fake_entry_points):
    good = registry.package("liujiang")
    fake_entry_points([_Entry("liujiang", good, _Dist("xuequ-rules")),
                       _Entry("copy", good, _Dist("xuequ-policy-copy"))])
    assert list(registry.packages()) == ["liujiang"]
    assert "'copy' points at package 'liujiang'" in registry.broken_packages()["copy"]
    assert registry.load_policy("liujiang").name == "liujiang"


def test_an_entry_point_named_unlike_its_package_is_refused(
        fake_entry_points):
    good = registry.package("liujiang")
    fake_entry_points([_Entry("liujiang", good, _Dist("xuequ-rules")),
                       _Entry("copy", good, _Dist("xuequ-policy-copy"))])
    assert registry._installed("copy") is None
    assert "entry point 'copy' points at package 'liujiang'" in registry.broken_packages()["copy"]
    with pytest.raises(UnknownPolicyError, match="copy"):
        registry.package("copy")
    assert registry.package("liujiang") is good      # the misnamed copy is no clash


def test_pytest_plugin_runs_a_packages_case_files_and_reports_the_failed_expectation(tmp_path):
    cases = tmp_path / "cases"
    cases.mkdir()
    case = (CASES / "rotation.yaml").read_text(encoding="utf-8")
    (cases / "right.yaml").write_text(case, encoding="utf-8")
    (cases / "wrong.yaml").write_text(case.replace("status: violated", "status: satisfied"),
                                      encoding="utf-8")
    (tmp_path / "pytest.ini").write_text("[pytest]\nxuequ_cases = true\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
                         cwd=tmp_path, capture_output=True, text=True, check=False)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "1 failed, 1 passed" in run.stdout
    assert "expected satisfied, 实际 got violated" in run.stdout


def test_new_from_the_tutorial_capture_reports_what_it_proposed(tmp_path):
    capture = ROOT / "tests" / "authoring" / "caoxian-page.txt"
    run = xuequ("new", "xiaoxue", "--capture", str(capture), "--out", str(tmp_path / "x"),
                "--json")
    assert run.returncode == 0, run.stderr
    summary = json.loads(run.stdout)
    assert summary["title"] == "曹县师范学校附属小学学生管理制度"
    assert summary["issuers"] == ["曹县师范学校附属小学"]
    assert summary["removed"] == [[1, 2]]
    assert summary["parameters"] >= 10 and summary["duties"] >= 10


def test_new_refuses_a_line_range_outside_the_capture(tmp_path):
    capture = ROOT / "tests" / "authoring" / "caoxian-page.txt"
    run = xuequ("new", "xiaoxue", "--capture", str(capture), "--out", str(tmp_path / "x"),
                "--lines", "5-500")
    assert run.returncode == 2 and "outside the capture" in run.stderr
