"""Fuzzing (hypothesis): whatever comes in, the library answers with a result or its own error.

Targets and contracts:

* the clause parser: any text up to ``MAX_SOURCE_CHARS`` parses, and the clause texts in
  document order give back the source exactly; a longer text is a bilingual ``SourceError``;
* the fact loader (``parse_facts``): any JSON-like data gives ``Facts`` or ``FactsError``;
* the case loader (``load_case``): any file text, YAML tags such as ``!!python/object``
  included, gives a ``CaseFile`` or ``FactsError`` — and a tag is never executed;
* the web API: any request body to ``POST /policies/{ref}/evaluate`` is answered 200, 404,
  413 or 422, never 500, always in the documented error shape.

When atheris is installed, the parser and ``parse_facts`` are also fuzzed coverage-guided
(libFuzzer, ``ATHERIS_RUNS`` runs each, in a subprocess). Sizes are bounded so that nothing
hangs. The number of inputs tried per target is printed
at the end of the session (and each test asserts its own count). Any exception other than
the library's bilingual errors fails the test.
"""

from __future__ import annotations

import datetime as dt
import json
import string
import typing
from collections import Counter
from enum import Enum
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xuequ_rules.cases import CaseFile, load_case
from xuequ_rules.document.clause import PREAMBLE_ID
from xuequ_rules.document.parser import MAX_SOURCE_CHARS, parse_clauses
from xuequ_rules.errors import FactsError, SourceError
from xuequ_rules.facts.loader import parse_facts
from xuequ_rules.facts.schema import Facts

TRIED: Counter[str] = Counter()

FAST = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much,
        HealthCheck.large_base_example]


@pytest.fixture(scope="module", autouse=True)
def _report_counts(request):
    yield
    lines = [f"fuzz: {sum(TRIED.values())} inputs tried"]
    lines += [f"  {target}: {count}" for target, count in sorted(TRIED.items())]
    capture = request.config.pluginmanager.getplugin("capturemanager")
    reporter = request.config.pluginmanager.getplugin("terminalreporter")
    with capture.global_and_fixture_disabled():
        reporter.write_line("")
        for line in lines:
            reporter.write_line(line)


# --- the clause parser --------------------------------------------------------------------

_MARKERS = ["一、", "二、", "十一、", "(一)", "（二）", "㈢", "1.", "2、", "10．", "(1)", "2)", "①",
            "②", "第一章", "第二条", "附件", "附件2", "。", "；", ":", "：", " ", "\n", "\n\n", "\r\n",
            "\t", "　", "甲", "学区", "教师交流", "比例不低于10%", "〔2018〕", "\u200b", "\ufeff"]
_marker_text = st.lists(st.sampled_from(_MARKERS) | st.text(max_size=3), max_size=600).map("".join)
# Filler without numbering characters: large inputs stay cheap to parse (the parser's time
# grows with the number of sibling clauses; see test_parser_time_with_many_duplicate_…).
_FILLER = "的学校教师学区制度应当落实，资源共享均衡发展abc xyz\n"
_huge_text = st.builds(lambda unit, n: (unit * (n // len(unit) + 1))[:n],
                       st.text(alphabet=_FILLER, min_size=1, max_size=40),
                       st.integers(0, MAX_SOURCE_CHARS))


def _round_trip(text: str) -> None:
    result = parse_clauses(text)
    clauses = [c for top in result.clauses for c in top.walk()]
    assert "".join(c.text for c in clauses) == text
    ids = [c.id for c in clauses]
    assert len(ids) == len(set(ids))
    assert all(c.id != PREAMBLE_ID or c is clauses[0] for c in clauses)


def test_clause_parser_round_trips_arbitrary_text():
    @settings(max_examples=400, deadline=None, suppress_health_check=FAST)
    @given(st.text(max_size=2000))
    def run(text):
        TRIED["parser: arbitrary text"] += 1
        _round_trip(text)

    run()
    assert TRIED["parser: arbitrary text"] >= 400


def test_clause_parser_round_trips_text_dense_with_numbering():
    @settings(max_examples=400, deadline=None, suppress_health_check=FAST)
    @given(_marker_text)
    def run(text):
        TRIED["parser: numbering-dense text"] += 1
        _round_trip(text)

    run()
    assert TRIED["parser: numbering-dense text"] >= 400


def test_clause_parser_takes_huge_texts_up_to_the_size_limit():
    @settings(max_examples=15, deadline=None, suppress_health_check=FAST)
    @given(_huge_text)
    def run(text):
        TRIED["parser: huge text (≤ MAX_SOURCE_CHARS)"] += 1
        _round_trip(text)

    run()
    assert TRIED["parser: huge text (≤ MAX_SOURCE_CHARS)"] >= 15


def test_clause_parser_parses_a_real_document_repeated_to_the_size_limit():
    source = Path(__file__).resolve().parents[1] / "policies/liujiang/source/2018/text.txt"
    text = source.read_text(encoding="utf-8")
    text = (text * (MAX_SOURCE_CHARS // len(text) + 1))[:MAX_SOURCE_CHARS]
    TRIED["parser: real document at the limit"] += 1
    _round_trip(text)


def test_clause_parser_refuses_a_text_over_the_size_limit_with_a_bilingual_error():
    TRIED["parser: over the limit"] += 1
    with pytest.raises(SourceError) as error:
        parse_clauses("学" * (MAX_SOURCE_CHARS + 1))
    assert "上限" in error.value.zh and "limit" in error.value.en
    assert error.value.field == "text"


# --- the fact loader ----------------------------------------------------------------------

def _record_models() -> dict[str, type]:
    models = {}
    for name, field in Facts.model_fields.items():
        args = typing.get_args(field.annotation)
        if typing.get_origin(field.annotation) is list and args:
            models[name] = args[0]
    return models


RECORDS = _record_models()
FIELD_NAMES = sorted({f for model in RECORDS.values() for f in model.model_fields})
ENUM_VALUES = sorted({member.value for model in RECORDS.values()
                      for field in model.model_fields.values()
                      for arg in (*typing.get_args(field.annotation), field.annotation)
                      if isinstance(arg, type) and issubclass(arg, Enum)
                      for member in arg})
UNITS = ["元", "万元", "yuan", "CNY", "学时", "hours", "年", "月", "months", "ratio", "%",
         "percent", "kg", ""]
TRICKY = ["1e999999999", "-1e999999999", "1e-999999999", "15%", "150%", "-5%", "NaN", "Infinity",
          "-0", "0.1", "1/3", "2.5万", "2019-12-31", "2019-02-30", "20191231", "yes", "no", "",
          " ", "true", "null", "十", "１２", "9" * 60]

_scalars = (st.none() | st.booleans() | st.integers(-(10**15), 10**15)
            | st.sampled_from([10**30, -(10**30), 2**63])
            | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=12)
            | st.sampled_from(TRICKY) | st.sampled_from(ENUM_VALUES)
            | st.dates().map(dt.date.isoformat))
_quantity = st.fixed_dictionaries({"value": _scalars, "unit": st.sampled_from(UNITS) | _scalars})
_value = _scalars | _quantity | st.lists(_scalars, max_size=3)
_json_like = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.sampled_from([*FIELD_NAMES, *RECORDS, "attestations"]) | st.text(max_size=8),
                      inner, max_size=5),
    max_leaves=40)


@st.composite
def _record(draw, model):
    fields = sorted(model.model_fields)
    data = {"id": draw(st.text(min_size=0, max_size=6) | st.sampled_from(["a", "b"]))}
    for name in draw(st.lists(st.sampled_from(fields), max_size=6, unique=True)):
        data[name] = draw(_value)
    if draw(st.integers(0, 9)) == 0:
        data[draw(st.text(max_size=6))] = draw(_scalars)
    return data


@st.composite
def facts_like(draw):
    """Facts-shaped data: known collections of records with arbitrary field values."""
    data = {}
    for name in draw(st.lists(st.sampled_from(sorted(RECORDS)), max_size=4, unique=True)):
        data[name] = draw(st.lists(_record(RECORDS[name]), max_size=3))
    if draw(st.booleans()):
        data["attestations"] = draw(st.dictionaries(st.text(max_size=30), _scalars, max_size=3))
    if draw(st.booleans()):
        data["jurisdiction"] = draw(_scalars)
    return data


def _parse(data, target: str) -> None:
    try:
        result = parse_facts(data)
    except FactsError as exc:
        assert exc.zh and exc.en, target
        return
    assert isinstance(result, Facts)


def test_fact_loader_gives_facts_or_facts_error_on_arbitrary_json_like_data():
    @settings(max_examples=500, deadline=None, suppress_health_check=FAST)
    @given(_json_like)
    def run(data):
        TRIED["parse_facts: arbitrary JSON-like data"] += 1
        _parse(data, "parse_facts")

    run()
    assert TRIED["parse_facts: arbitrary JSON-like data"] >= 500


def test_fact_loader_gives_facts_or_facts_error_on_facts_shaped_data():
    @settings(max_examples=800, deadline=None, suppress_health_check=FAST)
    @given(facts_like())
    def run(data):
        TRIED["parse_facts: facts-shaped data"] += 1
        _parse(data, "parse_facts")

    run()
    assert TRIED["parse_facts: facts-shaped data"] >= 800


# --- the case loader ----------------------------------------------------------------------

_YAML_TAGS = ["!!python/object/apply:os.system ['touch {canary}']", "!!int ''", "!!float x",
              "!!timestamp x", "!!int 0o9",
              "!!python/object/new:os.system ['touch {canary}']",
              "!!python/name:os.system", "!!python/module:os",
              "!!python/object:collections.OrderedDict {{}}", "!<tag:yaml.org,2002:python/none> ''",
              "!!binary aGVsbG8=", "!!set {{a, b}}", "!!omap [a: 1]", "!!timestamp 2019-02-30",
              "!!float .nan", "!!int 0x1F", "!custom x", "&a [*a]", "*undefined", "? [a, b]\n: 1",
              "{{a: 1, a: 2}}", "2019-02-30", "%YAML 1.1\n---\nx: 1"]
_CASE_KEYS = ["policy", "as_of", "description", "facts", "expect", "rule", "record", "status"]
_case_text = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(_CASE_KEYS) | st.sampled_from([": ", "\n", "  ", "- ", "{", "}", "[", "]",
                                                           ",", "liujiang", "2019-12-31",
                                                           "satisfied", "'", '"', "#"])
             | st.sampled_from(_YAML_TAGS), max_size=60).map("".join),
    st.builds(lambda tag, key: f"policy: liujiang\nas_of: 2019-12-31\n{key}: {tag}\n"
              "expect: [{rule: liujiang.teacher_exchange.min_share, status: satisfied}]\n",
              st.sampled_from(_YAML_TAGS), st.sampled_from(["facts", "description", "policy"])),
    st.builds(json.dumps, _json_like),
)


@pytest.fixture(scope="module")
def case_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("cases")


def test_case_loader_gives_a_case_or_facts_error_and_never_executes_yaml_tags(case_dir):
    canary = case_dir / "EXECUTED"

    @settings(max_examples=500, deadline=None, suppress_health_check=FAST)
    @given(_case_text, st.sampled_from([".yaml", ".yml", ".json", ".txt"]))
    def run(text, suffix):
        TRIED["load_case: arbitrary YAML/JSON files"] += 1
        path = case_dir / f"case{suffix}"
        path.write_text(text.replace("{canary}", str(canary)), encoding="utf-8",
                        errors="surrogatepass")
        try:
            case = load_case(path)
        except FactsError as exc:
            assert exc.zh and exc.en
        else:
            assert isinstance(case, CaseFile)
        assert not canary.exists(), "a YAML tag was executed"

    run()
    assert TRIED["load_case: arbitrary YAML/JSON files"] >= 500


@pytest.mark.parametrize("tag", [t for t in _YAML_TAGS if "python" in t])
def test_case_file_with_a_python_yaml_tag_is_refused_and_not_executed(case_dir, tag):
    canary = case_dir / "EXECUTED-explicit"
    path = case_dir / "tagged.yaml"
    path.write_text(f"policy: liujiang\nas_of: 2019-12-31\nfacts: "
                    f"{tag.format(canary=canary)}\nexpect: []\n", encoding="utf-8")
    TRIED["load_case: python YAML tags"] += 1
    with pytest.raises(FactsError):
        load_case(path)
    assert not canary.exists()


# --- the web API --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def api():
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from xuequ_rules.api import create_app, policy_rows

    client = TestClient(create_app(max_body_bytes=64 * 1024), raise_server_exceptions=False)
    return client, [row["ref"] for row in policy_rows()]


def _body(data) -> bytes:
    if isinstance(data, bytes):
        return data
    try:
        return json.dumps(data, ensure_ascii=False, allow_nan=True).encode("utf-8",
                                                                           "surrogatepass")
    except (ValueError, TypeError):
        return repr(data).encode()


_api_bodies = (facts_like() | _json_like | st.binary(max_size=300)
               | st.text(alphabet=string.printable + "{}[]\":,学", max_size=300)
               | st.integers(1, 200).map(lambda n: b"[" * n * 1000))


def test_api_evaluate_never_answers_500_to_any_body(api):
    client, refs = api

    @settings(max_examples=400, deadline=None, suppress_health_check=FAST)
    @given(_api_bodies, st.sampled_from([*refs, "nowhere", "liujiang@1999"]),
           st.none() | st.sampled_from(["2019-12-31", "2030-01-01", "0", "2019-02-30", "x"]))
    def run(data, ref, as_of):
        TRIED["API: POST /policies/{ref}/evaluate bodies"] += 1
        params = {} if as_of is None else {"as_of": as_of}
        response = client.post(f"/policies/{ref}/evaluate", params=params, content=_body(data),
                               headers={"content-type": "application/json"})
        assert response.status_code in (200, 404, 413, 422), response.text
        if response.status_code != 200:
            error = response.json()["error"]
            assert error["zh"] and error["en"]

    run()
    assert TRIED["API: POST /policies/{ref}/evaluate bodies"] >= 400


def test_api_get_endpoints_never_answer_500_to_any_path(api):
    client, refs = api
    part = st.text(alphabet=string.ascii_letters + string.digits + "/()（）@%.-_~学一三四序",
                   max_size=30)

    @settings(max_examples=300, deadline=None, suppress_health_check=FAST)
    @given(st.sampled_from([*refs, "x"]), part,
           st.sampled_from(["", "/clauses/", "/parameters", "/rules", "/check", "/clauses"]))
    def run(ref, tail, endpoint):
        TRIED["API: GET paths"] += 1
        path = f"/policies/{ref}{endpoint}{tail if endpoint == '/clauses/' else ''}"
        response = client.get(path)
        assert response.status_code in (200, 404, 422), (path, response.text)

    run()
    assert TRIED["API: GET paths"] >= 300


# --- defects found by fuzzing, now fixed: kept as regression tests --------------------------------------

def test_huge_quantity_with_a_unit_is_a_facts_error():
    with pytest.raises(FactsError):
        parse_facts({"expenditures": [{"id": "a", "amount": {"value": "1e999999999",
                                                              "unit": "万元"}}]})


@pytest.mark.parametrize("value", ["2019-02-30", "!!int ''", "!!timestamp x", "!!float _"])
def test_yaml_impossible_value_is_a_facts_error(case_dir, value):
    path = case_dir / "bad-value.yaml"
    path.write_text(f"policy: liujiang\nas_of: {value}\nfacts: {{}}\nexpect: []\n",
                    encoding="utf-8")
    with pytest.raises(FactsError):
        load_case(path)


def test_deeply_nested_file_is_a_facts_error(case_dir):
    path = case_dir / "deep.json"
    path.write_text("[" * 100_000, encoding="utf-8")
    with pytest.raises(FactsError):
        load_case(path)


def test_parser_gives_many_duplicate_sibling_clauses_unique_ids():
    result = parse_clauses("1.\n" * 20_000)
    ids = [c.id for top in result.clauses for c in top.walk()]
    assert len(ids) == len(set(ids)) == 20_000


# --- coverage-guided fuzzing with atheris (libFuzzer), when it is installed ---------------------

ATHERIS_RUNS = 20_000
_ATHERIS_HARNESS = '''
import json, sys
import atheris

with atheris.instrument_imports():
    from xuequ_rules.document.parser import parse_clauses
    from xuequ_rules.errors import FactsError
    from xuequ_rules.facts.loader import parse_facts

def parser(data):
    text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(8192)
    result = parse_clauses(text)
    assert "".join(c.text for top in result.clauses for c in top.walk()) == text


def facts(data):
    text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(8192)
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return
    try:
        parse_facts(value)
    except FactsError:
        pass


atheris.Setup(sys.argv[:1] + sys.argv[2:], {"parser": parser, "facts": facts}[sys.argv[1]])
atheris.Fuzz()
'''


@pytest.mark.parametrize("target", ["parser", "facts"])
def test_atheris_finds_no_crash(target, tmp_path):
    import re
    import subprocess
    import sys

    pytest.importorskip("atheris")
    harness = tmp_path / "harness.py"
    harness.write_text(_ATHERIS_HARNESS, encoding="utf-8")
    run = subprocess.run([sys.executable, str(harness), target, f"-runs={ATHERIS_RUNS}",
                          "-max_len=8192", "-seed=1", "-timeout=10"], capture_output=True,
                         text=True, timeout=300, cwd=tmp_path)
    assert run.returncode == 0, run.stderr[-3000:]
    done = re.search(r"Done (\d+) runs", run.stderr)
    assert done and int(done.group(1)) == ATHERIS_RUNS
    TRIED[f"atheris: {target}"] += int(done.group(1))
