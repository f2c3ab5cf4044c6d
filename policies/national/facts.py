"""The national standard's facts: a school's 优质均衡 resource totals."""

from __future__ import annotations

from xuequ_rules.facts import fact_field, facts_schema
from xuequ_rules.facts.model import School
from xuequ_rules.facts.quantities import Count, Number, Yuan


class NationalSchool(School):
    """A school, with the resource totals the 优质均衡 indicators are computed from."""

    # 优质均衡 resource indicators (教督〔2017〕6号), as the school's TOTALS; the per-100-pupil and
    # per-pupil values are computed exactly from these and ``students``. A nine-year school is
    # recorded as one record per stage section (its primary part and its junior part).
    teachers_above_required_qualification: Count | None = fact_field(
        "高于规定学历的教师数", "teachers with a qualification above the required level (total)")
    backbone_teachers_county_level: Count | None = fact_field(
        "县级以上骨干教师数", "backbone teachers recognised at county level or above (total)")
    pe_art_teachers: Count | None = fact_field(
        "体育、艺术（美术、音乐）专任教师数", "full-time PE and art (fine art, music) teachers (total)")
    teaching_space_m2: Number | None = fact_field(
        "教学及辅助用房面积（平方米）", "floor area of teaching and auxiliary rooms in m² (total)", ge=0)
    sports_space_m2: Number | None = fact_field(
        "体育运动场馆面积（平方米）", "area of sports grounds and halls in m² (total)", ge=0)
    equipment_value: Yuan | None = fact_field(
        "教学仪器设备值（元）", "value of teaching instruments and equipment in yuan (total)")
    multimedia_classrooms: Count | None = fact_field(
        "网络多媒体教室数（间）", "networked multimedia classrooms (total)")


FACTS = facts_schema("national", extends={"schools": NationalSchool})
