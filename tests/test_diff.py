"""The three-level diff: text redline, structure by concept, behaviour on generated scenarios."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from decimal import Decimal

import pytest
from typer.testing import CliRunner

from xuequ_rules import load_policy, packages
from xuequ_rules.cli.app import app
from xuequ_rules.diff import ChangeStatus, diff_policies, diff_refs
from xuequ_rules.diff.report import to_markdown
from xuequ_rules.diff.scenarios import generate_records
from xuequ_rules.diff.structure import structure_diff
from xuequ_rules.diff.text import text_diff
from xuequ_rules.document.document import Document
from xuequ_rules.document.parser import parse_clauses
from xuequ_rules.errors import XuequError
from xuequ_rules.policy.expr import Arith, Compare, Expr, IsIn, Known, Length, Logic, Not
from xuequ_rules.policy.parameter import Parameter
from xuequ_rules.policy.policy import Policy
from xuequ_rules.policy.rule import Decision

ROTATION = "liujiang.teacher_exchange.min_share"
SIX = "liujiang.zone.six_unifications"


# ── helpers: a second "district" and a second "version" built from Liujiang ─────────

def _subst(expr: Expr | None, params: dict[str, Parameter]) -> Expr | None:
    if expr is None:
        return None
    if isinstance(expr, Parameter):
        return params.get(expr.id, expr)
    if isinstance(expr, Arith | Compare):
        return dataclasses.replace(expr, left=_subst(expr.left, params),
                                   right=_subst(expr.right, params))
    if isinstance(expr, Logic):
        return dataclasses.replace(expr, items=tuple(_subst(i, params) for i in expr.items))
    if isinstance(expr, Not | IsIn | Known | Length):
        return dataclasses.replace(expr, item=_subst(expr.item, params))
    return expr


def variant(base: Policy, name: str, *, values: dict[str, object] | None = None,
            concepts: dict[str, str | None] | None = None, version: str | None = None,
            document: Document | None = None) -> Policy:
    """Liujiang's encoding under another name (ids re-prefixed), with changed parameters."""
    values = values or {}
    concepts = concepts or {}
    params: dict[str, Parameter] = {}
    for p in base.parameters:
        params[p.id] = dataclasses.replace(
            p, id=p.id.replace(base.name, name, 1), value=values.get(p.id, p.value),
            concept=concepts.get(p.id, p.concept))
    rules = []
    for r in base.rules:
        changes: dict[str, object] = {
            "id": r.id.replace(base.name, name, 1), "applies": _subst(r.applies, params),
            "exception_to": r.exception_to.replace(base.name, name, 1) if r.exception_to
            else None}
        if isinstance(r, Decision):
            changes["cases"] = tuple(dataclasses.replace(c, when=_subst(c.when, params))
                                     for c in r.cases)
        else:
            changes["requires"] = _subst(r.requires, params)
            changes["forbids"] = _subst(r.forbids, params)
        rules.append(dataclasses.replace(r, **changes))
    return Policy(name=name, version=version or base.version, document=document or base.document,
                  parameters=tuple(params.values()), rules=tuple(rules),
                  narratives=base.narratives, phases=base.phases,
                  count_claims=base.count_claims, document_findings=base.document_findings,
                  facts_model=base.facts_model, concepts=base.concepts)


def edited_document(base: Document, edit: callable, version: str = "2019") -> Document:  # type: ignore[valid-type]
    text = edit(base.source.text)
    # an edit that keeps the length keeps the errata where they are; others drop them
    errata = base.source.errata if len(text) == len(base.source.text) else ()
    source = dataclasses.replace(base.source, text=text, errata=errata)
    parsed = parse_clauses(text, source.heading_inserts)
    return Document(base.name, version, base.metadata, source, parsed.clauses, parsed.notes)


@pytest.fixture(scope="module")
def liujiang() -> Policy:
    return load_policy("liujiang")


@pytest.fixture(scope="module")
def other(liujiang: Policy) -> Policy:
    """A district like Liujiang but rotating 15% and with a different 六统一."""
    return variant(liujiang, "other", values={
        ROTATION: Decimal("0.15"),
        SIX: "资源配置、师资调配、教学管理、教育科研、考核评价、学校招生"})


def _param(diff: object, left_id: str):
    return next(i for i in diff.parameters if i.left_id == left_id)  # type: ignore[attr-defined]


# ── text ──────────────────────────────────────────────────────────────────────

def test_text_diff_of_liujiang_with_itself_marks_every_clause_unchanged(liujiang: Policy) -> None:
    result = text_diff(liujiang.document, liujiang.document)
    assert len(result.clauses) == len(liujiang.document.ids)
    assert {c.status for c in result.clauses} == {ChangeStatus.UNCHANGED}
    assert all(c.aligned_by == "id" for c in result.clauses)


def test_text_diff_redlines_the_rotation_share_changed_from_10_to_15_percent(
        liujiang: Policy) -> None:
    edited = edited_document(liujiang.document, lambda t: t.replace(
        "符合交流条件教师总数的10%", "符合交流条件教师总数的15%"))
    result = text_diff(liujiang.document, edited)
    changed = [c for c in result.clauses if c.status is ChangeStatus.CHANGED]
    assert [c.id for c in changed] == ["三/(四)/3"]
    change = changed[0]
    assert change.aligned_by == "id"
    # the redline reproduces both texts, and marks 10 → 15
    assert "".join(op.left for op in change.ops) == change.left_text
    assert "".join(op.right for op in change.ops) == change.right_text
    edits = [op for op in change.ops if op.op != "equal"]
    assert [(op.left, op.right) for op in edits] == [("0", "5")]
    assert result.summary()["changed"] == 1


def test_text_diff_aligns_a_renumbered_clause_by_content(liujiang: Policy) -> None:
    def drop_first_item(text: str) -> str:
        start = text.index("1. 打造学区管理团队")
        end = text.index("2. 配齐配足学科教师")
        text = text[:start] + text[end:]
        for old, new in (("2. 配齐", "1. 配齐"), ("3. 促进", "2. 促进"),
                         ("4. 加强学区教师", "3. 加强学区教师"),
                         ("5. 努力", "4. 努力")):
            text = text.replace(old, new, 1)
        return text

    result = text_diff(liujiang.document, edited_document(liujiang.document, drop_first_item))
    removed = [c for c in result.clauses if c.status is ChangeStatus.REMOVED]
    assert [c.left_id for c in removed] == ["三/(四)/1"]
    moved = next(c for c in result.clauses if c.left_id == "三/(四)/3")
    assert moved.right_id == "三/(四)/2"
    assert moved.aligned_by == "content"
    assert moved.status is ChangeStatus.UNCHANGED       # only the number changed
    assert result.summary()["added"] == 0


def test_text_diff_between_two_districts_lists_clauses_only_one_side_has(
        liujiang: Policy) -> None:
    ziyang = load_policy("ziyang")
    result = text_diff(liujiang.document, ziyang.document)
    assert result.summary()["removed"] > 0 and result.summary()["added"] > 0
    ids = {c.left_id for c in result.clauses if c.left_id}
    assert ids == set(liujiang.document.ids)        # every left clause is accounted for


# ── structure ─────────────────────────────────────────────────────────────────

def test_structure_diff_aligns_rotation_minimum_across_districts_by_concept(
        liujiang: Policy, other: Policy) -> None:
    item = _param(structure_diff(liujiang, other), ROTATION)
    assert item.aligned_by == "concept"
    assert item.concept == "teacher_exchange.min_share_per_year"
    assert item.right_id == "other.teacher_exchange.min_share"
    assert item.status is ChangeStatus.CHANGED
    value = next(c for c in item.changes if c.field == "value")
    assert (value.left, value.right) == ("10%", "15%")


def test_structure_diff_shows_the_condition_of_the_rotation_rule_with_both_thresholds(
        liujiang: Policy, other: Policy) -> None:
    rule = next(r for r in structure_diff(liujiang, other).rules if r.left_id == ROTATION)
    requires = next(c for c in rule.changes if c.field == "requires")
    assert "10%" in (requires.left or "") and "15%" in (requires.right or "")
    assert any("same structure" in item for _, item in requires.detail)


def test_structure_diff_shows_the_value_difference_of_two_six_unifications_text_parameters(
        liujiang: Policy, other: Policy) -> None:
    item = _param(structure_diff(liujiang, other), SIX)
    assert item.concept == "zone.six_unifications"
    value = next(c for c in item.changes if c.field == "value")
    detail = set(value.detail)
    assert ("only_left", "教学研究") in detail and ("only_left", "质量评价") in detail
    assert ("only_right", "教育科研") in detail and ("only_right", "考核评价") in detail
    assert ("common", "学校招生") in detail


def test_structure_diff_never_aligns_two_districts_by_wording_alone(liujiang: Policy) -> None:
    # same label and value, but no shared concept: not the same parameter
    other = variant(liujiang, "other", concepts={ROTATION: None})
    diff = structure_diff(liujiang, other)
    assert _param(diff, ROTATION).status is ChangeStatus.REMOVED
    added = [i for i in diff.parameters if i.right_id == "other.teacher_exchange.min_share"]
    assert added[0].status is ChangeStatus.ADDED and added[0].aligned_by == ""


def test_structure_diff_of_two_versions_of_one_policy_aligns_by_id(liujiang: Policy) -> None:
    newer = variant(liujiang, "liujiang", values={ROTATION: Decimal("0.12")}, version="2019")
    diff = structure_diff(liujiang, newer)
    item = _param(diff, ROTATION)
    assert item.aligned_by == "id" and item.right_id == ROTATION
    unchanged = [i for i in diff.parameters if i.status is ChangeStatus.UNCHANGED]
    assert len(unchanged) == len(liujiang.parameters) - 1


def test_structure_diff_reports_a_rule_turned_in_principle(liujiang: Policy) -> None:
    newer = dataclasses.replace(liujiang, version="2019", rules=tuple(
        dataclasses.replace(r, in_principle=True) if r.id == ROTATION else r
        for r in liujiang.rules))
    rule = next(r for r in structure_diff(liujiang, newer).rules if r.left_id == ROTATION)
    assert [(c.field, c.left, c.right) for c in rule.changes] == [
        ("in_principle", "False", "True")]


def test_structure_diff_of_liujiang_with_itself_has_no_changes(liujiang: Policy) -> None:
    diff = structure_diff(liujiang, liujiang)
    assert diff.metadata == ()
    assert all(i.status is ChangeStatus.UNCHANGED for i in diff.parameters + diff.rules)


@pytest.mark.skipif("nantong" not in packages(), reason="nantong policy package not installed")
def test_liujiang_rotates_10_percent_where_nantong_rotates_15_percent() -> None:
    diff = diff_refs("liujiang", "nantong", levels=("structure",))
    assert diff.structure is not None
    items = [i for i in diff.structure.parameters
             if i.concept == "teacher_exchange.min_share_per_year" and i.left_id and i.right_id]
    assert items, "both encode teacher_exchange.min_share_per_year"
    value = next(c for c in items[0].changes if c.field == "value")
    assert value.left == "10%" and value.right == "15%"


# ── behaviour ─────────────────────────────────────────────────────────────────

def test_generated_teacher_exchange_records_sit_at_and_around_each_threshold(
        liujiang: Policy, other: Policy) -> None:
    rules = [r for p in (liujiang, other) for r in p.rules if r.subject == "teacher_exchanges"]
    records = generate_records("teacher_exchanges", rules, dt.date(2020, 8, 31))
    base = records[0][1]
    assert base == {"eligible": 200, "rotated": 30, "backbone_rotated": 4}  # meets 15% and 12%
    rotated = {r["rotated"] for varied, r in records if varied in ("", "rotated")
               and "rotated" in r}
    assert {19, 20, 21, 29, 30, 31} <= rotated          # 10% and 15% of 200, ±1
    assert any(varied == "eligible" and "eligible" not in r for varied, r in records)  # missing


def test_behaviour_diff_lists_20_of_200_rotated_as_satisfied_in_liujiang_violated_in_other(
        liujiang: Policy, other: Policy) -> None:
    diff = diff_policies(liujiang, other, levels=("behaviour",))
    assert diff.behaviour is not None
    cases = {dict(c.record)["rotated"]: c for c in diff.behaviour.cases
             if c.concept == "teacher_exchange.min_share_per_year"}
    assert set(cases) == {"20", "21", "29"}
    case = cases["20"]
    assert (case.left_outcome, case.right_outcome) == ("satisfied", "violated")
    assert case.left_rules == (ROTATION,) and case.right_rules == ("other.teacher_exchange.min_share",)
    assert "teacher_exchanges" in diff.behaviour.collections


def test_behaviour_diff_of_liujiang_with_itself_finds_no_difference(liujiang: Policy) -> None:
    diff = diff_policies(liujiang, liujiang, levels=("behaviour",))
    assert diff.behaviour is not None
    assert diff.behaviour.scenarios > 0
    assert diff.behaviour.cases == ()


# ── output and API ────────────────────────────────────────────────────────────

def test_diff_as_dict_is_plain_json_and_deterministic(liujiang: Policy, other: Policy) -> None:
    first = json.dumps(diff_policies(liujiang, other).as_dict(), ensure_ascii=False)
    second = json.dumps(diff_policies(liujiang, other).as_dict(), ensure_ascii=False)
    assert first == second
    data = json.loads(first)
    assert set(data) >= {"left", "right", "text", "structure", "behaviour"}
    assert data["left"] == "liujiang@2018" and data["right"] == "other@2018"


def test_diff_result_is_frozen(liujiang: Policy) -> None:
    diff = diff_policies(liujiang, liujiang, levels=("structure",))
    with pytest.raises(dataclasses.FrozenInstanceError):
        diff.left = "x"  # type: ignore[misc]


def test_markdown_shows_concepts_values_and_behaviour(liujiang: Policy, other: Policy) -> None:
    text = to_markdown(diff_policies(liujiang, other))
    assert "teacher\\_exchange.min\\_share\\_per\\_year" in text or \
        "teacher_exchange.min_share_per_year" in text
    assert "10% → 15%" in text
    assert "| satisfied | violated |" in text


def test_markdown_of_two_versions_redlines_the_changed_clause(liujiang: Policy) -> None:
    edited = edited_document(liujiang.document, lambda t: t.replace("总数的10%", "总数的15%"))
    diff = diff_policies(liujiang, liujiang, levels=("text",))
    diff = dataclasses.replace(diff, text=text_diff(liujiang.document, edited))
    text = to_markdown(diff)
    assert '<del class="xq-del">0</del><ins class="xq-ins">5</ins>' in text
    assert "三/(四)/3" in text


def test_unknown_diff_level_is_rejected(liujiang: Policy) -> None:
    with pytest.raises(ValueError, match="unknown diff level"):
        diff_policies(liujiang, liujiang, levels=("semantics",))


def test_cli_diff_json_of_two_versions_syntax() -> None:
    result = CliRunner().invoke(app, ["diff", "liujiang@2018", "liujiang", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["same_policy"] is True
    assert data["text"]["summary"]["unchanged"] == len(load_policy("liujiang").document.ids)


def test_cli_diff_markdown_and_terminal_output() -> None:
    runner = CliRunner()
    markdown = runner.invoke(app, ["diff", "liujiang", "ziyang", "--markdown"])
    assert markdown.exit_code == 0, markdown.output
    assert markdown.stdout.startswith("# liujiang@2018 → ziyang@2024")
    terminal = runner.invoke(app, ["diff", "liujiang", "ziyang", "--level", "structure"])
    assert terminal.exit_code == 0, terminal.output
    assert "liujiang@2018" in terminal.stdout


def test_cli_diff_unknown_level_is_a_bilingual_error() -> None:
    result = CliRunner().invoke(app, ["diff", "liujiang", "liujiang", "--level", "vibes"])
    assert isinstance(result.exception, XuequError)
    assert "unknown level" in str(result.exception)


def test_caoxian_capture_diff_scenarios_use_entry_ages_near_the_text_not_a_default_of_200():
    text = to_markdown(diff_refs("caoxian@capture-1", "caoxian@capture-2",
                                 levels=("behaviour",)))
    assert "age=200" not in text
    assert "age=12" in text and "age=6" in text
