"""The documentation site: generated from the installed policies, built with mkdocs --strict."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from xuequ_rules import load_policy, packages
from xuequ_rules.cli.app import app
from xuequ_rules.sitegen import REPO_ROOT, SiteResult, build_site
from xuequ_rules.sitegen.pages import Entry, clause_anchor, policy_pages

ROTATION_CLAUSE = "三/(四)/3"
LIUJIANG = "policies/liujiang/2018"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> SiteResult:
    root = tmp_path_factory.mktemp("site")
    return build_site(root / "html", source_dir=root / "src", strict=True)


def _md(site: SiteResult, path: str) -> str:
    assert site.source_dir is not None
    return (site.source_dir / "docs" / path).read_text(encoding="utf-8")


def _section(text: str, anchor: str) -> str:
    """The markdown of one clause: from its heading to the next heading."""
    start = text.index(f"{{ #{anchor} }}")
    following = re.search(r"\n#{2,6} ", text[start:])
    return text[start:start + following.start()] if following else text[start:]


def test_clause_anchor_of_the_rotation_clause_is_stable() -> None:
    assert clause_anchor(ROTATION_CLAUSE) == "c-三_四_3"
    assert clause_anchor("序") == "c-序"


def test_site_builds_strictly_with_a_page_set_per_installed_policy_version(
        site: SiteResult) -> None:
    assert (site.site_dir / "index.html").is_file()
    for name, package in packages().items():
        for version in package.versions():
            folder = f"policies/{name}/{version}"
            assert f"{folder}/index.md" in site.pages, folder
            assert f"{folder}/text.md" in site.pages, folder
            assert (site.site_dir / folder / "text.html").is_file(), folder


def test_liujiang_text_page_shows_the_rotation_rule_beside_its_clause(site: SiteResult) -> None:
    section = _section(_md(site, f"{LIUJIANG}/text.md"), clause_anchor(ROTATION_CLAUSE))
    assert "全区每年交流轮岗教师的比例不低于符合交流条件教师总数的10%" in section
    assert '<aside class="xq-encoding">' in section
    assert "<code>liujiang.teacher_exchange.min_share</code>" in section     # the rule
    assert "At least 10% of eligible teachers rotate each year" in section  # in English too
    assert "<code>liujiang.teacher_exchange.backbone_min_share</code>" in section  # parameter
    html = (site.site_dir / LIUJIANG / "text.html").read_text(encoding="utf-8")
    assert 'id="c-三_四_3"' in html


def test_liujiang_text_page_marks_errata_in_their_clause(site: SiteResult) -> None:
    text = _md(site, f"{LIUJIANG}/text.md")
    assert "勘误 erratum E02" in text


def test_liujiang_overview_has_metadata_basis_errata_and_provenance(site: SiteResult) -> None:
    text = _md(site, f"{LIUJIANG}/index.md")
    assert "江政规〔2018〕1号" in text
    assert "柳州市柳江区人民政府" in text
    assert "2018-01-25" in text
    assert "桂政办发〔2016〕168号" in text and "柳政规〔2017〕10号" in text
    assert "| E02 |" in text
    policy = load_policy("liujiang")
    assert policy.document.source.provenance.capture_sha256 in text
    assert "删除 removed: 重复内容 duplicate" in text


def test_parameter_table_lists_every_liujiang_parameter_with_its_value(site: SiteResult) -> None:
    text = _md(site, f"{LIUJIANG}/parameters.md")
    for param in load_policy("liujiang").parameters:
        assert f"<code>{param.id}</code>" in text
    assert "**10%**" in text
    assert f"(text.md#{clause_anchor(ROTATION_CLAUSE)})" in text


def test_checklist_page_is_print_ready_with_the_10_percent_requirement_and_its_clause_text(
        site: SiteResult) -> None:
    text = _md(site, f"{LIUJIANG}/checklist.md")
    assert "@page { size: A4" in text
    assert "检查结果" in text and "证据材料" in text and "备注" in text
    assert "全区每年交流轮岗教师的比例不低于符合交流条件教师总数的10%" in text
    assert "≥ 10%" in text


def test_checklist_page_lists_every_duty_under_its_party(site: SiteResult) -> None:
    text = _md(site, f"{LIUJIANG}/checklist.md")
    policy = load_policy("liujiang")
    for duty in policy.checklist():
        assert f"<code>{duty.id}</code>" in text
    assert "## 区财政 district finance bureau" in text
    assert "## 教育督导部门 education inspectorate" in text


def test_consistency_page_separates_defects_from_document_findings(site: SiteResult) -> None:
    text = _md(site, f"{LIUJIANG}/consistency.md")
    assert "## 库缺陷 Library defects: 0" in text
    assert "未明确责任主体 missing responsible party" in text
    assert "## 文件问题 Document findings:" in text


def test_compare_page_aligns_the_rotation_minimum_by_concept_with_a_chinese_label(
        site: SiteResult) -> None:
    text = _md(site, "compare/index.md")
    row = next(line for line in text.splitlines()
               if "<code>teacher_exchange.min_share_per_year</code>" in line
               and line.startswith("| "))
    assert "**10%**" in row
    assert not row.startswith("| <code>")                      # labelled in words first
    assert f"text.md#{clause_anchor(ROTATION_CLAUSE)}" in row   # each value links its clause


def test_compare_main_table_holds_only_concepts_two_policies_share(site: SiteResult) -> None:
    text = _md(site, "compare/index.md")
    main = text.split("## 仅一项政策有的 Only in one policy")[0]
    for line in main.splitlines():
        if line.startswith("| ") and "<code>" in line and not line.startswith("| 事项"):
            filled = [c for c in line.split(" | ")[1:] if c.strip(" |") != "—"]
            assert len(filled) >= 2, line


def test_every_rule_and_parameter_has_its_own_page_with_versions_and_build_date(
        site: SiteResult) -> None:
    policy = load_policy("liujiang")
    for rule in policy.rules:
        assert f"{LIUJIANG}/rules/{rule.id}.md" in site.pages, rule.id
    for param in policy.parameters:
        assert f"{LIUJIANG}/parameters/{param.id}.md" in site.pages, param.id
    page = _md(site, f"{LIUJIANG}/rules/liujiang.teacher_exchange.min_share.md")
    assert "规则库版本 library version xuequ-rules" in page
    assert "政策版本 policy version liujiang@2018" in page and "构建日期 built" in page
    assert f"../text.md#{clause_anchor(ROTATION_CLAUSE)}" in page
    assert "(../parameters/liujiang.teacher_exchange.min_share.md)" in page
    html = (site.site_dir / LIUJIANG / "rules" / "liujiang.teacher_exchange.min_share.html")
    assert "构建日期 built" in html.read_text(encoding="utf-8")


def test_parameter_page_shows_value_rules_using_it_and_the_concept_elsewhere(
        site: SiteResult) -> None:
    page = _md(site, f"{LIUJIANG}/parameters/liujiang.teacher_exchange.min_share.md")
    assert "**10%**" in page
    assert "(../rules/liujiang.teacher_exchange.min_share.md)" in page
    assert "## 其他政策中的同一概念 The same concept elsewhere" in page
    concept = _md(site, "concepts/teacher_exchange.min_share_per_year.md")
    assert "liujiang@2018" in concept and "**10%**" in concept


def test_national_indicator_table_is_rendered_as_a_table_not_as_markdown_text(
        site: SiteResult) -> None:
    html = (site.site_dir / "policies/national/2017/text.html").read_text(encoding="utf-8")
    assert '<table class="xq-table">' in html
    assert "|---|" not in html and "| item |" not in html
    assert "<td>每百名学生拥有高于规定学历教师数</td>" in html


def test_no_page_shows_a_backslash_escape(site: SiteResult) -> None:
    shown = [p for p in site.site_dir.rglob("*.html") if "\\~" in p.read_text("utf-8")
             and "/api/" not in str(p)]
    assert shown == []


def test_status_level_and_boolean_codes_are_shown_in_chinese_on_policy_pages(
        site: SiteResult) -> None:
    codes = re.compile(r"<td>(violated|satisfied|undetermined|not_applicable|district|city|"
                       r"in_force|True|False)</td>|：False → True")
    leaks = {str(p.relative_to(site.site_dir)): codes.findall(p.read_text("utf-8"))
             for folder in ("policies", "diff", "compare", "concepts")
             for p in (site.site_dir / folder).rglob("*.html")}
    assert {page: found for page, found in leaks.items() if found} == {}


def test_no_page_loads_anything_from_another_host(site: SiteResult) -> None:
    """Scripts, styles, images and fonts all come from the site itself."""
    remote = re.compile(r"<(?:script|link|img|iframe)[^>]+(?:src|href)=\"(?:https?:)?//", re.I)
    offenders = [str(p) for p in site.site_dir.rglob("*.html") if remote.search(p.read_text(
        "utf-8"))]
    assert offenders == []
    css = "".join(p.read_text("utf-8") for p in site.site_dir.rglob("*.css"))
    assert "fonts.googleapis" not in css and "@import url(http" not in css


def test_overview_shows_levels_and_errata_kinds_in_chinese(site: SiteResult) -> None:
    text = _md(site, f"{LIUJIANG}/index.md")
    assert "区级 district" in text
    assert "| E02 |" in text and "lost_characters" not in text


def test_diff_pages_exist_for_each_pair_of_encoded_policies(site: SiteResult) -> None:
    index = _md(site, "diff/index.md")
    diffs = [p for p in site.pages if p.startswith("diff/") and p != "diff/index.md"]
    encoded = [n for n, p in packages().items()
               if _loads(p.name)]
    assert len(diffs) >= len(encoded) * (len(encoded) - 1) // 2
    if len(encoded) >= 2:
        assert "liujiang@2018" in index


def _loads(name: str) -> bool:
    try:
        load_policy(name)
    except Exception:
        return False
    return True


def test_search_is_configured_for_chinese_and_english(site: SiteResult) -> None:
    assert site.source_dir is not None
    config = yaml.safe_load((site.source_dir / "mkdocs.yml").read_text(encoding="utf-8"))
    search = config["plugins"]["search"]
    assert search["lang"] == ["zh", "en"]
    assert "\\u200b" in search["separator"] and "，" in search["separator"]
    index = json.loads((site.site_dir / "search" / "search_index.json").read_text("utf-8"))
    assert index["config"]["lang"] == ["zh", "en"]


@pytest.mark.skipif(importlib.util.find_spec("jieba") is None,
                    reason="jieba (docs extra) not installed: Chinese is not segmented")
def test_search_index_has_rotation_as_a_word_of_liujiangs_rotation_clause(
        site: SiteResult) -> None:
    index = json.loads((site.site_dir / "search" / "search_index.json").read_text("utf-8"))
    doc = next(d for d in index["docs"]
               if d["location"] == f"{LIUJIANG}/text.html#{clause_anchor(ROTATION_CLAUSE)}")
    assert "\u200b轮岗\u200b" in doc["text"]


@pytest.mark.skipif(importlib.util.find_spec("jieba") is None,
                    reason="jieba (docs extra) not installed: Chinese is not segmented")
def test_search_for_jiaoliu_lungang_finds_the_teacher_rotation_clause_above_pupils_exchange(
        site: SiteResult) -> None:
    """The domain dictionary keeps 交流轮岗 one word; the clauses outrank pages quoting them."""
    index = json.loads((site.site_dir / "search" / "search_index.json").read_text("utf-8"))
    word = "\u200b交流轮岗\u200b"
    hits = [d for d in index["docs"] if word in d["text"] or word in d["title"]]
    rotation = f"{LIUJIANG}/text.html#{clause_anchor(ROTATION_CLAUSE)}"
    assert rotation in [d["location"] for d in hits]
    pupils = [d for d in index["docs"] if "交流活动" in d["text"].replace("\u200b", "")
              and "/text.html#" in d["location"]]
    # 交流活动 is split, so it shares the word 交流 and no longer matches 交流* by prefix
    assert all("\u200b交流\u200b活动" in d["text"] for d in pupils)
    assert pupils and all(word not in d["text"] for d in pupils)
    assert not any(d["location"].startswith("diff/") and d["location"] != "diff/index.html"
                   for d in index["docs"])
    boost = {d["location"].split("#")[0]: d.get("boost", 1) for d in index["docs"]}
    assert boost[f"{LIUJIANG}/text.html"] > max(boost.get("compare/index.html", 1), 1)


def test_api_reference_is_rendered_by_mkdocstrings(site: SiteResult) -> None:
    html = (site.site_dir / "api" / "diff.html").read_text(encoding="utf-8")
    assert "diff_policies" in html and "PolicyDiff" in html


def test_policy_pages_are_generated_never_hand_copied() -> None:
    handwritten = REPO_ROOT / "docs"
    assert not (handwritten / "policies").exists()
    assert not (handwritten / "compare").exists() and not (handwritten / "diff").exists()
    for page in handwritten.rglob("*.md"):
        assert "江政规" not in page.read_text(encoding="utf-8"), page


def test_a_version_without_encoding_is_shown_as_its_document_with_the_reason() -> None:
    document = load_policy("liujiang").document
    entry = Entry("liujiang", "2018", True, document, None, "UnknownPolicyError: no encoding")
    pages = policy_pages(entry, [entry])
    assert [p.path.rsplit("/", 1)[1] for p in pages] == ["index.md", "text.md"]
    assert "no encoding" in pages[0].text
    assert "本条款无编码项" in pages[1].text


def test_cli_docs_build_writes_the_site(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["docs", "build", "--out", str(tmp_path / "html"),
                                      "--build-dir", str(tmp_path / "src")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "html" / LIUJIANG / "checklist.html").is_file()
    assert (tmp_path / "src" / "mkdocs.yml").is_file()


def test_overview_links_the_official_source_when_document_yaml_records_it() -> None:
    import dataclasses
    import datetime as dt

    from xuequ_rules.sitegen.overview import overview_page

    document = load_policy("liujiang").document
    meta = document.metadata.model_copy(update={
        "source_url": "http://www.liujiang.gov.cn/example", "retrieved": dt.date(2024, 5, 1)})
    entry = Entry("liujiang", "2018", True, dataclasses.replace(document, metadata=meta), None)
    text = overview_page(entry, [entry]).text
    assert "| 官方来源 official source | <http://www.liujiang.gov.cn/example> |" in text
    assert "| 获取日期 retrieved | 2024-05-01 |" in text


def test_pairwise_diff_links_each_sides_parameter_and_its_clause(site: SiteResult) -> None:
    text = _md(site, "diff/liujiang-2018__nantong-2013.md")
    row = next(line for line in text.splitlines()
               if line.startswith("| 教师交流轮岗最低比例<br><code>teacher_exchange.min_share_per_year")
               and "parameters/" in line)
    assert "(../policies/liujiang/2018/parameters/liujiang.teacher_exchange.min_share.md)" in row
    assert "(../policies/nantong/2013/parameters/nantong.teacher_exchange.min_share.md)" in row
    assert row.count("/text.md#c-") == 2
