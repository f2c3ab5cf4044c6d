"""Ziyang's facts: its 教共体 (communities), their expenditures, mentoring, the yearly school
assessments its accountability rule reads, and the community counts its targets read."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from xuequ_rules.facts import Collection, Record, fact_field, facts_schema
from xuequ_rules.facts.model import DistrictIndicators, Stage
from xuequ_rules.facts.quantities import Count, Flag, Whole, Yuan


class CommunityMember(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    school: str = Field(min_length=1, title="成员校", description="member school")
    attached: list[str] = Field(default_factory=list, title="下属村小、教学点",
                                description="village schools and teaching points attached")


class EducationCommunity(Record):
    """A 教共体 (or 教育集团): one core school and member schools."""

    name: str | None = fact_field("教共体名称", "community name")
    core_schools: list[str] | None = fact_field("核心校", "core school(s)")
    members: list[CommunityMember] | None = fact_field("成员校", "member schools")
    stage: Stage | None = fact_field("学段", "stage")
    legal_representative_is_core_principal: Flag | None = fact_field(
        "总校长为法定代表人并兼任核心校校长", "the head principal is legal representative and "
        "principal of the core school")


class ApprovalRoute(StrEnum):
    MEMBER_PRINCIPAL = "member_principal"            # 成员校校长按程序审签
    COLLECTIVE_CORE_PRINCIPAL = "collective_core_principal"  # 三重一大集体决策，核心校校长审签


class Expenditure(Record):
    community: str | None = fact_field("教共体", "community")
    school: str | None = fact_field("支出学校", "spending school")
    amount: Yuan | None = fact_field("支出金额（元）", "amount in yuan")
    approval_route: ApprovalRoute | None = fact_field("实际审批程序", "approval route actually taken")


class Mentoring(Record):
    teacher: str | None = fact_field("骨干教师", "backbone teacher")
    year: Whole | None = fact_field("年度", "year", ge=1949, le=2200)
    young_teachers_mentored: Count | None = fact_field("当年结对培养青年教师数",
                                               "young teachers mentored that year")


class PrincipalRole(StrEnum):
    CORE = "core"       # 核心校校长
    MEMBER = "member"   # 成员校校长


class AccountabilityAction(StrEnum):
    ROTATED = "rotated"   # 轮岗交流
    DEMOTED = "demoted"   # 降级处理
    NONE = "none"


class SchoolAssessment(Record):
    """A school's yearly comprehensive assessment and what was done about its principal."""

    school: str | None = fact_field("学校", "school")
    year: Whole | None = fact_field("学年", "school year", ge=1949, le=2200)
    principal_role: PrincipalRole | None = fact_field("校长类别", "core or member school principal")
    declined: Flag | None = fact_field("考核结果较上年下滑", "result declined from the year before")
    action: AccountabilityAction | None = fact_field("对校长的处理", "action taken on the principal")


class ZiyangIndicators(DistrictIndicators):
    """A district's yearly figures, with the targets Ziyang sets."""

    communities_primary: Count | None = fact_field("小学教共体数", "primary-school education communities")
    communities_nine_year: Count | None = fact_field("九年制教共体数",
                                             "nine-year (primary + junior) education communities")


FACTS = facts_schema(
    "ziyang",
    own={
        "communities": Collection(EducationCommunity, "教共体/教育集团", "education communities"),
        "expenditures": Collection(Expenditure, "经费支出", "expenditures"),
        "mentoring": Collection(Mentoring, "师徒结对", "mentoring records"),
        "assessments": Collection(SchoolAssessment, "学校年度考核", "yearly school assessments"),
    },
    extends={"district_indicators": ZiyangIndicators},
)
