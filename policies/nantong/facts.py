"""Nantong's facts: principals' terms, title applications, training, school construction, and the district figures its targets read."""

from __future__ import annotations

from enum import StrEnum

from xuequ_rules.facts import Collection, Record, fact_field, facts_schema
from xuequ_rules.facts.model import DistrictIndicators
from xuequ_rules.facts.quantities import ClassHours, Count, Flag, Ratio, Whole, YearsSpan


class PrincipalTerm(Record):
    """One term of a principal at one school."""

    principal: str | None = fact_field("校长", "principal")
    school: str | None = fact_field("学校", "school")
    consecutive_term: Count | None = fact_field("在同一学校连续第几届", "which consecutive term at this school")
    term_years: YearsSpan | None = fact_field("本届任期（年）", "length of this term in years")


class TitleLevel(StrEnum):
    SENIOR = "senior"            # 高级
    INTERMEDIATE = "intermediate"
    JUNIOR = "junior"


class TitleApplication(Record):
    teacher: str | None = fact_field("教师", "teacher")
    level: TitleLevel | None = fact_field("申报职称等级", "title level applied for")
    urban_school: Flag | None = fact_field("城区中小学教师", "teacher at an urban school")
    years_in_weak_school: YearsSpan | None = fact_field("在薄弱学校任教年限", "years taught at a weak school")


class TrainingRecord(Record):
    teacher: str | None = fact_field("教师", "teacher")
    cycle_start_year: Whole | None = fact_field("培训周期起始年", "first year of the cycle", ge=1949, le=2200)
    cycle_years: YearsSpan | None = fact_field("培训周期（年）", "length of the cycle in years")
    hours: ClassHours | None = fact_field("周期内培训学时", "training hours in the cycle")


class ConstructionPlan(Record):
    """A district's school construction over a plan period: planned or done."""

    district: str | None = fact_field("区", "district")
    new_schools: Count | None = fact_field("新建学校数", "new schools")
    expanded_schools: Count | None = fact_field("改扩建学校数", "schools rebuilt or expanded")
    relocated_schools: Count | None = fact_field("迁建学校数", "schools relocated")
    annual_plan_made: Flag | None = fact_field("已排出年度建设计划", "annual construction plan drawn up")


class NantongIndicators(DistrictIndicators):
    """A district's yearly figures, with the targets Nantong sets."""

    quality_balance_accepted: Flag | None = fact_field(
        "通过优质均衡发展验收", "passed the high-quality balanced development acceptance")
    satisfaction_with_schools: Ratio | None = fact_field(
        "学生家长和社会对学校的满意度", "satisfaction of students, parents and society with schools")
    satisfaction_with_government: Ratio | None = fact_field(
        "学校和社会对政府管理义务教育的满意度",
        "satisfaction of schools and society with the government's management")
    broadband_every_school: Flag | None = fact_field(
        "宽带网络校校通", "broadband network reaches every school")
    quality_resources_every_class: Flag | None = fact_field(
        "优质资源班班通", "quality digital resources reach every class")
    learning_space_everyone: Flag | None = fact_field(
        "网络学习空间人人通", "every teacher and pupil has an online learning space")
    resource_service_platform_built: Flag | None = fact_field(
        "已建成教育资源公共服务平台", "public service platform for education resources built")
    management_service_platform_built: Flag | None = fact_field(
        "已建成教育管理公共服务平台", "public service platform for education management built")



FACTS = facts_schema(
    "nantong",
    own={
        "principal_terms": Collection(PrincipalTerm, "校长任期", "principal terms"),
        "title_applications": Collection(TitleApplication, "职称申报", "title applications"),
        "training_records": Collection(TrainingRecord, "教师培训", "training records"),
        "construction": Collection(ConstructionPlan, "学校建设", "school construction"),
    },
    extends={"district_indicators": NantongIndicators},
)
