"""Changping's facts: the district targets it sets, and pupils' sports and art skills."""

from __future__ import annotations

from xuequ_rules.facts import fact_field, facts_schema
from xuequ_rules.facts.model import DistrictIndicators, Student
from xuequ_rules.facts.quantities import Count, Yuan


class ChangpingIndicators(DistrictIndicators):
    """A district's yearly figures, with the targets Changping sets."""

    famous_schools_introduced: Count | None = fact_field(
        "引进的名校数", "renowned schools brought into the district (引进名校)")
    university_affiliated_schools: Count | None = fact_field(
        "大学与中小学合作建立的附中、附小数",
        "affiliated secondary and primary schools set up with universities")
    university_supported_primary_schools: Count | None = fact_field(
        "高校支持的小学数（高参小）", "primary schools supported by universities (高参小)")
    construction_projects: Count | None = fact_field(
        "实施的中小学新建、改扩建项目数", "school new-build and rebuild/expansion projects carried out")
    youth_palaces_up_to_standard: Count | None = fact_field(
        "软硬件达标的少年宫数", "youth palaces meeting the facility and programme standard")
    excellent_school_based_courses: Count | None = fact_field(
        "成为区级优秀课程的校本课程数", "school-based courses rated excellent at district level")
    quality_private_schools: Count | None = fact_field(
        "高水平、有特色的民办中小学数", "high-level, distinctive private primary and secondary schools")
    teacher_average_pay: Yuan | None = fact_field("教师平均工资（元）", "average teacher pay in yuan")
    civil_servant_average_pay: Yuan | None = fact_field(
        "当地公务员平均工资（元）", "average pay of local civil servants in yuan")


class ChangpingStudent(Student):
    """A pupil, with the sports and art skills the 一生一技 target counts."""

    sports_skills: Count | None = fact_field("掌握的体育运动技能项数", "sports skills mastered")
    art_skills: Count | None = fact_field("掌握的艺术技能项数", "art skills mastered")


FACTS = facts_schema(
    "changping",
    extends={"district_indicators": ChangpingIndicators, "students": ChangpingStudent},
)
