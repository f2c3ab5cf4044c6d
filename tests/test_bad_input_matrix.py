"""Every class of bad input, on the command line and over HTTP: exit 2 / 4xx, one line.

The command line answers bad input with exit code 2 and exactly one line on stderr, in
Chinese and English, naming the file, column or field and what was expected; the web API
answers 4xx with ``{"error": {"field", "zh", "en"}}``. Exit 3 and HTTP 5xx are kept for
bugs; nothing is evaluated on invalid data.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest
from fastapi.testclient import TestClient

from xuequ_rules.api import create_app
from xuequ_rules.cli.app import main

CJK = re.compile(r"[\u4e00-\u9fff]")
EXCHANGE = "id,area,year,eligible,rotated\n2019,柳江区,2019,10,1\n"


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    code = exit_info.value.code
    return (code if isinstance(code, int) else 0), capsys.readouterr().err


def _one_bilingual_line(err: str, *names: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    line = lines[0]
    assert CJK.search(line) and " / " in line and "Traceback" not in line, line
    for name in names:
        assert name in line, (name, line)


# ── facts files (xuequ eval) ──────────────────────────────────────────────────

def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


FACT_FILES: dict[str, tuple[str, bytes, tuple[str, ...]]] = {
    # class: (file name, bytes, words the one line must contain)
    "duplicate JSON key": ("dup.json", b'{"teacher_exchanges": [{"id": "a", "eligible": 10,\n'
                           b' "rotated": 9, "rotated": 10}]}', ("rotated", "2:2", "2:16")),
    "duplicate YAML key": ("dup.yaml", b"teacher_exchanges:\n  - id: a\n    rotated: 9\n"
                           b"    rotated: 10\n", ("rotated", "3:5", "4:5")),
    "boolean as a count": ("bool.json", b'{"teacher_exchanges": [{"id": "a", "eligible": true,'
                           b' "rotated": true}]}', ("eligible",)),
    "numeric string": ("text.json", b'{"district_indicators": [{"id": "d", "pairing_coverage": "0.5"}]}',
                       ("pairing_coverage", "expected a number, not text")),
    "integer over 4300 digits": ("big.json", b'{"teacher_exchanges": [{"id": "a", "eligible": '
                                 + b"9" * 5000 + b"}]}", ("big.json", "4,300 digits")),
    "NaN": ("nan.json", b'{"district_indicators": [{"id": "d", "pairing_coverage": NaN}]}', ("NaN",)),
    "GBK without --encoding": ("gbk.yaml", "teacher_exchanges:\n  - id: a\n    area: 柳江区\n"
                               .encode("gbk"), ("gbk.yaml", "UTF-8", "--encoding gb18030")),
    "not JSON": ("broken.json", b'{"teacher_exchanges": [', ("broken.json",)),
    "not a mapping": ("list.json", b"[1, 2]", ("must be a mapping",)),
    "missing file": ("absent.json", b"", ("absent.json", "not found")),
}


@pytest.mark.parametrize("case", sorted(FACT_FILES))
def test_bad_facts_file_exits_2_with_one_bilingual_line_naming_it(
        case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name, data, words = FACT_FILES[case]
    path = tmp_path / name
    if case != "missing file":
        _write(path, data)
    code, err = _cli(capsys, "eval", "liujiang", str(path))
    assert code == 2, err
    _one_bilingual_line(err, *words)


@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_a_utf8_bom_is_skipped_alike_in_json_and_yaml(
        suffix: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = (b'{"teacher_exchanges": [{"id": "a", "eligible": 10, "rotated": 1}]}'
            if suffix == ".json" else b"teacher_exchanges:\n  - {id: a, eligible: 10, rotated: 1}\n")
    path = _write(tmp_path / f"bom{suffix}", b"\xef\xbb\xbf" + body)
    code, err = _cli(capsys, "eval", "liujiang", str(path), "--json")
    assert code == 0, err


def test_gbk_facts_are_read_when_the_user_says_gb18030(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path / "gbk.yaml", "teacher_exchanges:\n  - {id: 甲, eligible: 10, "
                  "rotated: 1}\n".encode("gbk"))
    code, err = _cli(capsys, "eval", "liujiang", str(path), "--encoding", "gb18030", "--json")
    assert code == 0, err


# ── tables (xuequ eval-bulk) ──────────────────────────────────────────────────

def _parquet(path: Path, frame: dict[str, list[object]]) -> Path:
    pl.DataFrame(frame).write_parquet(path)
    return path


TABLES: dict[str, tuple[str, Callable[[Path], Path], tuple[str, ...], tuple[str, ...]]] = {
    # class: (file name, writer, extra arguments, words the one line must contain)
    "text in an integer CSV column": ("t.csv", lambda p: _write(
        p, b"id,eligible,rotated\na,ten,1\n"), (), ("t.csv", "eligible", "expected an integer")),
    "boolean in an integer Parquet column": ("t.parquet", lambda p: _parquet(
        p, {"id": ["a"], "eligible": [True], "rotated": [False]}), (),
        ("t.parquet", "eligible", "expected an integer", "Boolean")),
    "text in an integer Parquet column": ("t.parquet", lambda p: _parquet(
        p, {"id": ["a"], "eligible": ["10"], "rotated": ["1"]}), (),
        ("eligible", "expected an integer", "String")),
    "unknown yes/no spelling in CSV": ("z.csv", lambda p: _write(
        p, b"id,agreement_signed\np,maybe\n"), ("-c", "pairings"),
        ("z.csv", "agreement_signed", "maybe")),
    "empty CSV": ("e.csv", lambda p: _write(p, b""), (), ("e.csv", "empty")),
    "ragged CSV": ("r.csv", lambda p: _write(p, b"id,eligible,rotated\na,10,1\nb,5\n"), (),
                   ("r.csv", "line 3", "2 cells")),
    "GBK CSV": ("g.csv", lambda p: _write(p, EXCHANGE.encode("gbk")), (),
                ("g.csv", "UTF-8", "--encoding gb18030")),
    "corrupt Parquet": ("c.parquet", lambda p: _write(p, b"PAR1 not really parquet"), (),
                        ("c.parquet", "Parquet")),
    "empty Parquet file": ("c.parquet", lambda p: _write(p, b""), (), ("c.parquet", "empty")),
    "unknown collection": ("ok.csv", lambda p: _write(p, EXCHANGE.encode()),
                           ("--collection", "bogus"), ("--collection", "bogus", "known")),
    "explain past the end": ("ok.csv", lambda p: _write(p, EXCHANGE.encode()),
                             ("--explain", "5"), ("--explain", "5", "1 rows")),
    "unknown encoding": ("ok.csv", lambda p: _write(p, EXCHANGE.encode()),
                         ("--encoding", "latin-1"), ("--encoding", "gb18030")),
    "missing table": ("absent.csv", lambda p: p, (), ("absent.csv", "not found")),
}


@pytest.mark.parametrize("case", sorted(TABLES))
def test_bad_table_exits_2_with_one_bilingual_line_naming_file_and_column(
        case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name, writer, extra, words = TABLES[case]
    path = writer(tmp_path / name)
    args = list(extra)
    if "-c" not in args and "--collection" not in args:
        args = ["-c", "teacher_exchanges", *args]
    code, err = _cli(capsys, "eval-bulk", "liujiang", str(path), *args, "--json")
    assert code == 2, err
    _one_bilingual_line(err, *words)


@pytest.mark.parametrize("encoding", [None, "gb18030"])
def test_a_bom_csv_and_a_gb18030_csv_are_read_like_utf8(
        encoding: str | None, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw = (b"\xef\xbb\xbf" + EXCHANGE.encode() if encoding is None
           else EXCHANGE.encode("gb18030"))
    path = _write(tmp_path / "t.csv", raw)
    extra = ["--encoding", encoding] if encoding else []
    code, err = _cli(capsys, "eval-bulk", "liujiang", str(path), "-c", "teacher_exchanges",
                     *extra, "--json")
    assert code == 0, err


# ── the web API ───────────────────────────────────────────────────────────────

@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(), raise_server_exceptions=False)


BODIES: dict[str, tuple[bytes, int, str]] = {
    # class: (body, status, field the error names)
    "empty body": (b"", 422, "body"),
    "not JSON": (b'{"teacher_exchanges": [', 422, "body"),
    "not UTF-8": ('{"a": "中"}'.encode("gbk"), 422, "body"),
    "integer over 4300 digits": (b'{"teacher_exchanges": [{"id": "a", "eligible": '
                                 + b"9" * 5000 + b"}]}", 422, "body"),
    "duplicate key": (b'{"teacher_exchanges": [{"id": "a", "eligible": 10, "rotated": 9, '
                      b'"rotated": 10}]}', 422, "rotated"),
    "boolean as a count": (b'{"teacher_exchanges": [{"id": "a", "eligible": true, '
                           b'"rotated": true}]}', 422, "teacher_exchanges.0.eligible"),
    "numeric string": (b'{"district_indicators": [{"id": "d", "pairing_coverage": "0.5"}]}',
                       422, "district_indicators.0.pairing_coverage"),
    "NaN": (b'{"district_indicators": [{"id": "d", "pairing_coverage": NaN}]}', 422, "body"),
    "nested too deeply": (b"[" * 100_000 + b"]" * 100_000, 422, "body"),
    "not a mapping": (b"[1, 2]", 422, "(root)"),
    "unknown field": (b'{"teacher_exchanges": [{"id": "a", "bogus": 1}]}', 422,
                      "teacher_exchanges.0.bogus"),
    "number out of range": (b'{"district_indicators": [{"id": "d", '
                            b'"pairing_coverage": 1e999999999}]}', 422,
                            "district_indicators.0.pairing_coverage"),
}


@pytest.mark.parametrize("case", sorted(BODIES))
def test_bad_body_is_4xx_with_the_bilingual_error_body(case: str, client: TestClient) -> None:
    body, status, field = BODIES[case]
    response = client.post("/policies/liujiang/evaluate", content=body,
                           headers={"content-type": "application/json"})
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["field"] == field
    assert CJK.search(error["zh"]) and error["en"] and "Traceback" not in response.text


def test_a_body_over_the_limit_is_413(client: TestClient) -> None:
    response = client.post("/policies/liujiang/evaluate", content=b" " * (2 * 1024 * 1024 + 1))
    assert response.status_code == 413
    assert response.json()["error"]["field"] == "body"


def test_a_bom_body_is_read_like_a_bom_file(client: TestClient) -> None:
    body = b"\xef\xbb\xbf" + json.dumps({"teacher_exchanges": [
        {"id": "a", "eligible": 10, "rotated": 1}]}).encode()
    assert client.post("/policies/liujiang/evaluate", content=body).status_code == 200


def test_an_evaluation_over_the_time_limit_is_503_with_retry_after() -> None:
    import time

    import xuequ_rules.api.app as api

    slow = TestClient(create_app(time_limit=0.05), raise_server_exceptions=False)
    original = api.evaluate

    def sleepy(*args: object, **kwargs: object) -> object:
        time.sleep(0.3)
        return original(*args, **kwargs)  # type: ignore[arg-type]

    api.evaluate = sleepy  # type: ignore[assignment]
    try:
        response = slow.post("/policies/liujiang/evaluate", content=b"{}")
    finally:
        api.evaluate = original
    assert response.status_code == 503
    assert response.headers["retry-after"] == "1"
    assert "time limit" in response.json()["error"]["en"]


def test_a_full_evaluation_pool_is_503_at_once() -> None:
    import asyncio

    from xuequ_rules.api.workers import EvaluationPool, Unavailable

    pool = EvaluationPool(workers=1, queue=0, time_limit=5)
    pool.pending = 1          # one evaluation running, none may wait
    with pytest.raises(Unavailable, match="busy"):
        asyncio.run(pool.run(lambda: None))


# ── installed packages ────────────────────────────────────────────────────────

def test_two_distributions_registering_one_policy_name_are_named_and_others_keep_working(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    from xuequ_rules import registry

    real = registry.packages()
    registered = [("liujiang", "xuequ-rules", real["liujiang"]),
                  ("liujiang", "xuequ-policies-copy", real["liujiang"]),
                  ("nantong", "xuequ-rules", real["nantong"])]
    found, broken = registry._sort(registered, {})
    assert list(found) == ["nantong"]
    assert "xuequ-policies-copy" in broken["liujiang"] and "xuequ-rules" in broken["liujiang"]
    monkeypatch.setattr(registry, "_discover", lambda: (found, broken))
    monkeypatch.setattr(registry, "_installed", lambda name: None)   # not found alone
    facts = _write(tmp_path / "f.json", b"{}")
    code, err = _cli(capsys, "eval", "liujiang", str(facts))
    assert code == 2
    _one_bilingual_line(err, "xuequ-policies-copy", "xuequ-rules", "liujiang")
    code, err = _cli(capsys, "eval", "nantong", str(facts), "--json")
    assert code == 0, err
