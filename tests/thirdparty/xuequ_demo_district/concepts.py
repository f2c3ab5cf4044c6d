"""The demonstration district's own concepts."""

from xuequ_rules.policy.concepts import Concept, concept

CONCEPTS: tuple[Concept, ...] = (
    concept("school.safety_inspections_per_year", "每学年校舍安全检查次数",
            "building-safety inspections per school year",
            "每所学校每学年开展校舍安全检查的最少次数",
            "the least number of building-safety inspections a school holds in a school year"),
    concept("school.boarding_night_duty", "寄宿制学校夜间值班人数",
            "night-duty staff at a boarding school",
            "寄宿制学校每晚安排值班的最少人数",
            "the least number of staff on duty each night at a boarding school"),
)
