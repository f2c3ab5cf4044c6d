"""The authoring kit on small captures: layout, metadata, errata and rules proposed for review."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from xuequ_rules.authoring.capture import propose_layout
from xuequ_rules.authoring.dates import DATE, read_date
from xuequ_rules.authoring.metadata import DOC_NUMBER, propose_metadata, read_number
from xuequ_rules.authoring.scaffold import scaffold
from xuequ_rules.document.source import ErratumKind, RemovalKind, load_source
from xuequ_rules.errors import XuequError

NOTICE_CAPTURE = """某某县人民政府门户网站 今日是:
当前位置: 首页 > 政务公开
东政发〔2019〕7号 东县人民政府关于印发《东县学区制管理改革实施方案》的通知
来源: 东县人民政府办公室 | 发布日期: 2019-03-02
东政发〔20197 号
东县人民政府
关于印发《东县学区制管理改革实施方案》的通知
各乡镇人民政府,县直各单位:
《东县学区制管理改革实施方案》已经县人民政府同意,现印发给你们,请认真贯彻执行。
东县人民政府
二〇一九年二月二十五日
东县学区制管理改革实施方案
根据《省人民政府办公厅关于推进学区制的通知》(省政办发〔201640 号)精神,制定本方案。
一、工作目标
到2020年,全县学区覆盖率达到1 0 0%。
二、主要措施
(一)健全制度。县教育局要建立学区管理制度。
(二)配齐人员。每个学区设主任1名。
(三)强化保障。加强学区建设,改善办学条件。
分享到: 微信 微博
打印本页 关闭窗口
"""


def _metadata(text: str):
    layout = propose_layout(text)
    return layout, propose_metadata(text, layout)


@pytest.mark.parametrize(("captured", "normalized", "kind"), [
    ("国发〔201640 号", "国发〔2016〕40号", ErratumKind.LOST_BRACKET),
    ("东教工委发20144 号", "东教工委发〔2014〕4号", ErratumKind.LOST_BRACKET),
    ("崇政办发(2018)39号", "崇政办发〔2018〕39号", ErratumKind.OTHER),
    ("桂政办发〔2016168号", "桂政办发〔2016〕168号", ErratumKind.LOST_BRACKET),
    ("江政规〔2018〕1 号", "江政规〔2018〕1号", ErratumKind.STRAY_SPACE),
])
def test_new_repairs_document_numbers_the_capture_damaged_as_proposed_errata(
        captured, normalized, kind):
    found = read_number(DOC_NUMBER.search(captured), 1)
    assert found is not None and found.normalized == normalized
    assert found.repair is not None and found.repair.kind is kind
    assert found.repair.captured == captured and found.repair.corrected == normalized


def test_new_reads_a_number_whose_issuer_code_was_lost_with_its_bracket():
    found = read_number(DOC_NUMBER.search("(〔2016168号)"), 1)
    assert found is not None and found.normalized == "〔2016〕168号"
    assert found.repair is not None and found.repair.kind is ErratumKind.LOST_BRACKET


@pytest.mark.parametrize(("text", "date"), [
    ("20171229", dt.date(2017, 12, 29)),
    ("2018年1月25日", dt.date(2018, 1, 25)),
    ("二〇一八年一月二十五日", dt.date(2018, 1, 25)),
    ("2018-01-29", dt.date(2018, 1, 29)),
])
def test_new_reads_dates_in_every_written_form(text, date):
    match = DATE.fullmatch(text)
    assert match is not None and read_date(match) == (date, False)


def test_new_reads_a_compact_date_that_lost_its_characters_as_the_reading_before_publication():
    match = DATE.fullmatch("2018125")
    assert read_date(match, dt.date(2018, 1, 29)) == (dt.date(2018, 1, 25), True)


def test_new_recognises_the_notice_as_its_own_part_before_the_plan():
    layout, meta = _metadata(NOTICE_CAPTURE)
    assert layout.plan_title == "东县学区制管理改革实施方案"
    assert layout.notice == (5, 11)
    assert [p.lines for p in layout.kept] == [(5, 11), (12, 19)]
    assert meta.title == "东县学区制管理改革实施方案"
    assert meta.notice_title == "东县人民政府关于印发《东县学区制管理改革实施方案》的通知"


def test_new_proposes_page_chrome_for_removal_with_reasons():
    layout, _ = _metadata(NOTICE_CAPTURE)
    removed = {r.lines: r for r in layout.removed}
    assert set(removed) == {(1, 2), (3, 3), (4, 4), (20, 21)}
    assert all(r.kind is RemovalKind.PAGE_CHROME and r.reason_zh and r.reason_en
               for r in removed.values())


def test_new_proposes_a_repeated_block_as_a_duplicate_of_the_first():
    body = "\n".join(f"第{n}行内容" for n in range(1, 7))
    layout = propose_layout(f"{body}\n{body}\n")
    assert [r.lines for r in layout.removed] == [(7, 12)]
    assert layout.removed[0].kind is RemovalKind.DUPLICATE
    assert layout.removed[0].duplicate_of == (1, 6)


def test_new_proposes_number_issuers_dates_and_basis_with_which_date_is_which():
    _, meta = _metadata(NOTICE_CAPTURE)
    assert meta.doc_number is not None and meta.doc_number.normalized == "东政发〔2019〕7号"
    assert meta.doc_number.captured == "东政发〔20197 号"
    assert meta.issuers == ("东县人民政府",)
    assert {k: v.value for k, v in meta.dates.items()} == {
        "written": dt.date(2019, 2, 25), "issued": dt.date(2019, 2, 25),
        "published": dt.date(2019, 3, 2)}
    assert [(b.number, b.as_captured) for b in meta.basis] == [
        ("省政办发〔2016〕40号", "省政办发〔201640 号")]


def test_new_proposes_joint_issuers_of_a_party_and_government_notice():
    text = ("中共某县委办公室 某县人民政府办公室关于印发《某县教共体建设实施方案》的通知\n"
            "某县教共体建设实施方案\n一、目标\n各学校要建立教共体。\n")
    _, meta = _metadata(text)
    assert meta.issuers == ("中共某县委办公室", "某县人民政府办公室")
    assert meta.issuer_kind == "party_and_government_joint"


def test_new_writes_an_installable_package_every_proposal_marked_for_review(tmp_path):
    capture = tmp_path / "capture.txt"
    capture.write_text(NOTICE_CAPTURE, encoding="utf-8")
    made = scaffold("dongxian", capture, tmp_path / "out")
    package = made.package_dir
    assert (made.root / "pyproject.toml").read_text().count('dongxian = "xuequ_policy_dongxian:PACKAGE"')
    for path in (package / "document.yaml", package / "source/2019/provenance.yaml",
                 package / "source/2019/errata.yaml"):
        assert path.read_text().startswith("# yaml-language-server: $schema=")
    source = load_source(package / "source/2019", "2019")
    assert {(e.erratum.captured, e.erratum.corrected) for e in source.errata} == {
        ("东政发〔20197 号", "东政发〔2019〕7号"), ("省政办发〔201640 号", "省政办发〔2016〕40号"),
        ("1 0 0", "100")}
    rules = (package / "rules.py").read_text()
    assert rules.count("# REVIEW") >= len(made.parameters) + len(made.duties)
    assert any(p.value == 1 and p.number == "1名" for p in made.parameters)
    assert any(p.value == 2020 for p in made.parameters)
    parties = {d.quote: d.party for d in made.duties}
    assert parties["县教育局要建立学区管理制度。"] == "县教育局"
    assert parties["加强学区建设,改善办学条件。"] is None
    assert re.search(r"kind='missing_party'", rules)


def test_new_refuses_a_folder_that_is_not_empty(tmp_path):
    capture = tmp_path / "capture.txt"
    capture.write_text(NOTICE_CAPTURE, encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "x").write_text("")
    with pytest.raises(XuequError, match="not empty"):
        scaffold("dongxian", capture, tmp_path / "out")
