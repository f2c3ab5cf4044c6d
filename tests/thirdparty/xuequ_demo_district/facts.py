"""The demonstration district's facts: a new collection and two new fields on the shared
school record."""

from __future__ import annotations

from xuequ_rules.facts import Collection, Record, fact_field, facts_schema
from xuequ_rules.facts.model import School
from xuequ_rules.facts.quantities import Count, Flag, Whole


class SafetyInspection(Record):
    """One school's building-safety inspections in one school year."""

    school: str | None = fact_field("学校", "school")
    year: Whole | None = fact_field("学年", "school year", ge=1949, le=2200)
    inspections: Count | None = fact_field("校舍安全检查次数", "building-safety inspections held")


class DemoSchool(School):
    """A school, with what the district's boarding rule reads."""

    boarding: Flag | None = fact_field("寄宿制学校", "boarding school")
    night_duty_staff: Count | None = fact_field("每晚值班人员数", "staff on duty each night")


FACTS = facts_schema(
    "demo_district",
    own={"safety_inspections": Collection(SafetyInspection, "校舍安全检查", "safety inspections")},
    extends={"schools": DemoSchool},
)
