"""A policy package published outside the library runs through every surface.

``tests/thirdparty/xuequ_demo_district`` is a fictitious district's package, laid out as a
bureau would publish it (its own ``pyproject.toml`` with a ``xuequ_rules.policies`` entry
point). It declares a new collection (``safety_inspections``), new fields on the shared school
record (``boarding``, ``night_duty_staff``) and new concepts, and reuses the shared teacher
exchange collection and concept. Here it is made known to the process with
``xuequ_rules.registry.register_package`` (what the entry point does for an installed package).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from xuequ_rules import FactsError, evaluate, load_policy
from xuequ_rules.api import create_app
from xuequ_rules.cli.app import app
from xuequ_rules.policy.concepts import concept_label
from xuequ_rules.registry import register_package, unregister_package

THIRDPARTY = Path(__file__).parent / "thirdparty"
AS_OF = "2026-06-01"
FACTS: dict[str, Any] = {
    "schools": [{"id": "s1", "boarding": True, "night_duty_staff": 1},
                {"id": "s2", "boarding": False}],
    "safety_inspections": [{"id": "i1", "school": "s1", "year": 2026, "inspections": 2},
                           {"id": "i2", "school": "s2", "year": 2026, "inspections": 1}],
    "teacher_exchanges": [{"id": "t1", "eligible": 100, "rotated": 12}],
}


@pytest.fixture(scope="module", autouse=True)
def demo_district() -> Iterator[None]:
    sys.path.insert(0, str(THIRDPARTY))
    from xuequ_demo_district import PACKAGE

    register_package(PACKAGE)
    yield
    unregister_package(PACKAGE.name)
    sys.path.remove(str(THIRDPARTY))


def _statuses(findings: list[dict[str, Any]]) -> dict[tuple[str, str], str]:
    return {(f["rule"], f["record"]): f["status"] for f in findings}


def test_third_party_policy_is_evaluated_on_its_own_collection_and_extended_school_record(
        tmp_path: Path) -> None:
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(FACTS), encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "demo_district", str(path), "--as-of", AS_OF,
                                      "--json"])
    assert result.exit_code == 0, result.output
    statuses = _statuses(json.loads(result.stdout)["findings"])
    assert statuses[("demo_district.inspections", "safety_inspections[i1]")] == "satisfied"
    assert statuses[("demo_district.inspections", "safety_inspections[i2]")] == "violated"
    assert statuses[("demo_district.night_duty", "schools[s1]")] == "violated"
    assert statuses[("demo_district.night_duty", "schools[s2]")] == "not_applicable"
    assert statuses[("demo_district.rotation", "teacher_exchanges[t1]")] == "violated"


def test_a_collection_of_another_package_is_refused_naming_the_policy_whose_schema_refused_it(
        ) -> None:
    with pytest.raises(FactsError) as info:
        evaluate(load_policy("demo_district"), {"pairings": [{"id": "p"}]})
    assert "demo_district" in info.value.zh and "demo_district" in info.value.en
    assert info.value.field == "pairings"


def test_the_district_fields_are_unknown_to_a_policy_that_does_not_declare_them() -> None:
    with pytest.raises(FactsError) as info:
        evaluate(load_policy("liujiang"), {"schools": [{"id": "s1", "boarding": True}]})
    assert "liujiang" in info.value.en and info.value.field == "schools.0.boarding"


def test_a_scenario_of_shared_collections_runs_under_the_district_and_liujiang_alike() -> None:
    shared = {"teacher_exchanges": [{"id": "t1", "year": 2019, "eligible": 100, "rotated": 12}]}
    day = dt.date(2019, 6, 1)
    ours = evaluate(load_policy("demo_district"), shared, day, what_if=True)
    theirs = evaluate(load_policy("liujiang"), shared, day)
    assert [f.status.value for f in ours.for_rule("demo_district.rotation")] == ["violated"]
    assert [f.status.value for f in theirs.for_rule("liujiang.teacher_exchange.min_share")] == \
        ["satisfied"]


@pytest.mark.parametrize("engine", ["polars", "duckdb"])
def test_eval_bulk_judges_the_new_collection_in_polars_and_duckdb(tmp_path: Path,
                                                                  engine: str) -> None:
    source = tmp_path / "inspections.parquet"
    pl.DataFrame(FACTS["safety_inspections"]).write_parquet(source)
    result = CliRunner().invoke(app, ["eval-bulk", "demo_district", str(source), "--as-of",
                                      AS_OF, "--json", "--engine", engine])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["collection"] == "safety_inspections"
    counts = report["counts"]["demo_district.inspections"]
    assert (counts["satisfied"], counts["violated"]) == (1, 1)


def test_eval_bulk_reads_the_extension_fields_of_the_shared_school_record(
        tmp_path: Path) -> None:
    source = tmp_path / "schools.parquet"
    pl.DataFrame(FACTS["schools"]).write_parquet(source)
    result = CliRunner().invoke(app, ["eval-bulk", "demo_district", str(source), "--as-of",
                                      AS_OF, "--json", "-c", "schools"])
    assert result.exit_code == 0, result.output
    counts = json.loads(result.stdout)["counts"]["demo_district.night_duty"]
    assert (counts["violated"], counts["not_applicable"]) == (1, 1)


def test_schema_of_the_district_holds_its_collection_and_the_extended_school() -> None:
    result = CliRunner().invoke(app, ["schema", "facts", "demo_district"])
    assert result.exit_code == 0, result.output
    schema = json.loads(result.stdout)
    assert "safety_inspections" in schema["properties"]
    assert "boarding" in schema["$defs"]["DemoSchool"]["properties"]
    shared = json.loads(CliRunner().invoke(app, ["schema", "facts"]).stdout)
    assert "safety_inspections" not in shared["properties"]


def test_diff_with_liujiang_compares_the_shared_concept_with_its_chinese_label() -> None:
    result = CliRunner().invoke(app, ["diff", "demo_district", "liujiang", "--json",
                                      "--as-of", "2019-06-01"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    params = {p["concept"]: p for p in report["structure"]["parameters"]}
    shared = params["teacher_exchange.min_share_per_year"]
    assert shared["status"] == "changed"
    assert shared["concept_label"]["zh"] == "教师交流轮岗最低比例"
    behaviour = report["behaviour"]
    assert "teacher_exchanges" in behaviour["collections"]
    assert any(c["concept"] == "teacher_exchange.min_share_per_year" for c in behaviour["cases"])


def test_diff_says_plainly_when_two_policies_judge_no_collection_in_common() -> None:
    result = CliRunner().invoke(app, ["diff", "demo_district", "xuequ_office", "--json",
                                      "--level", "behaviour"])
    assert result.exit_code == 0, result.output
    notes = json.loads(result.stdout)["behaviour"]["notes"]
    assert any("no fact collection in common" in note for note in notes)


def test_the_api_serves_the_district_schema_and_evaluates_its_facts() -> None:
    client = TestClient(create_app())
    schema = client.get("/policies/demo_district/schema/facts")
    assert schema.status_code == 200
    assert "safety_inspections" in schema.json()["properties"]
    response = client.post(f"/policies/demo_district/evaluate?as_of={AS_OF}", json=FACTS)
    assert response.status_code == 200, response.text
    statuses = _statuses(response.json()["findings"])
    assert statuses[("demo_district.night_duty", "schools[s1]")] == "violated"
    refused = client.post("/policies/demo_district/evaluate", json={"pairings": []})
    assert refused.status_code == 422
    assert "demo_district" in refused.json()["error"]["en"]


def test_concept_labels_come_from_the_package_and_the_shared_vocabulary() -> None:
    policy = load_policy("demo_district")
    assert concept_label(policy, "school.boarding_night_duty").zh == "寄宿制学校夜间值班人数"
    assert concept_label(policy, "teacher_exchange.min_share_per_year").en == \
        "minimum yearly share of teachers rotated"


def test_the_site_generator_writes_pages_for_the_district(tmp_path: Path) -> None:
    from xuequ_rules.sitegen import collect_entries, generate_pages, write_sources

    entries, broken = collect_entries()
    assert "demo_district" not in broken
    pages, _ = generate_pages(entries, broken)
    assert any("demo_district" in page.path for page in pages)
    _, written, problems = write_sources(tmp_path / "src", tmp_path / "site")
    assert not [p for p in problems if "demo_district" in p]
    assert any("demo_district" in page.path for page in written)
