"""The xuequ command line, as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def xuequ(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "xuequ_rules", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)


def test_list_json_gives_name_version_title_and_number():
    result = xuequ("list", "--json")
    assert result.returncode == 0, result.stderr
    rows = {row["name"]: row for row in json.loads(result.stdout)}
    assert rows["liujiang"]["version"] == "2018"
    assert rows["liujiang"]["doc_number"] == "江政规〔2018〕1号"
    assert "学区制" in rows["liujiang"]["title"]


def test_show_json_gives_metadata_errata_clauses_parameters_rules():
    result = xuequ("show", "liujiang", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    clauses = {c["id"]: c for c in data["clauses"]}
    assert "10%" in clauses["三/(四)/3"]["text"]
    assert data["errata"] and data["metadata"]["doc_number"]["normalized"] == "江政规〔2018〕1号"
    params = {p["id"]: p for p in data["parameters"]}
    assert params["liujiang.teacher_exchange.min_share"]["unit"] == "ratio"
    assert params["liujiang.teacher_exchange.min_share"]["citations"][0]["clause"] == "三/(四)/3"
    rules = {r["id"]: r for r in data["rules"]}
    assert rules["liujiang.teacher_exchange.min_share"]["modality"] == "obligation"
    assert {"clause", "quote"} <= set(rules["liujiang.teacher_exchange.min_share"]
                                      ["citations"][0])


def test_show_one_clause_by_id():
    result = xuequ("show", "liujiang@2018", "--clause", "三/(四)/3")
    assert result.returncode == 0 and "12%" in result.stdout


def test_eval_json_findings_with_rule_status_explanation_citations(tmp_path):
    facts = tmp_path / "facts.yaml"
    facts.write_text("teacher_exchanges:\n  - {id: '2019', eligible: 100, rotated: 9}\n",
                     encoding="utf-8")
    result = xuequ("eval", "liujiang", str(facts), "--as-of", "2019-12-31", "--json")
    assert result.returncode == 0, result.stderr
    findings = json.loads(result.stdout)["findings"]
    rotation = [f for f in findings if f["rule"] == "liujiang.teacher_exchange.min_share"]
    assert rotation[0]["status"] == "violated"
    assert rotation[0]["explanation"]["zh"] and rotation[0]["citations"][0]["clause"]


def test_eval_fail_on_violation_exits_1(tmp_path):
    facts = tmp_path / "facts.json"
    facts.write_text('{"teacher_exchanges": [{"id": "a", "eligible": 100, "rotated": 1}]}',
                     encoding="utf-8")
    result = xuequ("eval", "liujiang", str(facts), "--as-of", "2019-12-31", "--json",
                   "--fail-on-violation")
    assert result.returncode == 1


def test_eval_invalid_facts_exit_2_with_one_bilingual_line(tmp_path):
    facts = tmp_path / "facts.json"
    facts.write_text('{"teacher_exchanges": [{"id": "a", "eligible": -3}]}', encoding="utf-8")
    result = xuequ("eval", "liujiang", str(facts))
    assert result.returncode == 2
    assert "teacher_exchanges.0.eligible" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_unknown_policy_exit_2_bilingual():
    result = xuequ("show", "liujang")
    assert result.returncode == 2
    assert "没有名为" in result.stderr and "no policy named" in result.stderr
    assert "liujiang" in result.stderr


def test_unknown_clause_exit_2_bilingual():
    result = xuequ("show", "liujiang", "--clause", "九/(九)")
    assert result.returncode == 2 and "has no clause" in result.stderr


def test_check_json_separates_library_defects_from_document_findings():
    result = xuequ("check", "liujiang", "--json")
    assert result.returncode == 0, result.stdout + result.stderr
    (report,) = json.loads(result.stdout)
    assert report["defects"] == []
    kinds = {f["kind"] for f in report["document_findings"]}
    assert {"phase_overlap", "dated_after_phase"} <= kinds


def test_schema_facts_is_json_schema():
    result = xuequ("schema", "facts")
    assert result.returncode == 0
    assert "teacher_exchanges" in json.loads(result.stdout)["properties"]
