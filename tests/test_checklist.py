"""督导检查表: duties and numeric requirements by party, exported as md, xlsx and docx."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from xuequ_rules import load_policy
from xuequ_rules.cli.app import app
from xuequ_rules.sitegen.checklist import build_checklist

ROTATION_RULE = "liujiang.teacher_exchange.min_share"
ROTATION_TEXT = "全区每年交流轮岗教师的比例不低于符合交流条件教师总数的10%"


def test_liujiang_checklist_has_the_10_percent_rotation_requirement_with_its_clause_text() -> None:
    checklist = build_checklist(load_policy("liujiang"))
    item = next(i for i in checklist.items if i.rule_id == ROTATION_RULE)
    assert item.numeric
    assert item.standard is not None and "10%" in item.standard.zh
    assert [c.id for c in item.clauses] == ["三/(四)/3"]
    assert ROTATION_TEXT in item.clauses[0].text


def test_liujiang_checklist_holds_every_attested_duty_and_the_one_head_per_zone_rule() -> None:
    policy = load_policy("liujiang")
    ids = {i.rule_id for i in build_checklist(policy).items}
    assert {d.id for d in policy.checklist()} <= ids
    assert "liujiang.zone.one_principal_head" in ids
    assert "liujiang.teacher_exchange.backbone_share" in ids


def test_permissions_are_not_checklist_requirements() -> None:
    """可 (may) never yields a requirement to inspect: liujiang's alliance permission stays out."""
    ids = {i.rule_id for i in build_checklist(load_policy("liujiang")).items}
    assert "liujiang.pairing.coverage_for_alliance" not in ids


def test_checklist_items_are_grouped_by_responsible_party() -> None:
    checklist = build_checklist(load_policy("liujiang"))
    parties = [s.party.zh for s in checklist.sections]
    assert len(parties) == len(set(parties))
    for section in checklist.sections:
        policy = load_policy("liujiang")
        assert all(policy.rule(i.rule_id).party.zh == section.party.zh for i in section.items)


def test_checklist_markdown_has_result_evidence_and_remarks_columns() -> None:
    result = CliRunner().invoke(app, ["checklist", "liujiang"])
    assert result.exit_code == 0, result.output
    assert "检查结果 result | 证据材料 evidence | 备注 remarks" in result.output
    assert "□符合 / □不符合 / □不适用" in result.output
    assert ROTATION_TEXT in result.output


def test_checklist_xlsx_opens_and_holds_the_10_percent_requirement_with_its_clause(
        tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "liujiang.xlsx"
    result = CliRunner().invoke(app, ["checklist", "liujiang", "--format", "xlsx", "--out",
                                      str(out)])
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(out).active
    rows = [[str(c) if c is not None else "" for c in row] for row in sheet.iter_rows(
        values_only=True)]
    header = rows[1]
    assert header[4].startswith("检查结果") and header[5].startswith("证据材料")
    row = next(r for r in rows if "10%" in r[2] and "三/(四)/3" in r[3])
    assert ROTATION_TEXT in row[3]
    assert str(sheet.page_setup.paperSize) == str(sheet.PAPERSIZE_A4)  # A4


def test_checklist_docx_opens_and_holds_the_10_percent_requirement_with_its_clause(
        tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    out = tmp_path / "liujiang.docx"
    result = CliRunner().invoke(app, ["checklist", "liujiang", "--format", "docx", "--out",
                                      str(out)])
    assert result.exit_code == 0, result.output
    document = docx.Document(str(out))
    cells = [[cell.text for cell in row.cells] for table in document.tables
             for row in table.rows]
    row = next(r for r in cells if "10%" in r[2] and "三/(四)/3" in r[3])
    assert ROTATION_TEXT in row[3]
    assert any(r[4].startswith("检查结果") for r in cells)


def test_checklist_refuses_an_unknown_format() -> None:
    result = CliRunner().invoke(app, ["checklist", "liujiang", "--format", "pdf"])
    assert result.exit_code != 0
