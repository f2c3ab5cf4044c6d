"""The web API, as a client uses it (FastAPI's TestClient, in process)."""

from __future__ import annotations

import datetime as dt
import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient

from xuequ_rules import evaluate, load_policy
from xuequ_rules.api import create_app
from xuequ_rules.facts.schema import Facts

ROOT = Path(__file__).resolve().parents[1]
MIN_SHARE = "liujiang.teacher_exchange.min_share"


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app())


def _error(response) -> dict:
    body = response.json()
    assert set(body) == {"error"}, body
    assert set(body["error"]) == {"field", "zh", "en"}, body
    assert body["error"]["zh"] and body["error"]["en"]
    assert "Traceback" not in response.text
    return body["error"]


def _rotation(client: TestClient, rotated: int, eligible: int = 100) -> dict:
    response = client.post("/policies/liujiang/evaluate", params={"as_of": "2019-12-31"},
                           json={"teacher_exchanges": [{"id": "2019", "eligible": eligible,
                                                        "rotated": rotated}]})
    assert response.status_code == 200, response.text
    [finding] = [f for f in response.json()["findings"] if f["rule"] == MIN_SHARE]
    return finding


# --- GET /policies ------------------------------------------------------------------------

def test_get_policies_lists_every_installed_version_with_ref_title_and_number(client):
    response = client.get("/policies")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    rows = {row["ref"]: row for row in response.json()}
    assert {"liujiang@2018", "ziyang@2024", "nantong@2013", "caoxian@capture-1"} <= set(rows)
    assert rows["liujiang@2018"]["doc_number"] == "江政规〔2018〕1号"
    assert rows["liujiang@2018"]["current"] is True
    assert "学区制" in rows["liujiang@2018"]["title"]


def test_get_policies_is_the_same_data_as_xuequ_list_json(client):
    cli = subprocess.run([sys.executable, "-m", "xuequ_rules", "list", "--json"],
                         capture_output=True, text=True, cwd=ROOT, timeout=120, check=True)
    assert client.get("/policies").json() == json.loads(cli.stdout)


# --- GET /policies/{ref} ------------------------------------------------------------------

def test_get_policy_gives_metadata_doc_number_errata_provenance_and_links(client):
    data = client.get("/policies/liujiang").json()
    assert data["ref"] == "liujiang@2018" and data["current_version"] == "2018"
    assert data["metadata"]["doc_number"]["normalized"] == "江政规〔2018〕1号"
    assert data["metadata"]["issuers"]
    assert data["errata"] and {"captured", "corrected"} <= set(data["errata"][0])
    assert data["provenance"]
    assert data["counts"]["parameters"] > 0 and data["counts"]["rules"] > 0
    assert data["links"]["evaluate"] == "/policies/liujiang@2018/evaluate"


def test_get_policy_by_name_at_version_is_that_version(client):
    data = client.get("/policies/caoxian@capture-2").json()
    assert data["version"] == "capture-2" and "capture-1" in data["versions"]


def test_unknown_policy_is_404_with_a_bilingual_error_naming_the_field(client):
    response = client.get("/policies/liujang")
    assert response.status_code == 404
    error = _error(response)
    assert error["field"] == "policy"
    assert "liujiang" in error["en"]              # did you mean …
    assert "没有名为" in error["zh"]


def test_unknown_version_of_a_known_policy_is_404(client):
    response = client.get("/policies/liujiang@1999")
    assert response.status_code == 404
    assert _error(response)["field"] == "version"


# --- clauses ------------------------------------------------------------------------------

def test_clauses_lists_every_clause_in_document_order(client):
    clauses = client.get("/policies/liujiang/clauses").json()
    ids = [c["id"] for c in clauses]
    assert ids == list(load_policy("liujiang").document.ids)
    assert ids.index("三") < ids.index("三/(四)") < ids.index("三/(四)/3")


def test_clause_by_its_path_id_gives_the_verbatim_text_and_children(client):
    response = client.get("/policies/liujiang@2018/clauses/三/(四)/3")
    assert response.status_code == 200
    clause = response.json()
    assert clause["id"] == "三/(四)/3" and clause["parent"] == "三/(四)"
    assert clause["global_id"] == "liujiang@2018#三/(四)/3"
    assert "10%" in clause["text"] and "12%" in clause["full_text"]
    section = client.get("/policies/liujiang/clauses/三/(四)").json()
    assert "三/(四)/3" in section["children"]


def test_clause_id_may_be_percent_encoded(client):
    response = client.get("/policies/liujiang/clauses/%E4%B8%89%2F(%E5%9B%9B)%2F3")
    assert response.status_code == 200 and response.json()["id"] == "三/(四)/3"


def test_unknown_clause_is_404_with_close_matches(client):
    response = client.get("/policies/liujiang/clauses/三/(四)/9")
    assert response.status_code == 404
    error = _error(response)
    assert error["field"] == "clause" and "三/(四)" in error["en"]


# --- parameters and rules -----------------------------------------------------------------

def test_parameters_carry_value_unit_and_the_clause_they_cite(client):
    params = {p["id"]: p for p in client.get("/policies/liujiang/parameters").json()}
    share = params[MIN_SHARE]
    assert share["unit"] == "ratio" and share["value"] in ("0.1", "0.10", "1/10", "10%")
    assert share["citations"][0]["clause"] == "三/(四)/3"


def test_rules_carry_modality_subject_rendering_and_citations(client):
    rules = {r["id"]: r for r in client.get("/policies/liujiang/rules").json()}
    rule = rules[MIN_SHARE]
    assert rule["modality"] == "obligation" and rule["subject"] == "teacher_exchanges"
    assert rule["requires"]["zh"] and rule["citations"][0]["quote"]


# --- POST /policies/{ref}/evaluate --------------------------------------------------------

def test_evaluate_rotation_of_exactly_10_percent_is_satisfied(client):
    assert _rotation(client, 10)["status"] == "satisfied"


def test_evaluate_rotation_just_below_10_percent_is_violated_with_explanation(client):
    finding = _rotation(client, 9)
    assert finding["status"] == "violated"
    assert finding["explanation"]["zh"] and finding["explanation"]["en"]
    assert finding["citations"][0]["clause"] == "三/(四)/3"


def test_evaluate_without_eligible_teachers_is_undetermined(client):
    response = client.post("/policies/liujiang/evaluate", params={"as_of": "2019-12-31"},
                           json={"teacher_exchanges": [{"id": "2019", "rotated": 9}]})
    [finding] = [f for f in response.json()["findings"] if f["rule"] == MIN_SHARE]
    assert finding["status"] == "undetermined"


def test_evaluate_gives_exactly_the_library_evaluation(client):
    facts = {"teacher_exchanges": [{"id": "2019", "eligible": 70, "rotated": 7,
                                    "backbone_rotated": 1}]}
    response = client.post("/policies/liujiang@2018/evaluate?as_of=2019-12-31", json=facts)
    expected = evaluate(load_policy("liujiang"), facts, as_of=dt.date(2019, 12, 31)).as_dict()
    assert response.json() == json.loads(json.dumps(expected, ensure_ascii=False))


def test_evaluate_invalid_facts_is_422_naming_the_field_in_chinese_and_english(client):
    response = client.post("/policies/liujiang/evaluate",
                           json={"teacher_exchanges": [{"id": "2019", "eligible": -1}]})
    assert response.status_code == 422
    error = _error(response)
    assert error["field"] == "teacher_exchanges.0.eligible"
    assert "不能为负" in error["zh"] and "greater than or equal" in error["en"]


def test_evaluate_unknown_fact_field_is_422(client):
    response = client.post("/policies/liujiang/evaluate", json={"teachers": []})
    assert response.status_code == 422 and _error(response)["field"] == "teachers"


@pytest.mark.parametrize("body", [b"", b"   ", b"[1, 2]", b"42", b"null", b'"facts"',
                                  b"{not json", b"\xff\xfe\x00", b"[" * 100_000])
def test_evaluate_body_that_is_not_a_facts_object_is_422(client, body):
    response = client.post("/policies/liujiang/evaluate", content=body,
                           headers={"content-type": "application/json"})
    assert response.status_code == 422
    _error(response)


def test_evaluate_bad_as_of_date_is_422_naming_as_of(client):
    response = client.post("/policies/liujiang/evaluate?as_of=2019-13-45", json={})
    assert response.status_code == 422 and _error(response)["field"] == "as_of"


def test_evaluate_unknown_policy_is_404_before_the_facts_are_looked_at(client):
    response = client.post("/policies/nowhere/evaluate", json={"x": 1})
    assert response.status_code == 404


def test_evaluate_body_over_the_size_limit_is_413_with_a_bilingual_message():
    small = TestClient(create_app(max_body_bytes=1000))
    response = small.post("/policies/liujiang/evaluate",
                          json={"jurisdiction": "x" * 2000})
    assert response.status_code == 413
    error = _error(response)
    assert "1000" in error["zh"] and "1000" in error["en"] and error["field"] == "body"


def test_chunked_body_over_the_size_limit_is_413_too():
    small = TestClient(create_app(max_body_bytes=1000))

    def chunks():
        for _ in range(10):
            yield b" " * 500

    response = small.post("/policies/liujiang/evaluate", content=chunks(),
                          headers={"content-type": "application/json"})
    assert response.status_code == 413
    _error(response)


def test_body_at_the_size_limit_is_accepted():
    body = json.dumps({"jurisdiction": "柳江"}, ensure_ascii=False).encode()
    exact = TestClient(create_app(max_body_bytes=len(body)))
    response = exact.post("/policies/liujiang/evaluate?as_of=2019-12-31", content=body,
                          headers={"content-type": "application/json"})
    assert response.status_code == 200


# --- check, diff, schema ------------------------------------------------------------------

def test_check_reports_no_library_defects_and_the_document_findings(client):
    report = client.get("/policies/liujiang/check").json()
    assert report["ok"] is True and report["defects"] == []
    assert report["document_findings"]


def test_diff_of_two_districts_gives_text_structure_and_behaviour(client):
    response = client.get("/diff", params={"left": "liujiang", "right": "nantong"})
    assert response.status_code == 200
    data = response.json()
    assert data["left"] == "liujiang@2018" and data["right"] == "nantong@2013"
    assert data["same_policy"] is False
    assert data["text"] and data["structure"] and data["behaviour"]


def test_diff_of_two_versions_at_one_level(client):
    response = client.get("/diff", params={"left": "caoxian@capture-1",
                                           "right": "caoxian@capture-2", "level": "text"})
    data = response.json()
    assert data["same_policy"] is True and data["text"] and data["structure"] is None


def test_diff_unknown_level_is_422_and_unknown_policy_404_and_missing_side_422(client):
    bad_level = client.get("/diff", params={"left": "liujiang", "right": "nantong",
                                            "level": "semantic"})
    assert bad_level.status_code == 422 and _error(bad_level)["field"] == "level"
    unknown = client.get("/diff", params={"left": "liujiang", "right": "atlantis"})
    assert unknown.status_code == 404 and _error(unknown)["field"] == "policy"
    missing = client.get("/diff", params={"left": "liujiang"})
    assert missing.status_code == 422 and _error(missing)["field"] == "right"


def test_schema_facts_is_the_facts_json_schema(client):
    assert client.get("/schema/facts").json() == Facts.model_json_schema()
    assert "expect" in client.get("/schema/case").json()["properties"]


# --- the OpenAPI description and generic errors -------------------------------------------

def test_openapi_documents_every_endpoint_with_the_error_shape(client):
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for path in ("/policies", "/policies/{ref}", "/policies/{ref}/clauses",
                 "/policies/{ref}/clauses/{clause_id}", "/policies/{ref}/parameters",
                 "/policies/{ref}/rules", "/policies/{ref}/evaluate", "/policies/{ref}/check",
                 "/diff", "/schema/facts"):
        assert path in paths, path
    evaluate_op = paths["/policies/{ref}/evaluate"]["post"]
    assert {"404", "413", "422"} <= set(evaluate_op["responses"])
    body = evaluate_op["requestBody"]["content"]["application/json"]["schema"]
    assert body == {"$ref": "#/components/schemas/Facts"}
    assert "TeacherExchange" in spec["components"]["schemas"]
    error_ref = evaluate_op["responses"]["422"]["content"]["application/json"]["schema"]
    assert error_ref == {"$ref": "#/components/schemas/ErrorResponse"}


def test_unknown_endpoint_is_404_and_wrong_method_405_in_the_error_shape(client):
    missing = client.get("/nothing/here")
    assert missing.status_code == 404 and _error(missing)["field"] is None
    wrong = client.delete("/policies")
    assert wrong.status_code == 405
    _error(wrong)


def test_an_internal_error_is_500_with_a_bilingual_message_and_no_traceback(monkeypatch):
    import xuequ_rules.api.app as api_app

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(api_app, "evaluate", broken)
    quiet = TestClient(create_app(), raise_server_exceptions=False)
    response = quiet.post("/policies/liujiang/evaluate", json={})
    assert response.status_code == 500
    error = _error(response)
    assert "RuntimeError" in error["en"] and "内部错误" in error["zh"]


def test_the_same_request_gives_byte_identical_responses(client):
    first = client.post("/policies/ziyang/evaluate?as_of=2025-06-30", json={}).content
    second = client.post("/policies/ziyang/evaluate?as_of=2025-06-30", json={}).content
    assert first == second


# --- xuequ serve --------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_xuequ_serve_answers_on_localhost_and_stops_on_terminate():
    import httpx

    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "xuequ_rules", "serve", "--port",
                                str(port), "--json"], cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    try:
        started = json.loads(process.stdout.readline())
        assert started["url"] == f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                response = httpx.get(f"{started['url']}/policies", timeout=5)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "server did not start"
                assert process.poll() is None, process.stderr.read()
                time.sleep(0.1)
        assert response.status_code == 200 and response.json()
    finally:
        process.terminate()
        process.wait(timeout=30)
