"""The shared fact vocabulary: the records that two or more documents talk about.

Schools, 学区 (zones, groups), teacher exchanges, district indicators, pupils, plan
milestones. A policy package declares its own collections and
may extend these records with its own fields (``xuequ_rules.facts.schema.facts_schema``); one
scenario runs under every policy whose schema holds the collections it uses.

Every record has an ``id``; every field is optional unless it identifies the record —
a missing fact makes a finding *undetermined*, never satisfied. Field titles are the
Chinese labels, descriptions the English ones; both reach the JSON Schema and the
explanations.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any, ClassVar, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from xuequ_rules.facts.constraints import Constraint, check_constraints
from xuequ_rules.facts.quantities import (
    Count,
    Flag,
    Whole,
)
from xuequ_rules.policy.expr import f
from xuequ_rules.text import Text


class Record(BaseModel):
    """A fact record: an ``id`` and optional fields (a missing fact is never satisfied)."""

    # validators are built when first used (a command that reads tables never builds them)
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True,
                              defer_build=True)

    id: str = Field(min_length=1, max_length=200, title="标识", description="record id")

    #: cross-field constraints, checked here and by every engine over whole tables
    constraints: ClassVar[tuple[Constraint, ...]] = ()

    @model_validator(mode="after")
    def _constraints_hold(self) -> Self:
        check_constraints(self, type(self).constraints)
        return self


def _f(zh: str, en: str, **kwargs: Any) -> Any:
    return Field(default=None, title=zh, description=en, **kwargs)


fact_field = _f
"""An optional fact field: ``fact_field("校名", "school name")`` (Chinese title, English
description; both reach the JSON Schema and the explanations)."""


class Stage(StrEnum):
    PRIMARY = "primary"              # 小学
    JUNIOR = "junior"                # 初中
    NINE_YEAR = "nine_year"          # 九年一贯制
    SENIOR = "senior"                # 高中
    PRESCHOOL = "preschool"          # 学前
    TEACHING_POINT = "teaching_point"  # 教学点
    SPECIAL = "special"              # 特殊教育


class Location(StrEnum):
    URBAN = "urban"      # 城区
    TOWN = "town"        # 镇区
    RURAL = "rural"      # 乡村


class Quality(StrEnum):
    WEAK = "weak"          # 薄弱学校
    ORDINARY = "ordinary"
    QUALITY = "quality"    # 优质学校


class School(Record):
    name: str | None = _f("校名", "school name")
    stage: Stage | None = _f("学段", "stage")
    location: Location | None = _f("城乡", "urban or rural")
    quality: Quality | None = _f("办学质量", "weak or quality school")
    public: Flag | None = _f("公办", "public school")
    students: Count | None = _f("在校学生数", "enrolled students")
    in_community: Flag | None = _f("已纳入教共体（教育集团、学区）",
                                   "the school belongs to an education community, group or zone")
    county: str | None = _f("所在县（市、区）", "county-level division the school belongs to "
                            "(groups schools for county-wide 校际差异系数)")
    special_education: Flag | None = _f("特殊教育学校", "special-education school")
    teaching_point: Flag | None = _f("教学点", "teaching point (教学点, a small village teaching site)")


class ZoneForm(StrEnum):
    EDUCATION_GROUP = "education_group"              # 集团化办学
    URBAN_RURAL_ASSISTANCE = "urban_rural_assistance"  # 城乡帮扶（帮扶联盟、结对）
    SCHOOL_ALLIANCE = "school_alliance"              # 学校联盟 / 学区联盟
    OTHER = "other"


class SchoolZone(Record):
    """A 学区 (or 教育集团 / 帮扶联盟 organised as a 学区)."""

    name: str | None = _f("学区名称", "zone name")
    form: ZoneForm | None = _f("组建形式", "form of the zone")
    sub_form: str | None = _f("具体形式", "sub-form (e.g. a kind of 城乡帮扶)")
    lead_school: str | None = _f("牵头学校", "lead school")
    schools: list[str] | None = _f("学区内学校", "schools in the zone")
    principal_heads: Count | None = _f("主要负责人人数", "number of principal heads (主要负责人)")
    quality_school_count: Count | None = _f("优质学校（龙头校）数", "quality (lead) schools in the zone")
    stage: Stage | None = _f("学段", "stage")


class TeacherExchange(Record):
    """One year's teacher rotation / exchange figures for an area (区、学区、教共体)."""

    area: str | None = _f("范围", "area")
    year: Whole | None = _f("年度", "year", ge=1949, le=2200)
    eligible: Count | None = _f("符合交流条件教师数", "teachers eligible for exchange")
    rotated: Count | None = _f("交流轮岗教师数", "teachers rotated or exchanged")
    backbone_rotated: Count | None = _f("交流轮岗的骨干教师数", "backbone teachers among the rotated")
    backbone_eligible: Count | None = _f("符合交流条件的骨干教师数",
                                         "backbone teachers eligible for exchange")

    constraints = (
        Constraint(f.backbone_rotated <= f.rotated, Text(
            "交流轮岗的骨干教师数（{backbone_rotated}）不能多于交流轮岗教师数（{rotated}）",
            "backbone_rotated ({backbone_rotated}) cannot exceed rotated ({rotated})")),
        Constraint(f.rotated <= f.eligible, Text(
            "交流轮岗教师数（{rotated}）不能多于符合交流条件教师数（{eligible}）",
            "rotated ({rotated}) cannot exceed eligible ({eligible})")),
    )


class DistrictIndicators(Record):
    """A district's measured figures in a year, for targets."""

    district: str | None = _f("区（县）", "district")
    year: Whole | None = _f("年度", "year", ge=1949, le=2200)
    schools_total: Count | None = _f("义务教育学校总数", "compulsory-education schools")
    schools_meeting_standard: Count | None = _f(
        "达到省定现代化办学标准的学校数", "schools meeting the provincial modernisation standard")
    fulltime_teachers: Count | None = _f("专任教师数", "full-time teachers")
    backbone_teachers: Count | None = _f("市、区级骨干教师数", "city and district backbone teachers")

    constraints = (
        Constraint(f.schools_meeting_standard <= f.schools_total, Text(
            "达标学校数（{schools_meeting_standard}）不能多于学校总数（{schools_total}）",
            "schools_meeting_standard ({schools_meeting_standard}) cannot exceed schools_total "
            "({schools_total})")),
        Constraint(f.backbone_teachers <= f.fulltime_teachers, Text(
            "骨干教师数（{backbone_teachers}）不能多于专任教师数（{fulltime_teachers}）",
            "backbone_teachers ({backbone_teachers}) cannot exceed fulltime_teachers "
            "({fulltime_teachers})")),
    )


class Milestone(Record):
    """A plan phase or milestone: when it really started and finished (id = phase id)."""

    started_on: dt.date | None = _f("实际开始日期", "actual start date")
    completed_on: dt.date | None = _f("实际完成日期", "actual completion date")


class Student(Record):
    """One pupil (identified by a pseudonymous id); packages add the facts their rules read."""

    school: str | None = _f("学校", "school")
    age: Count | None = _f("年龄（周岁）", "age in full years (周岁)")
    grade: Whole | None = _f("年级", "grade", ge=1, le=12)
