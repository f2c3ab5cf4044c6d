"""Guilin's own concepts (the shared ones: ``xuequ_rules.policy.concepts``).

Each label and definition is the encoding's own name for the idea: the parameter's label
where a number expresses it, the rule's title otherwise.
"""

from xuequ_rules.policy.concepts import Concept, concept

CONCEPTS: tuple[Concept, ...] = (
    concept("zone.assistance_sub_forms",
            "城乡帮扶学区为城区+乡镇、乡镇+乡镇、乡镇+村小学+教学点三种具体形式之一",
            "An assistance zone is urban+town, town+town or town+village+teaching point",
            "城乡帮扶学区为城区+乡镇、乡镇+乡镇、乡镇+村小学+教学点三种具体形式之一",
            "An assistance zone is urban+town, town+town or town+village+teaching point"),
    concept("zone.assisted_schools",
            "城区学校+乡镇学校形式：受帮扶的是与优质城区学校同学段的乡镇薄弱学校（村小学）",
            "Urban+town zone: the assisted schools are weak town schools (village schools) of the "
            "same stage as the quality urban school",
            "城区学校+乡镇学校形式：受帮扶的是与优质城区学校同学段的乡镇薄弱学校（村小学）",
            "Urban+town zone: the assisted schools are weak town schools (village schools) of the "
            "same stage as the quality urban school"),
    concept("zone.lead_school",
            "乡镇学校+村小学+教学点形式：乡镇中心校参加与县城优质学校组成的学区",
            "Town+village+teaching-point zone: the town central school is also a member of a zone "
            "with a county-town quality school",
            "乡镇学校+村小学+教学点形式：乡镇中心校参加与县城优质学校组成的学区",
            "Town+village+teaching-point zone: the town central school is also a member of a zone "
            "with a county-town quality school"),
    concept("zone.max_schools",
            "每个学区学校数上限（原则上）",
            "maximum schools per zone (in principle)",
            "每个学区学校数原则上不超过10所",
            "A zone has at most 10 schools, in principle"),
    concept("zone.zoning_principles",
            "按“城乡统筹、强弱搭配、相对就近”原则将城乡义务教育学校划分为若干个学区",
            "Group all schools into zones: urban-rural planning, strong with weak, relative nearness "
            "of schools",
            "按“城乡统筹、强弱搭配、相对就近”原则将城乡义务教育学校划分为若干个学区",
            "Group all schools into zones: urban-rural planning, strong with weak, relative nearness "
            "of schools"),
)
