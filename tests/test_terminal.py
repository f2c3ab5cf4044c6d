"""The terminal for people: Chinese statuses, no Python reprs, filters, no empty tables."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

FACTS = """teacher_exchanges:
  - {id: "2019", year: 2019, eligible: 200, rotated: 15, backbone_rotated: 1}
"""


def xuequ(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "xuequ_rules", *args], capture_output=True,
                          text=True, env=env, check=False)


@pytest.fixture(scope="module")
def facts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("facts") / "rotation.yaml"
    path.write_text(FACTS, encoding="utf-8")
    return path


def test_version_prints_the_library_version() -> None:
    done = xuequ("--version")
    assert done.returncode == 0
    assert done.stdout.startswith("xuequ-rules ")


def test_eval_status_violated_shows_only_the_two_rotation_shortfalls(facts: Path) -> None:
    done = xuequ("eval", "liujiang", str(facts), "--as-of", "2019-06-01", "--status", "violated")
    assert done.returncode == 0, done.stderr
    assert "liujiang.teacher_exchange.min_share " in done.stdout
    assert "liujiang.teacher_exchange.backbone_share " in done.stdout
    assert "待定 undetermined  " not in done.stdout
    assert "不符合 violated" in done.stdout
    assert "{" not in done.stdout          # no Python dict at the end


def test_eval_prints_each_explanation_step_on_its_own_line(facts: Path) -> None:
    done = xuequ("eval", "liujiang", str(facts), "--as-of", "2019-06-01", "-s", "violated")
    lines = done.stdout.splitlines()
    step = next(line for line in lines if "15 ≥ 20" in line)
    assert "不成立" in step and "liujiang." not in step


def test_eval_rejects_an_unknown_status(facts: Path) -> None:
    done = xuequ("eval", "liujiang", str(facts), "--status", "broken")
    assert done.returncode == 2
    assert "broken" in done.stderr


def test_show_prints_dates_and_status_in_words_not_python_reprs() -> None:
    done = xuequ("show", "liujiang")
    assert done.returncode == 0
    assert "datetime.date" not in done.stdout
    assert "成文 written 2018-01-25" in done.stdout
    assert "状态 status: 已失效 lapsed" in done.stdout     # its schedule ended 2020-08


def test_show_draws_no_empty_table_for_a_document_without_errata() -> None:
    done = xuequ("show", "national")
    assert done.returncode == 0
    assert "勘误 errata：无 none" in done.stdout


def test_list_keeps_whole_titles_by_wrapping_at_100_columns() -> None:
    done = xuequ("list")
    assert done.returncode == 0
    assert "…" not in done.stdout
    assert all(len(line) <= 100 for line in done.stdout.splitlines())


def test_every_document_finding_kind_of_every_shipped_policy_has_a_chinese_label() -> None:
    from xuequ_rules import packages
    from xuequ_rules.consistency import check_policy
    from xuequ_rules.labels import FINDING_KINDS

    kinds = {finding.kind for package in packages().values() for version in package.versions()
             for finding in check_policy(package.load(version)).document_findings}
    assert sorted(kinds - set(FINDING_KINDS)) == []
