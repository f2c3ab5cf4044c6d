"""Checks of the encoding against the document: provisions, own data, responsible parties."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pytest

from xuequ_rules import load_policy
from xuequ_rules.consistency import check_policy
from xuequ_rules.consistency.parties import party_issues, party_named, unnamed_party_rules
from xuequ_rules.consistency.provisions import provision_coverage, provision_issues
from xuequ_rules.consistency.selfcheck import self_check_issues
from xuequ_rules.consistency.stats import policy_stats
from xuequ_rules.document.document import Document
from xuequ_rules.document.parser import parse_clauses
from xuequ_rules.document.sentences import classify, normative_sentences, provision_parts
from xuequ_rules.errors import PolicyDefinitionError
from xuequ_rules.policy.dsl import Cite, Modality, Rule, f, zh_en
from xuequ_rules.policy.policy import DocumentFinding, Narrative, Policy, Unencoded
from xuequ_rules.policy.rule import Decision, checklist_duty

ROOT = Path(__file__).resolve().parents[1]


def synthetic(text: str, issuers: tuple[str, ...] = ("某县人民政府",)) -> Document:
    """A document with the given text (metadata borrowed from Liujiang, no errata)."""
    base = load_policy("liujiang").document
    source = dataclasses.replace(base.source, text=text, errata=())
    parsed = parse_clauses(text)
    metadata = base.metadata.model_copy(update={"issuers": issuers})
    return Document("synthetic", "1", metadata, source, parsed.clauses, parsed.notes)


def without(policy: Policy, clause: str, fragment: str) -> Policy:
    """The policy with every rule and unencoded entry citing ``fragment`` of ``clause`` removed."""
    def cites_it(cites: tuple[Cite, ...]) -> bool:
        return any(c.clause == clause and (fragment in c.quote or c.quote in fragment)
                   for c in cites)

    dropped = {r.id for r in policy.rules
               if cites_it(r.all_cites() if isinstance(r, Decision) else r.cites)}
    rules = tuple(r for r in policy.rules
                  if r.id not in dropped and r.exception_to not in dropped)
    unencoded = tuple(u for u in policy.unencoded if not cites_it((u.cite,)))
    return dataclasses.replace(policy, rules=rules, unencoded=unencoded)


# --- the sentence finder ------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "kind"), [
    ("区教育行政部门要加强对学区办学资源的配置。", "obligation"),
    ("学校不得以任何理由拒收学生。", "prohibition"),
    ("学区设置可采取城乡帮扶、集团化办学等多种形式。", "permission"),
    ("每个学区学校数原则上不超过10所。", "obligation"),
    ("鼓励社会资源为学校提供场所。", "encouragement"),
    ("到2020年,引进名校达到12所。", "target"),
    ("办公室主任由朱敏兼任,具体负责协调工作。", "responsibility"),
    ("建立健全校级领导、教师定期轮岗交流制度。", "institution"),
    ("加强学区管理人员配备,每个学区设主要负责人1名。", "imperative"),   # 负责人: a noun
    ("进一步完善义务教育经费预算管理制度,提高经费使用效益。", "imperative"),
    ("根据编制标准和学生规模,合理核定中小学教职工编制总量控制数。", "imperative"),
    ("区教委统筹制定工作实施方案,整体设计工作目标与任务。", "imperative"),
])
def test_sentence_finder_classifies_each_kind_of_provision(sentence, kind):
    assert classify(sentence)[0] == kind


@pytest.mark.parametrize("sentence", [
    "促进学区教师资源、教学成果、办学特色、校园文化的共建共享。",   # purpose clause
    "学区内的学生按就近入学的原则安排在相应学校就读的重要意义。",   # 相应, 重要: not 应/要
    "学区制改革主要分三个阶段进行。",                               # 主要: not 要
    "组长:韦菲菲   区委常委、宣传部部长、副区长",                     # a list of members
    "已经区第一届人民政府第二十五次常务会审议通过。",                 # a fact about the past
    "凡要求转到外校学习的本校学生。",                                 # 要求: a request
    "为贯彻落实《国务院关于深入推进义务教育均衡发展的意见》,制定本方案。",  # purpose
    "以习近平新时代中国特色社会主义思想为指导,深入贯彻落实全国教育大会精神。",  # guiding ideology
    "中共某县委办公室 某县人民政府办公室",                             # issuers' names
])
def test_sentence_finder_does_not_count_purpose_clauses_words_or_descriptions(sentence):
    assert classify(sentence)[0] is None


def test_sentence_finder_leaves_out_numbers_headings_and_book_titles():
    document = synthetic("一、加强组织领导\n\n（一）建立工作机制。依据《关于建立学区的通知》办理。"
                         "区教育局要定期召开会议。\n")
    found = [(s.clause, s.text) for s in normative_sentences(document)]
    assert found == [("一/(一)", "区教育局要定期召开会议。")]


# --- provision coverage -------------------------------------------------------------------

def test_the_document_title_broken_over_lines_is_not_a_provision():
    document = synthetic("关于印发《某县全面推进\n学区制改革实施方案》的通知\n\n一、任务\n\n"
                         "区教育局要定期召开会议。\n")
    assert [s.clause for s in normative_sentences(document)] == ["一"]


def test_a_modal_leading_into_a_prepositional_phrase_runs_on_to_the_duty():
    document = synthetic("一、布局\n\n要按照一体化要求,进一步优化学校布局,“两免一补”政策城乡全覆盖。\n")
    sentence = normative_sentences(document)[0]
    parts = [sentence.text[a - sentence.start:b - sentence.start]
             for a, b in provision_parts(sentence)]
    assert parts == ["要按照一体化要求,进一步优化学校布局", "“两免一补”政策城乡全覆盖。"]


def test_provision_coverage_reports_liujiang_sentence_dropped_from_every_rule():
    policy = load_policy("liujiang")
    fragment = "不低于符合交流条件教师总数的10%"
    assert not any(fragment in d.text.zh for d in provision_issues(policy)[0])
    mutated = without(policy, "三/(四)/3", fragment)
    defects = [d for d in check_policy(mutated).defects if d.kind == "uncovered_provision"]
    dropped = [d for d in defects if fragment in d.text.zh]
    assert len(dropped) == 1
    assert dropped[0].cites[0].clause == "三/(四)/3"
    assert "neither encoded nor listed as unencoded" in dropped[0].text.en


def test_provision_coverage_counts_an_unencoded_entry_with_its_reason():
    policy = without(load_policy("liujiang"), "三/(四)/3", "不低于符合交流条件教师总数的10%")
    sentence = next(s for s in provision_coverage(policy).uncovered
                    if "不低于符合交流条件教师总数的10%" in s.text)
    entry = Unencoded(Cite("三/(四)/3", "不低于符合交流条件教师总数的10%"),
                      zh_en("示例理由", "example reason"))
    listed = dataclasses.replace(policy, unencoded=(*policy.unencoded, entry))
    assert sentence in provision_coverage(listed).covered


def test_a_not_normative_entry_accounts_for_a_sentence_that_only_looks_normative():
    document = synthetic("一、工作回顾\n\n近年来全区建立了学区协作机制。区教育局要定期召开会议。\n")
    rule = checklist_duty(id="x.meeting", title=zh_en("定期召开会议", "meet regularly"),
                          party=zh_en("区教育局", "district bureau"),
                          cites=(Cite("一", "区教育局要定期召开会议"),))
    bare = Policy("synthetic", "1", document, (), (rule,))
    assert [s.text for s in provision_coverage(bare).uncovered] == ["近年来全区建立了学区协作机制。"]
    declared = dataclasses.replace(bare, unencoded=(Unencoded(
        Cite("一", "近年来全区建立了学区协作机制"), zh_en("回顾已完成的工作，不是义务",
                                                 "describes past work, not a duty"),
        kind="not_normative"),))
    assert provision_coverage(declared).uncovered == ()
    assert provision_coverage(declared).found == 2


def test_a_narrative_number_entry_does_not_account_for_a_duty():
    document = synthetic("一、任务\n\n到2020年全区建成10个学区。\n")
    narrative = Narrative(Cite("一", "到2020年全区建成10个学区"), zh_en("叙述", "narrative"))
    policy = Policy("synthetic", "1", document, (), (), narratives=(narrative,))
    assert [s.kind for s in provision_coverage(policy).uncovered] == ["target"]


def test_an_unencoded_entry_of_unknown_kind_is_rejected():
    with pytest.raises(PolicyDefinitionError) as info:
        Unencoded(Cite("一", "x"), zh_en("理由", "reason"), kind="background")
    assert "not_normative" in info.value.en


# --- the document against itself ---------------------------------------------------------

@pytest.fixture
def ziyang_with_own_data() -> Policy:
    """Ziyang as shipped: its annex is the policy's own data (``self_facts``)."""
    policy = load_policy("ziyang")
    assert policy.self_facts is not None and policy.self_facts.communities
    return policy


def _stage_rule_over_every_community(policy: Policy) -> Policy:
    """Ziyang with the stage rule made stricter than its text: every community, any stage."""
    rules = tuple(dataclasses.replace(r, applies=None) if r.id == "ziyang.community.stage"
                  else r for r in policy.rules)
    findings = tuple(f for f in policy.document_findings
                     if "ziyang.community.stage" not in f.encodings)
    return dataclasses.replace(policy, rules=rules, document_findings=findings)


def test_self_check_of_ziyang_as_shipped_finds_no_annex_row_violating_its_rules(
        ziyang_with_own_data):
    assert self_check_issues(ziyang_with_own_data)[0] == []


def test_self_check_reports_annex_rows_9_and_10_violating_a_stage_rule_without_finding(
        ziyang_with_own_data):
    stricter = _stage_rule_over_every_community(ziyang_with_own_data)
    defects, findings = self_check_issues(stricter)
    assert sorted(d.id for d in defects) == [
        "self:ziyang.community.stage:communities[ziyang.annex.10]",
        "self:ziyang.community.stage:communities[ziyang.annex.9]"]
    assert all(d.kind == "self_violation" and d.cites for d in defects)
    assert findings == []
    assert {d.id for d in defects} <= {d.id for d in check_policy(stricter).defects}


def test_self_check_reports_a_contradiction_the_document_finding_names_as_a_finding(
        ziyang_with_own_data):
    stricter = _stage_rule_over_every_community(ziyang_with_own_data)
    finding = DocumentFinding(
        "ziyang.finding.annex_stages", "internal_contradiction",
        zh_en("附件列出高中、学前教共体", "the annex lists senior and preschool communities"),
        (Cite("附件", "县职教中心"),), encodings=("ziyang.community.stage",))
    policy = dataclasses.replace(
        stricter, document_findings=(*stricter.document_findings, finding))
    defects, findings = self_check_issues(policy)
    assert defects == []
    assert [f.kind for f in findings] == ["internal_contradiction"] * 2
    assert all("ziyang.finding.annex_stages" in f.text.en for f in findings)


# --- responsible parties -----------------------------------------------------------------

PARTY_TEXT = ("一、组织实施\n\n（一）由区教育局负责以下工作。\n\n1.建立学区管理制度。\n\n"
              "（二）经费保障\n\n1.保障学区经费。\n\n2.区财政局保障学区建设经费。\n")


def _duty(rule_id: str, clause: str, quote: str, party: str) -> Rule:
    return checklist_duty(id=rule_id, title=zh_en(quote, quote), party=zh_en(party, party),
                          cites=(Cite(clause, quote),))


def test_party_named_in_a_governing_lead_in_counts_as_named():
    document = synthetic(PARTY_TEXT)
    policy = Policy("synthetic", "1", document, (), (
        _duty("x.system", "一/(一)/1", "建立学区管理制度", "区教育局（学区办）"),
        _duty("x.funds", "一/(二)/1", "保障学区经费", "区财政局")))
    assert party_named(policy, policy.rule("x.system"))
    assert [r.id for r in unnamed_party_rules(policy)] == ["x.funds"]


def test_unlisted_rule_with_an_unnamed_party_is_a_library_defect():
    document = synthetic(PARTY_TEXT)
    policy = Policy("synthetic", "1", document, (), (
        _duty("x.funds", "一/(二)/1", "保障学区经费", "区财政局"),))
    defects, _ = party_issues(policy)
    assert [(d.kind, d.id) for d in defects] == [("unlisted_missing_party", "party:x.funds")]
    finding = DocumentFinding("x.missing_party", "missing_party",
                              zh_en("未写明主体", "no party named"),
                              (Cite("一/(二)/1", "保障学区经费"),), encodings=("x.funds",))
    assert party_issues(dataclasses.replace(policy, document_findings=(finding,)))[0] == []


def test_a_rule_listed_as_missing_party_whose_quote_names_its_party_is_stale():
    document = synthetic(PARTY_TEXT)
    finding = DocumentFinding("x.missing_party", "missing_party",
                              zh_en("未写明主体", "no party named"),
                              (Cite("一/(二)/2", "区财政局保障学区建设经费"),), encodings=("x.funds",))
    policy = Policy("synthetic", "1", document, (), (
        _duty("x.funds", "一/(二)/2", "区财政局保障学区建设经费", "区财政局"),),
        document_findings=(finding,))
    assert [d.kind for d in party_issues(policy)[0]] == ["stale_missing_party"]


def test_a_party_named_only_in_a_lead_in_may_still_be_declared_missing_for_a_duty():
    document = synthetic(PARTY_TEXT)
    finding = DocumentFinding("x.missing_party", "missing_party",
                              zh_en("未写明主体", "no party named"),
                              (Cite("一/(一)/1", "建立学区管理制度"),), encodings=("x.system",))
    policy = Policy("synthetic", "1", document, (), (
        _duty("x.system", "一/(一)/1", "建立学区管理制度", "区教育局"),),
        document_findings=(finding,))
    assert party_issues(policy)[0] == []


def test_a_missing_party_finding_listing_an_unknown_rule_is_a_defect():
    document = synthetic(PARTY_TEXT)
    finding = DocumentFinding("x.missing_party", "missing_party",
                              zh_en("未写明主体", "no party named"),
                              (Cite("一/(一)/1", "建立学区管理制度"),), encodings=("x.gone",))
    policy = Policy("synthetic", "1", document, (), (
        _duty("x.system", "一/(一)/1", "建立学区管理制度", "区教育局"),),
        document_findings=(finding,))
    assert [d.kind for d in party_issues(policy)[0]] == ["unknown_encoding"]


def test_declared_party_names_and_the_issuer_name_a_party():
    document = synthetic(PARTY_TEXT, issuers=("某市某区人民政府",))
    policy = Policy("synthetic", "1", document, (), (
        _duty("x.funds", "一/(二)/1", "保障学区经费", "区财政"),
        _duty("x.gov", "一/(二)/1", "保障学区经费", "区人民政府"),
        _duty("x.unknown", "一/(二)/1", "保障学区经费", "区教育局（文件未写明）")))
    assert [r.id for r in unnamed_party_rules(policy)] == ["x.funds", "x.unknown"]
    aliased = dataclasses.replace(policy, party_names={"区财政": ("经费",)})
    assert [r.id for r in unnamed_party_rules(aliased)] == ["x.unknown"]


# --- statistics --------------------------------------------------------------------------

def test_stats_count_sentences_numbers_own_data_and_parties(ziyang_with_own_data):
    stats = policy_stats(ziyang_with_own_data)
    provisions = stats["provisions"]
    assert provisions["found"] == sum(v["found"] for v in provisions["by_kind"].values())
    assert provisions["covered"] == sum(v["covered"] for v in provisions["by_kind"].values())
    assert 0 < provisions["covered"] <= provisions["found"]
    assert stats["numbers"]["found"] >= stats["numbers"]["covered"] > 0
    assert stats["self_check"] == {"has_own_data": True, "violated": 0, "conflict": False,
                                   "explained": 0}
    assert stats["parties"]["rules"] == len(ziyang_with_own_data.rules)


def test_check_stats_json_gives_per_document_coverage():
    result = subprocess.run([sys.executable, "-m", "xuequ_rules", "check", "liujiang", "--stats",
                             "--json"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode in (0, 1), result.stderr
    (report,) = json.loads(result.stdout)
    assert set(report["stats"]) == {"provisions", "numbers", "self_check", "parties",
                                    "parameters"}
    assert report["stats"]["provisions"]["found"] >= report["stats"]["provisions"]["covered"]
    plain = subprocess.run([sys.executable, "-m", "xuequ_rules", "check", "liujiang", "--stats"],
                           capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert "normative sentences" in plain.stdout and "规范性语句" in plain.stdout


def test_a_permission_rule_covers_the_sentence_it_quotes():
    document = synthetic("一、形式\n\n学区可采取集团化办学形式。\n")
    rule = Rule(id="x.form", title=zh_en("可采取集团化办学", "may use groups"),
                party=zh_en("学区", "zone"), subject="zones", kind=Modality.PERMISSION,
                requires=f.form.isin(("group",)),
                cites=(Cite("一", "可采取集团化办学形式"),))
    policy = Policy("synthetic", "1", document, (), (rule,))
    assert provision_coverage(policy).uncovered == ()
    assert provision_coverage(policy).by_kind == {"permission": (1, 1)}


def test_each_duty_joined_by_commas_needs_its_own_encoding():
    document = synthetic("一、交流\n\n交流比例不低于10%,其中,骨干教师不低于12%。\n")
    first = checklist_duty(id="x.share", title=zh_en("比例", "share"), party=zh_en("区", "district"),
                           cites=(Cite("一", "交流比例不低于10%"),))
    policy = Policy("synthetic", "1", document, (), (first,))
    assert len(provision_coverage(policy).uncovered) == 1
    second = checklist_duty(id="x.backbone", title=zh_en("骨干", "backbone"),
                            party=zh_en("区", "district"), cites=(Cite("一", "骨干教师不低于12%"),))
    assert provision_coverage(dataclasses.replace(policy, rules=(first, second))).uncovered == ()
