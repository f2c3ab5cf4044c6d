"""Lifecycle: a draft never took effect; a plan judges only records dated within its period.

Every policy version states its status and period with the clause it comes from, or carries
a finding that its text states none. Outside force, findings are ``not_in_force``
(未生效 / 已失效), never plain ``violated``; a what-if evaluation says so on every finding.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

from xuequ_rules import Status, evaluate, load_policy, packages
from xuequ_rules.document.metadata import DocumentStatus, StatusState
from xuequ_rules.engines import durable_backend as durable
from xuequ_rules.engines.polars_backend import evaluate_frame, polars_schema
from xuequ_rules.engines.sql_backend import evaluate_duckdb
from xuequ_rules.evaluation.lifecycle import Force

ROOT = Path(__file__).resolve().parents[1]
MIN_SHARE = "liujiang.teacher_exchange.min_share"
TODAY = dt.date(2026, 12, 1)


@pytest.fixture(scope="module")
def liujiang():
    return load_policy("liujiang")


def exchanges(*years: int | None) -> dict:
    return {"teacher_exchanges": [{"id": f"r{year}", "year": year, "eligible": 100,
                                   "rotated": 1} for year in years]}


def xuequ(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "xuequ_rules", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)


# ── status and period, per policy version ─────────────────────────────────────────
def test_every_shipped_policy_cites_its_period_or_has_a_finding_that_the_text_states_none():
    for name in packages():
        policy = load_policy(name)
        validity = policy.validity
        assert validity is not None, name
        assert validity.cites or validity.none_stated is not None, name
        if validity.none_stated is not None:
            assert validity.none_stated in policy.document_findings, name
            assert validity.none_stated.kind == "no_validity"


def test_liujiang_lapse_is_read_from_phase_3_of_its_schedule(liujiang):
    assert liujiang.document.metadata.status.state is StatusState.LAPSED
    assert (liujiang.valid_from, liujiang.valid_until) == (dt.date(2018, 1, 25),
                                                           dt.date(2020, 8, 31))
    assert liujiang.validity is not None
    quotes = [c.quote for c in liujiang.validity.cites]
    assert "第三阶段:组织实施、整改提升阶段。(2018 1 月至2020 8月)" in quotes
    phase_3 = next(p for p in liujiang.phases if p.id == "liujiang.phase.3")
    assert phase_3.end == liujiang.valid_until


def test_the_status_expired_is_read_as_lapsed():
    assert DocumentStatus.model_validate({"state": "expired"}).state is StatusState.LAPSED


# ── Liujiang: records dated after the schedule ended ──────────────────────────────
def test_liujiang_2021_teacher_exchange_record_is_not_in_force_after_schedule_ended_2020_08(
        liujiang):
    result = evaluate(liujiang, exchanges(2019, 2021), as_of=TODAY)
    by_record = {f.record: f for f in result.for_rule(MIN_SHARE)}
    assert by_record["teacher_exchanges[r2019]"].status is Status.VIOLATED
    late = by_record["teacher_exchanges[r2021]"]
    assert late.status is Status.NOT_IN_FORCE and late.force is Force.ENDED
    assert late.label == ("已失效", "no longer in force")
    assert "2020-08-31" in late.reason.zh
    assert not [f for f in result.findings if f.status is Status.VIOLATED
                and f.record == "teacher_exchanges[r2021]"]


def test_liujiang_record_of_2020_is_judged_as_the_schedule_runs_to_august(liujiang):
    (finding,) = evaluate(liujiang, exchanges(2020), as_of=TODAY).for_rule(MIN_SHARE)
    assert finding.status is Status.VIOLATED


def test_liujiang_record_of_2017_is_not_yet_in_force(liujiang):
    (finding,) = evaluate(liujiang, exchanges(2017), as_of=TODAY).for_rule(MIN_SHARE)
    assert finding.status is Status.NOT_IN_FORCE and finding.force is Force.NOT_YET
    assert finding.label[0] == "未生效"


def test_liujiang_undated_record_is_judged_at_the_evaluation_date(liujiang):
    facts = exchanges(None)
    (inside,) = evaluate(liujiang, facts, as_of=dt.date(2019, 6, 1)).for_rule(MIN_SHARE)
    (after,) = evaluate(liujiang, facts, as_of=TODAY).for_rule(MIN_SHARE)
    assert inside.status is Status.VIOLATED
    assert after.status is Status.NOT_IN_FORCE and after.force is Force.ENDED


def test_liujiang_with_2021_facts_gives_no_plain_violated(liujiang):
    facts = {**exchanges(2021),
             "district_indicators": [{"id": "d", "year": 2021, "education_groups_primary": 0}]}
    result = evaluate(liujiang, facts, as_of=TODAY)
    assert result.findings and not result.by_status(Status.VIOLATED)


def test_what_if_evaluation_of_lapsed_liujiang_judges_2021_and_marks_it(liujiang):
    result = evaluate(liujiang, exchanges(2021), as_of=TODAY, what_if=True)
    (finding,) = result.for_rule(MIN_SHARE)
    assert finding.status is Status.VIOLATED and finding.what_if
    assert all(f.what_if for f in result.findings)
    assert result.as_dict()["lifecycle"]["what_if"] is True


# ── every engine decides the policy's force alike ──────────────────────────────────
def test_engines_agree_on_liujiang_records_before_during_and_after_its_period(liujiang):
    years = [2017, 2018, 2020, 2021, None]
    rows = [{"id": f"r{y}", "year": y, "eligible": 100, "rotated": 1, "backbone_rotated": 0}
            for y in years]
    frame = pl.DataFrame(rows, schema=polars_schema("teacher_exchanges"))
    facts = {"teacher_exchanges": [{k: v for k, v in r.items() if v is not None} for r in rows]}
    for as_of in (dt.date(2019, 6, 1), TODAY, dt.date(2017, 6, 1)):
        reference = [f.status.value for f in evaluate(liujiang, facts, as_of)
                     .for_rule(MIN_SHARE)]
        assert [str(v) for v in evaluate_frame(liujiang, "teacher_exchanges", frame, as_of)
                [MIN_SHARE].to_list()] == reference
        assert [str(v) for v in evaluate_duckdb(liujiang, "teacher_exchanges", frame, as_of)
                [MIN_SHARE].to_list()] == reference
        assert durable.evaluate(liujiang, facts, as_of).as_dict() == \
            evaluate(liujiang, facts, as_of).as_dict()
    assert reference == ["not_in_force", "violated", "violated", "not_in_force",
                         "not_in_force"]


def test_engines_mark_every_guilin_draft_finding_not_in_force():
    guilin = load_policy("guilin")
    facts = {"zones": [{"id": "z1", "form": "urban_rural_assistance",
                        "schools": [f"s{i}" for i in range(11)]}]}
    expected = evaluate(guilin, facts, dt.date(2018, 3, 1))
    assert {f.status for f in expected.findings} == {Status.NOT_IN_FORCE}
    assert durable.evaluate(guilin, facts, dt.date(2018, 3, 1)).as_dict() == expected.as_dict()
    frame = pl.DataFrame(facts["zones"], schema=polars_schema("zones"))
    statuses = evaluate_frame(guilin, "zones", frame, dt.date(2018, 3, 1))
    zone_rules = [r.id for r in guilin.rules if r.subject == "zones"]
    assert zone_rules and {str(statuses[r][0]) for r in zone_rules} == {"not_in_force"}


# ── command line and web API ──────────────────────────────────────────────────────
def _zone_facts(tmp_path: Path) -> Path:
    facts = tmp_path / "zones.json"
    facts.write_text(json.dumps({"zones": [{"id": "z1", "form": "urban_rural_assistance",
                                            "schools": [f"s{i}" for i in range(11)]}]}),
                     encoding="utf-8")
    return facts


def test_cli_eval_guilin_states_that_the_draft_never_took_effect(tmp_path):
    facts = _zone_facts(tmp_path)
    text = xuequ("eval", "guilin", str(facts), "--as-of", "2018-03-01")
    assert text.returncode == 0, text.stderr
    assert "从未生效" in text.stdout and "never took effect" in text.stdout
    assert "不符合" not in text.stdout
    data = json.loads(xuequ("eval", "guilin", str(facts), "--as-of", "2018-03-01",
                            "--json").stdout)
    assert data["counts"]["violated"] == 0 and data["counts"]["not_in_force"] > 0
    assert data["lifecycle"]["state"] == "draft"


def test_cli_eval_what_if_marks_every_guilin_finding(tmp_path):
    facts = _zone_facts(tmp_path)
    data = json.loads(xuequ("eval", "guilin", str(facts), "--as-of", "2018-03-01", "--json",
                            "--what-if").stdout)
    assert data["findings"] and all(f["what_if"] for f in data["findings"])
    assert data["counts"]["violated"] >= 1
    text = xuequ("eval", "guilin", str(facts), "--as-of", "2018-03-01", "--what-if")
    assert "假设评估（文件未生效/已失效）" in text.stdout and "what-if" in text.stdout


def test_api_evaluate_guilin_is_not_in_force_unless_what_if_is_asked():
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from xuequ_rules.api import create_app

    client = TestClient(create_app())
    body = {"zones": [{"id": "z1", "form": "urban_rural_assistance",
                       "schools": [f"s{i}" for i in range(11)]}]}
    plain = client.post("/policies/guilin/evaluate", params={"as_of": "2018-03-01"}, json=body)
    assert plain.status_code == 200, plain.text
    data = plain.json()
    assert {f["status"] for f in data["findings"]} == {"not_in_force"}
    assert data["lifecycle"]["statement"]["en"].startswith("this draft never took effect")
    what_if = client.post("/policies/guilin/evaluate",
                          params={"as_of": "2018-03-01", "what_if": "true"}, json=body)
    assert what_if.status_code == 200, what_if.text
    findings = what_if.json()["findings"]
    assert all(f["what_if"] for f in findings)
    assert "violated" in {f["status"] for f in findings}


def test_what_if_in_polars_and_duckdb_judges_liujiang_2021_like_the_reference(liujiang):
    rows = [{"id": "r2021", "year": 2021, "eligible": 100, "rotated": 1, "backbone_rotated": 0}]
    frame = pl.DataFrame(rows, schema=polars_schema("teacher_exchanges"))
    (expected,) = evaluate(liujiang, {"teacher_exchanges": rows}, TODAY,
                           what_if=True).for_rule(MIN_SHARE)
    assert expected.status is Status.VIOLATED
    for run in (evaluate_frame, evaluate_duckdb):
        assert run(liujiang, "teacher_exchanges", frame, TODAY,
                   what_if=True)[MIN_SHARE].to_list() == ["violated"]
        assert run(liujiang, "teacher_exchanges", frame, TODAY)[MIN_SHARE].to_list() == \
            ["not_in_force"]
    assert durable.evaluate(liujiang, {"teacher_exchanges": rows}, TODAY,
                            what_if=True).as_dict() == \
        evaluate(liujiang, {"teacher_exchanges": rows}, TODAY, what_if=True).as_dict()


def test_cli_eval_bulk_marks_2021_liujiang_rows_not_in_force_unless_what_if(tmp_path):
    table = tmp_path / "exchanges.csv"
    table.write_text("id,year,eligible,rotated\nr2019,2019,100,1\nr2021,2021,100,1\n",
                     encoding="utf-8")
    plain = xuequ("eval-bulk", "liujiang", str(table), "--as-of", "2026-12-01", "--json")
    assert plain.returncode == 0, plain.stderr
    counts = json.loads(plain.stdout)["counts"][MIN_SHARE]
    assert (counts["violated"], counts["not_in_force"]) == (1, 1)
    what_if = xuequ("eval-bulk", "liujiang", str(table), "--as-of", "2026-12-01", "--json",
                    "--what-if", "--engine", "duckdb")
    assert what_if.returncode == 0, what_if.stderr
    report = json.loads(what_if.stdout)
    assert report["what_if"] is True
    assert (report["counts"][MIN_SHARE]["violated"],
            report["counts"][MIN_SHARE]["not_in_force"]) == (2, 0)


def test_the_status_dates_of_each_document_agree_with_its_policy_period():
    for name in packages():
        policy = load_policy(name)
        status = policy.document.metadata.status
        if status.since is not None:
            assert policy.valid_from == status.since, name
        if status.until is not None:
            assert policy.valid_until == status.until, name


def test_check_reports_a_policy_that_does_not_say_where_its_validity_comes_from():
    import dataclasses

    from xuequ_rules.consistency import check_policy

    policy = load_policy("ziyang")
    assert "lifecycle_unstated" not in {d.kind for d in check_policy(policy).defects}
    bare = dataclasses.replace(policy, validity=None)
    assert "lifecycle_unstated" in {d.kind for d in check_policy(bare).defects}
