"""Liujiang 2018 (江政规〔2018〕1号): the rules say what the text says, no more and no less."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xuequ_rules import Status, evaluate, load_policy
from xuequ_rules.consistency.values import parameter_defects
from xuequ_rules.facts.model import ZoneForm
from xuequ_rules.policy.expr import IsIn
from xuequ_rules.policy.rule import Modality

AS_OF = dt.date(2019, 12, 31)
FORMS = "liujiang.zone.allowed_forms"
ALLIANCE = "liujiang.pairing.coverage_for_alliance"


@pytest.fixture(scope="module")
def policy():
    return load_policy("liujiang")


def _statuses(policy, facts, rule_id):
    return [f.status for f in evaluate(policy, facts, as_of=AS_OF).for_rule(rule_id)]


def _missing_party(policy):
    (finding,) = [f for f in policy.document_findings if f.kind == "missing_party"]
    return finding


def _lineage_text(document, clause_id):
    parts = clause_id.split("/")
    return "".join(document.clause("/".join(parts[:i])).text for i in range(1, len(parts) + 1))


# ── 三/(一)/2: two named forms, alliances and other models permitted after full pairing ──

def test_liujiang_alliance_zone_is_permitted_once_pairing_covers_every_school(policy):
    facts = {"zones": [{"id": "a", "form": "school_alliance", "principal_heads": 1}],
             "district_indicators": [{"id": "d", "year": 2019, "pairing_coverage": 1}]}
    result = evaluate(policy, facts, as_of=AS_OF)
    assert [f.status for f in result.for_rule(ALLIANCE)] == [Status.SATISFIED]
    assert [f.status for f in result.for_rule(FORMS)] == [Status.UNDETERMINED]
    assert not [f for f in result.findings if f.status is Status.VIOLATED]


def test_liujiang_alliance_zone_before_full_pairing_is_not_reported_as_violated(policy):
    facts = {"zones": [{"id": "a", "form": "school_alliance", "principal_heads": 1}],
             "district_indicators": [{"id": "d", "year": 2018, "pairing_coverage": 0.99}]}
    result = evaluate(policy, facts, as_of=AS_OF)
    assert [f.status for f in result.for_rule(ALLIANCE)] == [Status.NOT_APPLICABLE]
    assert not [f for f in result.findings if f.status is Status.VIOLATED]


def test_liujiang_two_forms_clause_三_一_2_is_an_open_list_admitting_other_models(policy):
    rule = policy.rule(FORMS)
    assert isinstance(rule.requires, IsIn) and rule.requires.open
    assert rule.kind is Modality.DEFINITION and rule.exception_to is None
    assert any("探索其他有效模式" in c.quote for c in rule.cites)
    zones = [{"id": form.value, "form": form.value} for form in ZoneForm]
    by_form = {f.record: f.status for f in evaluate(policy, {"zones": zones}, AS_OF)
               .for_rule(FORMS)}
    assert by_form == {"zones[education_group]": Status.SATISFIED,
                       "zones[urban_rural_assistance]": Status.SATISFIED,
                       "zones[school_alliance]": Status.UNDETERMINED,
                       "zones[other]": Status.UNDETERMINED}


def test_liujiang_no_rule_forbids_alliance_zones_三_一_2(policy):
    ids = {r.id for r in policy.rules}
    assert "liujiang.zone.alliance_after_full_pairing" not in ids
    assert policy.rule(ALLIANCE).kind is Modality.PERMISSION


@settings(max_examples=60, deadline=None)
@given(form=st.sampled_from([None, *[f.value for f in ZoneForm]]),
       coverage=st.one_of(st.none(), st.decimals(min_value=0, max_value=1, places=4)))
def test_liujiang_zone_forms_and_alliance_permission_never_yield_violated(form, coverage):
    policy = load_policy("liujiang")
    facts = {"zones": [{"id": "z", "form": form}],
             "district_indicators": [{"id": "d", "year": 2019, "pairing_coverage": coverage}]}
    result = evaluate(policy, facts, as_of=AS_OF)
    for rule_id in (FORMS, ALLIANCE):
        assert Status.VIOLATED not in [f.status for f in result.for_rule(rule_id)]


# ── 三/(四)/1: zone managers are school staff holding the post concurrently ─────────

def test_liujiang_zone_managers_are_school_staff_holding_the_post_concurrently_三_四_1(policy):
    rule_id = "liujiang.duty.zone_managers_concurrent"
    rule = policy.rule(rule_id)
    assert any("均由各学校工作人员兼任" in c.quote and c.clause == "三/(四)/1" for c in rule.cites)
    assert _statuses(policy, {"attestations": {rule_id: False}}, rule_id) == [Status.VIOLATED]
    assert _statuses(policy, {}, rule_id) == [Status.UNDETERMINED]


# ── parties: 三/(二)/1/(1) and every sentence without a subject ───────────────────

def test_liujiang_department_duties_of_三_二_1_1_are_the_district_governments(policy):
    rule = policy.rule("liujiang.duty.department_duties")
    assert "区人民政府" in rule.party.zh
    assert rule.id in _missing_party(policy).encodings


def test_liujiang_every_encoding_names_a_party_from_its_text_or_is_listed_missing(policy):
    document = policy.document
    listed = set(_missing_party(policy).encodings)
    for rule in policy.rules:
        named = all(rule.party.zh in _lineage_text(document, c.clause) for c in rule.cites)
        assert named or rule.id in listed, rule.id
        assert not (named and rule.id in listed), rule.id


def test_liujiang_the_sixteen_reviewed_encodings_without_a_named_party_are_listed(policy):
    listed = set(_missing_party(policy).encodings)
    reviewed = {"zoning", "six_unifications", "new_schools_into_groups", "department_duties",
                "four_unified_standards", "two_exemptions", "resource_sharing",
                "zone_managers_training", "staffing_quota", "county_managed_teachers",
                "rotation_system", "differentiated_allowance", "leading_group"}
    assert {f"liujiang.duty.{key}" for key in reviewed} <= listed
    assert {"liujiang.zone.one_principal_head", "liujiang.education_groups.primary_2018",
            "liujiang.education_groups.junior_2018", "liujiang.teacher_exchange.min_share",
            "liujiang.teacher_exchange.backbone_share"} <= listed
    assert all(policy.rule(rule_id) for rule_id in listed)


# ── provisions the text sets that were not accounted for ─────────────────────────

MISSING_PROVISIONS = [
    ("三/(四)/5", "完善义务教育学校岗位结构比例和职称评聘政策措施"),          # L-6
    ("三/(四)/5", "进一步调整、完善区域内教师轮岗交流实施方案"),              # L-7
    ("三/(四)/3", "支持学区统一调配教师"),                                    # L-8
    ("三/(四)/4", "支持学区开展以学区为单位的教师培训、校本培训"),            # L-9
    ("三/(一)/2/(2)", "以办学质量较好的城区、镇中心小学和初中学校为龙头"),     # L-10
    ("三/(二)/1/(1)", "以城区(城镇)学校为帮扶学校,乡镇学校为受援学校"),      # L-11
    ("三/(一)/2/(2)", "(具体帮扶学校另行下文)"),                               # L-12
    ("三/(三)/1", "进一步优化义务教育学校布局"),                              # L-13
    ("三/(三)/1", "加快推进学校信息化建设"),                                  # L-13
    ("三/(五)/2", "学区要协同高校、教学科研机构开展教育教学研究"),            # L-14
    ("三/(五)/3", "加强劳动教育、家庭教育、心理健康教育的协作"),              # L-15
    ("二", "构建区域、城乡、校际之间相互合作"),                               # L-16
    ("一", "坚持“改革创新、全面推进、城乡一体、资源共享、优质引领、提升质量”原则"),  # L-17
    ("序", "请认真贯彻执行"),                                                 # L-18
]


@pytest.mark.parametrize(("clause", "fragment"), MISSING_PROVISIONS)
def test_liujiang_provision_is_encoded_or_listed_unencoded_with_a_reason(policy, clause,
                                                                          fragment):
    encoded = [r.id for r in policy.rules for c in r.cites
               if c.clause == clause and fragment in c.quote]
    unencoded = [u for u in policy.unencoded
                 if u.cite.clause == clause and fragment in u.cite.quote]
    assert encoded or unencoded
    assert all(u.reason.zh and u.reason.en for u in unencoded)


def test_liujiang_support_clauses_of_三_四_3_and_三_四_4_are_permissions_never_violated(policy):
    for rule_id in ("liujiang.duty.zone_allocates_teachers",
                    "liujiang.duty.zone_training_permitted"):
        assert policy.rule(rule_id).kind is Modality.PERMISSION
        assert _statuses(policy, {"attestations": {rule_id: False}}, rule_id) == [
            Status.NOT_APPLICABLE]


def test_liujiang_deferred_pairing_list_of_三_一_2_2_is_a_finding(policy):
    kinds = {f.id: f.kind for f in policy.document_findings}
    assert kinds["liujiang.finding.pairing_list_deferred"] == "gap"
    assert "liujiang.finding.basic_model_sentence" in kinds


# ── citations, numbers and terms ─────────────────────────────────────────────────

def _all_cites(policy):
    for rule in policy.rules:
        yield from rule.cites
    for param in policy.parameters:
        yield from param.cites
    for finding in policy.document_findings:
        yield from finding.cites
    yield from (u.cite for u in policy.unencoded)
    yield from (n.cite for n in policy.narratives)


def test_liujiang_every_citation_names_the_deepest_clause_holding_its_quote(policy):
    document = policy.document
    for cite in _all_cites(policy):
        deeper = [c.id for c in document.walk()
                  if c.id.startswith(cite.clause + "/") and cite.quote in c.text]
        assert not deeper, (cite, deeper)


def test_liujiang_alliance_paragraph_is_cited_where_the_text_places_it_三_一_2_2(policy):
    assert {c.clause for c in policy.rule(ALLIANCE).cites} == {"三/(一)/2/(2)"}


CHINESE = {"一": 1, "两": 2, "二": 2, "三": 3, "六": 6}


def _readings(quote):
    for match in re.finditer(r"(\d+(?:\.\d+)?)(%?)", quote):
        number = Decimal(match.group(1))
        yield number / 100 if match.group(2) else number
    for char, value in CHINESE.items():
        if char in quote:
            yield Decimal(value)


def test_liujiang_every_parameter_value_is_read_from_its_quote_or_says_why_not(policy):
    for param in policy.parameters:
        if param.derived is not None:
            assert param.derived.zh and param.derived.en
        assert parameter_defects(policy.document, param) == [], param.id


def test_liujiang_ten_percent_rotation_share_is_the_reading_of_its_quote_三_四_3(policy):
    assert policy.parameter("liujiang.teacher_exchange.min_share").value == Decimal("0.10")
    assert policy.parameter("liujiang.teacher_exchange.backbone_min_share").value == \
        Decimal("0.12")


def test_liujiang_numerals_in_names_and_slogans_are_declared_terms(policy):
    terms = {t.text for t in policy.terms}
    assert {"两免一补", "一校一特色", "一学区一品牌", "三个代表"} <= terms
    for term in policy.terms:
        assert term.text in policy.document.source.text and term.reason.zh


def test_liujiang_six_unifications_count_matches_the_six_listed_matters_二(policy):
    (claim,) = [c for c in policy.count_claims if c.id == "liujiang.six_unifications"]
    assert claim.stated == claim.actual == 6
