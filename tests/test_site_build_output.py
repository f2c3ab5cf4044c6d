"""`xuequ docs build` writes only its output directory and refuses an unwritable one at once."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from xuequ_rules.cli.app import app, main
from xuequ_rules.sitegen import BASE_CONFIG, ensure_writable

pytest.importorskip("mkdocs")


def _xuequ(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """Run the CLI as the ``xuequ`` command does: exit code and everything printed."""
    with pytest.raises(SystemExit) as done:
        main(args)
    captured = capsys.readouterr()
    return int(done.value.code or 0), captured.out + captured.err


def test_docs_build_writes_nothing_outside_out_and_keeps_no_intermediate_files(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    workdir = tmp_path / "cwd"
    workdir.mkdir()
    monkeypatch.chdir(workdir)
    result = CliRunner().invoke(app, ["docs", "build", "--out", str(tmp_path / "out"), "--json"])
    assert result.exit_code == 0, result.output
    assert list(workdir.iterdir()) == []                       # no build/ left behind
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cwd", "out"]
    assert (tmp_path / "out" / "policies" / "liujiang" / "2018" / "text.html").is_file()


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into read-only directories")
def test_docs_build_refuses_an_unwritable_out_at_once_in_one_bilingual_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        started = time.monotonic()
        code, output = _xuequ(["docs", "build", "--out", str(locked / "site")], capsys)
        assert time.monotonic() - started < 5
    finally:
        locked.chmod(0o700)
    assert code == 2
    lines = output.strip().splitlines()
    assert len(lines) == 1 and "无法写入" in lines[0] and "cannot write" in lines[0]


def test_docs_build_refuses_an_out_that_is_a_file_in_one_bilingual_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "site"
    target.write_text("not a directory")
    code, output = _xuequ(["docs", "build", "--out", str(target)], capsys)
    assert code == 2
    lines = output.strip().splitlines()
    assert len(lines) == 1 and "--out" in lines[0] and "cannot write" in lines[0]


def test_site_write_check_names_the_directory(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(Exception) as raised:
        ensure_writable(blocker / "site")
    assert str(blocker / "site") in str(raised.value)


def test_site_configuration_ships_inside_the_package_and_loads_no_web_fonts() -> None:
    import yaml

    assert BASE_CONFIG.parent.name == "sitegen" and BASE_CONFIG.is_file()
    config = yaml.safe_load(BASE_CONFIG.read_text(encoding="utf-8"))
    assert config["theme"]["font"] is False
    assert config["extra"]["generator"] is False
