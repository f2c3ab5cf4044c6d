"""The command line's contract (docs/cli.md), as a user or a script sees it.

* every command takes ``--json`` and then prints JSON on stdout;
* bad input exits 2 with exactly one line on stderr, in Chinese and English, no traceback;
* ``xuequ --debug …`` shows the traceback instead;
* ``--fail-on-violation`` exits 1 when a rule is violated (0 otherwise); an internal error
  (a bug) exits 3 with one line.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import typer

from xuequ_rules.cli.app import app, main

ROOT = Path(__file__).resolve().parents[1]
CJK = re.compile(r"[\u4e00-\u9fff]")


def _commands() -> dict[str, object]:
    """Every leaf command by its full name (``docs build``, ``eval``, …)."""
    found: dict[str, object] = {}

    def walk(command, prefix: str) -> None:
        subcommands = getattr(command, "commands", None)
        if subcommands:
            for name, sub in subcommands.items():
                walk(sub, f"{prefix} {name}".strip())
        else:
            found[prefix] = command

    walk(typer.main.get_command(app), "")
    return found


# Commands whose module is not part of this contract's change and that lack --json today.
WITHOUT_JSON: dict[str, str] = {}


@pytest.mark.parametrize("name", sorted(_commands()))
def test_every_command_has_a_json_option(name):
    if name in WITHOUT_JSON:
        pytest.xfail(WITHOUT_JSON[name])
    options = {opt for param in _commands()[name].params for opt in getattr(param, "opts", ())}
    assert "--json" in options


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("cli")
    contents = {
        "violated.yaml": "teacher_exchanges:\n  - {id: '2019', eligible: 100, rotated: 9}\n",
        "nothing-violated.json": json.dumps({"jurisdiction": "柳江区"}),
        "invalid.yaml": "teacher_exchanges:\n  - {id: '2019', eligible: -3}\n",
        "unknown-field.json": json.dumps({"teachers": []}),
        "malformed.yaml": "teacher_exchanges: [\n  {id: 1\n",
        "malformed.json": "{\"teacher_exchanges\": [",
        "list.yaml": "- 1\n- 2\n",
        "python-tag.yaml": "!!python/object/apply:os.system ['echo pwned']\n",
        "latin1.yaml": "",
        "bulk.csv": "id,eligible,rotated\n2019,100,9\n2020,100,10\n",
        "impossible-date.yaml": "milestones:\n  - {id: m, due: 2019-02-30}\n",
    }
    paths = {}
    for name, text in contents.items():
        path = base / name
        path.write_text(text, encoding="utf-8")
        paths[name] = path
    paths["latin1.yaml"].write_bytes("jurisdiction: 柳江".encode("gb18030"))
    paths["dir"] = base
    paths["missing"] = base / "missing.yaml"
    return paths


def xuequ(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "100"}
    return subprocess.run([sys.executable, "-m", "xuequ_rules", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=300, env=env)


def _parallel(cases: dict[str, list[str]]) -> dict[str, subprocess.CompletedProcess[str]]:
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = {name: pool.submit(xuequ, *args) for name, args in cases.items()}
        return {name: future.result() for name, future in futures.items()}


# --- --json prints JSON ---------------------------------------------------------------------

JSON_RUNS = {
    "list": lambda f: ["list", "--json"],
    "show": lambda f: ["show", "liujiang", "--json"],
    "show --clause": lambda f: ["show", "liujiang", "--clause", "三/(四)/3", "--json"],
    "eval": lambda f: ["eval", "liujiang", str(f["violated.yaml"]), "--as-of", "2019-12-31",
                       "--json"],
    "check": lambda f: ["check", "liujiang", "--json"],
    "diff": lambda f: ["diff", "liujiang", "nantong", "--level", "structure", "--json"],
    "schema": lambda f: ["schema", "case", "--json"],
    "eval-bulk": lambda f: ["eval-bulk", "liujiang", str(f["bulk.csv"]), "--as-of",
                            "2019-12-31", "--json"],
}


@pytest.fixture(scope="module")
def json_runs(files):
    return _parallel({name: make(files) for name, make in JSON_RUNS.items()})


@pytest.mark.parametrize("name", sorted(JSON_RUNS))
def test_json_option_prints_only_json_on_stdout(json_runs, name):
    if name == "eval-bulk":
        pytest.importorskip("polars")
    run = json_runs[name]
    assert run.returncode == 0, run.stderr
    json.loads(run.stdout)


# --- bad input: exit 2, one bilingual line, no traceback ------------------------------------

BAD_INPUT = {
    "unknown policy": lambda f: ["show", "liujang"],
    "unknown version": lambda f: ["show", "liujiang@1999", "--json"],
    "unknown clause": lambda f: ["show", "liujiang", "--clause", "九/(九)"],
    "facts file missing": lambda f: ["eval", "liujiang", str(f["missing"])],
    "facts file is a directory": lambda f: ["eval", "liujiang", str(f["dir"])],
    "invalid facts": lambda f: ["eval", "liujiang", str(f["invalid.yaml"]), "--json"],
    "unknown fact field": lambda f: ["eval", "liujiang", str(f["unknown-field.json"])],
    "malformed YAML": lambda f: ["eval", "liujiang", str(f["malformed.yaml"])],
    "malformed JSON": lambda f: ["eval", "liujiang", str(f["malformed.json"]), "--json"],
    "facts not a mapping": lambda f: ["eval", "liujiang", str(f["list.yaml"])],
    "python YAML tag": lambda f: ["eval", "liujiang", str(f["python-tag.yaml"])],
    "not UTF-8": lambda f: ["eval", "liujiang", str(f["latin1.yaml"])],
    "bad --as-of": lambda f: ["eval", "liujiang", str(f["violated.yaml"]), "--as-of", "31/12"],
    "unknown diff side": lambda f: ["diff", "liujiang", "atlantis", "--json"],
    "unknown diff level": lambda f: ["diff", "liujiang", "nantong", "--level", "semantic"],
    "check unknown policy": lambda f: ["check", "nowhere", "--json"],
    "unknown schema": lambda f: ["schema", "rules"],
    "unknown command": lambda f: ["evaluate", "liujiang"],
    "unknown option": lambda f: ["show", "liujiang", "--verbose"],
    "missing argument": lambda f: ["eval", "liujiang"],
    "bad option value": lambda f: ["serve", "--port", "eighty"],
    "eval-bulk unknown engine": lambda f: ["eval-bulk", "liujiang", str(f["bulk.csv"]),
                                           "--engine", "oracle"],
    "eval-bulk bad Spark master": lambda f: ["eval-bulk", "liujiang", str(f["bulk.csv"]),
                                             "--engine", "spark", "--master", "local[two]"],
    "eval-bulk --master without Spark": lambda f: ["eval-bulk", "liujiang",
                                                   str(f["bulk.csv"]), "--master", "local[2]"],
    "impossible date in YAML": lambda f: ["eval", "liujiang", str(f["impossible-date.yaml"])],
}
KNOWN_BAD_INPUT_DEFECTS: dict[str, str] = {}


@pytest.fixture(scope="module")
def bad_runs(files):
    return _parallel({name: make(files) for name, make in BAD_INPUT.items()})


@pytest.mark.parametrize("name", sorted(BAD_INPUT))
def test_bad_input_exits_2_with_one_bilingual_line_and_no_traceback(bad_runs, name):
    if name in KNOWN_BAD_INPUT_DEFECTS and bad_runs[name].returncode != 2:
        pytest.xfail(KNOWN_BAD_INPUT_DEFECTS[name])
    run = bad_runs[name]
    assert run.returncode == 2, (run.returncode, run.stderr)
    lines = run.stderr.splitlines()
    assert len(lines) == 1, run.stderr
    line = lines[0]
    assert line.startswith("错误 error: ")
    assert CJK.search(line) and re.search(r"[A-Za-z]{3,}", line) and " / " in line
    assert "Traceback" not in run.stderr
    assert run.stdout == ""


def test_python_yaml_tag_in_facts_is_never_executed(bad_runs):
    assert "pwned" not in bad_runs["python YAML tag"].stdout


# --- --debug -------------------------------------------------------------------------------

def test_debug_shows_the_traceback_of_a_bad_input():
    run = xuequ("--debug", "show", "liujang")
    assert run.returncode != 0
    assert "Traceback" in run.stderr and "UnknownPolicyError" in run.stderr


def test_debug_shows_the_traceback_of_a_usage_error():
    run = xuequ("--debug", "show", "liujiang", "--verbose")
    assert run.returncode != 0 and "Traceback" in run.stderr


# --- exit codes 0 / 1 ---------------------------------------------------------------------

def test_fail_on_violation_exits_1_when_a_rule_is_violated(files):
    run = xuequ("eval", "liujiang", str(files["violated.yaml"]), "--as-of", "2019-12-31",
                "--json", "--fail-on-violation")
    assert run.returncode == 1, run.stderr
    assert any(f["status"] == "violated" for f in json.loads(run.stdout)["findings"])


def test_without_fail_on_violation_a_violation_exits_0(files):
    run = xuequ("eval", "liujiang", str(files["violated.yaml"]), "--as-of", "2019-12-31")
    assert run.returncode == 0, run.stderr


def test_fail_on_violation_exits_0_when_nothing_is_violated(files):
    run = xuequ("eval", "liujiang", str(files["nothing-violated.json"]), "--as-of", "2019-12-31",
                "--json", "--fail-on-violation")
    statuses = {f["status"] for f in json.loads(run.stdout)["findings"]}
    assert "violated" not in statuses
    assert run.returncode == 0, run.stderr


def test_check_without_library_defects_exits_0():
    assert xuequ("check", "liujiang").returncode == 0


def test_an_internal_error_exits_3_with_one_line_and_no_traceback(monkeypatch, capsys, files):
    import xuequ_rules.evaluation as evaluation  # the eval command imports it when it runs

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(evaluation, "evaluate", broken)
    with pytest.raises(SystemExit) as exit_info:
        main(["eval", "liujiang", str(files["violated.yaml"])])
    assert exit_info.value.code == 3
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "内部错误" in err and "internal error" in err
    assert "Traceback" not in err


def test_help_exits_0():
    assert xuequ("--help").returncode == 0


def test_exit_codes_are_documented_in_the_module_and_docs_cli_md():
    import xuequ_rules.cli.app as cli

    docs = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for text in (cli.__doc__ or "", docs):
        for code in ("``0``", "``1``", "``2``", "``3``"):
            assert code.replace("``", "`") in text.replace("``", "`"), code
