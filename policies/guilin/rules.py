"""Guilin draft for comments (征求意见稿; truncated capture): zone forms, members and size.

The rules stay evaluable so that analysts can compare the draft with other districts; the
policy carries ``data["status"] == "draft"`` and a document finding of kind ``draft_status``.
The capture names no final version; what is said of one outside the library is unverified.

Zones are judged from ``zones`` records. The zone record holds no facts about each member
school (its stage, township or whether it is weak) nor what kind of school the lead school
is, so the conditions on members and on the lead school are checklist duties, attested.
"""

from __future__ import annotations

from xuequ_policies.guilin.concepts import CONCEPTS
from xuequ_policies.guilin.lifecycle import VALID_FROM, VALID_UNTIL, VALIDITY
from xuequ_policies.guilin.notes import DOCUMENT_FINDINGS, UNENCODED

from xuequ_rules.document.document import Document
from xuequ_rules.facts.model import Stage, ZoneForm
from xuequ_rules.policy.dsl import (
    Cite,
    Modality,
    Narrative,
    Parameter,
    Policy,
    Rule,
    Unit,
    duty_maker,
    f,
    length,
    zh_en,
)
from xuequ_rules.policy.expr import IsIn
from xuequ_rules.policy.policy import Term

C = Cite
COUNTY_BUREAU = zh_en("县（区）教育行政部门（文件未写明）",
                      "county/district education authority (not named in the text)")
ZONE = zh_en("学区", "the school zone (its lead school)")
TOWN_CENTRE = zh_en("乡镇中心校", "town central school")
QUALITY_SCHOOL = zh_en("优质学校", "the quality (helping) school of the zone")

# Sub-forms of 城乡帮扶 (SchoolZone.sub_form)
URBAN_TOWN = "urban_town"                  # 城区学校+乡镇学校(村小学)
TOWN_TOWN = "town_town"                    # 乡镇学校+乡镇学校
TOWN_VILLAGE_POINT = "town_village_point"  # 乡镇学校+村小学+教学点
ASSISTANCE_SUB_FORMS = (URBAN_TOWN, TOWN_TOWN, TOWN_VILLAGE_POINT)

Q_URBAN_TOWN = "由1所优质城区学校+若干所同学段乡镇薄弱学校(村小学)"
Q_TOWN_TOWN = "由1所优质乡镇学校+若干所相同学段另一乡镇薄弱学校"
Q_FORMS = "学区设置可采取城乡帮扶、集团化办学、学校联盟等多种组合形式进行设置"
Q_MAIN_FORMS = "学区设置主要有以下形式"

# ── parameters ────────────────────────────────────────────────────────────────
MAX_SCHOOLS = Parameter(
    id="guilin.zone.max_schools", value=10, unit=Unit.SCHOOLS, in_principle=True,
    label=zh_en("每个学区学校数上限（原则上）", "maximum schools per zone (in principle)"),
    concept="zone.max_schools", cites=(C("三/(一)/2", "每个学区学校数原则上不超过10所"),))
ASSISTANCE_QUALITY = Parameter(
    id="guilin.zone.assistance_quality_schools", value=1, unit=Unit.SCHOOLS,
    label=zh_en("城乡帮扶学区（城区+乡镇、乡镇+乡镇）中的优质学校数",
                "quality schools per assistance zone (urban+town, town+town)"),
    concept="zone.assistance_quality_schools",
    cites=(C("三/(一)/2/(1)", Q_URBAN_TOWN), C("三/(一)/2/(1)", Q_TOWN_TOWN)))
SIX_UNIFICATIONS = Parameter(
    id="guilin.zone.six_unifications",
    value="资源配置、师资调配、教学管理、教学研究、学校招生、质量评价", unit=Unit.TEXT,
    label=zh_en("学区内“六统一”的内容", "the six matters unified within a zone"),
    concept="zone.six_unifications",
    note=zh_en("采集稿在“师资调配”中间分页（“师资调”与“配”分在两行，见来源说明）；勘误只能改正一行之内的"
               "文字，本参数按连读的“师资调配”记。",
               "The capture breaks the page inside 师资调配 (师资调 / 配 on two lines, recorded in "
               "the provenance); errata correct text within one line, so the parameter reads "
               "the word whole."),
    derived=zh_en("取值是“六统一”所列六项事项的名称，不是数量；“六统一”是名称（见术语表）",
                  "the value is the list of the six matters named, not a quantity; 六统一 "
                  "is a name (declared as a term)"),
    cites=(C("二", "实现学区内资源配置、师资调"),
           C("二", "教学管理、教学研究、学校招生、质量评价的“六统一”")))

PARAMETERS = (MAX_SCHOOLS, ASSISTANCE_QUALITY, SIX_UNIFICATIONS)

ASSISTANCE = f.form.eq(ZoneForm.URBAN_RURAL_ASSISTANCE.value)
LISTED_FORMS = (ZoneForm.URBAN_RURAL_ASSISTANCE.value, ZoneForm.EDUCATION_GROUP.value,
                ZoneForm.SCHOOL_ALLIANCE.value)

RULES: tuple[Rule, ...] = (
    Rule(id="guilin.zone.forms",
         title=zh_en("学区设置可采取城乡帮扶、集团化办学、学校联盟等多种组合形式",
                     "A zone may take the form of urban-rural assistance, an education group, "
                     "a school alliance or other (combined) forms"),
         kind=Modality.PERMISSION, party=COUNTY_BUREAU, subject="zones",
         requires=IsIn(f.form, LISTED_FORMS, open=True),
         concept="zone.allowed_forms",
         note=zh_en("“可采取……等多种组合形式”是许可，列举以“等”结尾且允许组合，并不封闭："
                    "列举的形式可以采用；形式为“其他”（组合形式或未列举的形式）的学区不判为不符合，"
                    "是否属于许可的形式无法仅凭采集稿确定（待定）。",
                    "可采取…等多种组合形式 is a permission over an open list that also allows "
                    "combinations: a listed form may be used; a zone of form 'other' (a "
                    "combination or an unlisted form) is never judged a breach, and whether it "
                    "is covered cannot be told from the capture (undetermined)."),
         cites=(C("三/(一)/2", Q_FORMS), C("三/(一)/2", Q_MAIN_FORMS))),
    Rule(id="guilin.zone.assistance_sub_forms",
         title=zh_en("城乡帮扶学区为城区+乡镇、乡镇+乡镇、乡镇+村小学+教学点三种具体形式之一",
                     "An assistance zone is urban+town, town+town or town+village+teaching "
                     "point"),
         kind=Modality.DEFINITION, party=COUNTY_BUREAU, subject="zones", applies=ASSISTANCE,
         requires=f.sub_form.isin(ASSISTANCE_SUB_FORMS), concept="zone.assistance_sub_forms",
         note=zh_en("具体形式代码：urban_town（城区学校+乡镇学校(村小学)）、town_town（乡镇学校+"
                    "乡镇学校）、town_village_point（乡镇学校+村小学+教学点）。城乡帮扶形式下"
                    "这三种列举没有“等”字，按封闭列举判断。",
                    "Sub-form codes: urban_town, town_town, town_village_point. The three "
                    "sub-forms of urban-rural assistance are listed without 等 (and others), so "
                    "the list is closed."),
         cites=(C("三/(一)/2/(1)", "城区学校+乡镇学校(村小学)"),
                C("三/(一)/2/(1)", "乡镇学校+乡镇学校"),
                C("三/(一)/2/(1)", "乡镇学校+村小学+教学点"))),
    Rule(id="guilin.zone.max_schools",
         title=zh_en("每个学区学校数原则上不超过10所",
                     "A zone has at most 10 schools, in principle"),
         kind=Modality.OBLIGATION, party=COUNTY_BUREAU, subject="zones", in_principle=True,
         requires=length(f.schools) <= MAX_SCHOOLS, concept="zone.max_schools",
         cites=(C("三/(一)/2", "每个学区学校数原则上不超过10所"),)),
    Rule(id="guilin.zone.urban_town_one_quality_school",
         title=zh_en("城区学校+乡镇学校形式：由1所优质城区学校加若干所同学段乡镇薄弱学校组成",
                     "Urban+town zone: one quality urban school and weak town schools"),
         kind=Modality.DEFINITION, party=COUNTY_BUREAU, subject="zones",
         applies=ASSISTANCE & f.sub_form.eq(URBAN_TOWN),
         requires=f.quality_school_count.eq(ASSISTANCE_QUALITY),
         concept="zone.assistance_quality_schools",
         note=zh_en("本规则只判断优质学校数；成员校同学段、薄弱的条件见检查清单 "
                    "guilin.duty.urban_town_members。",
                    "This rule judges only the number of quality schools; the conditions on "
                    "members (same stage, weak) are the checklist duty "
                    "guilin.duty.urban_town_members."),
         cites=(C("三/(一)/2/(1)", Q_URBAN_TOWN),)),
    Rule(id="guilin.zone.town_town_one_quality_school",
         title=zh_en("乡镇学校+乡镇学校形式：由1所优质乡镇学校加另一乡镇若干所薄弱学校组成",
                     "Town+town zone: one quality town school and weak schools of another town"),
         kind=Modality.DEFINITION, party=COUNTY_BUREAU, subject="zones",
         applies=ASSISTANCE & f.sub_form.eq(TOWN_TOWN),
         requires=f.quality_school_count.eq(ASSISTANCE_QUALITY),
         concept="zone.assistance_quality_schools",
         note=zh_en("本规则只判断优质学校数；成员校相同学段、另一乡镇、薄弱的条件见检查清单 "
                    "guilin.duty.town_town_members。",
                    "This rule judges only the number of quality schools; the conditions on "
                    "members (same stage, another township, weak) are the checklist duty "
                    "guilin.duty.town_town_members."),
         cites=(C("三/(一)/2/(1)", Q_TOWN_TOWN),)),
)


_duty = duty_maker("guilin")
D = Modality.DEFINITION
MEMBERS_ATTESTED = zh_en(
    "学区记录只有一个学段，学校记录又不注明所属学区，无法逐校比较成员校的学段、所在乡镇和是否薄弱，"
    "故由负责组建学区的部门确认。",
    "A zone record has a single stage and school records do not say which zone they belong "
    "to, so the members' stage, township and weakness cannot be compared school by school; "
    "the authority that forms the zone attests them.")

CHECKLIST: tuple[Rule, ...] = (
    _duty("reform_practice", "整合和优化教育资源，构建合作共生机制，积极开展学区制改革实践与探索",
          "Integrate and optimise resources, build cooperation, carry out the zone reform",
          COUNTY_BUREAU, "二", "整合和优化教育资源,构建合作共生机制,积极开展学区制改革实践与探索"),
    _duty("six_unifications", "学区内实现资源配置、师资调配、教学管理、教学研究、学校招生、质量评价“六统一”",
          "Unify the six matters within each zone", ZONE, "二",
          "学校招生、质量评价的“六统一”", "zone.six_unifications"),
    _duty("deep_cooperation", "构建县域、城乡、校际深度合作、优质与薄弱学校融合发展的新机制",
          "Build deep county, urban-rural and inter-school cooperation", COUNTY_BUREAU, "二",
          "构建县域、城乡、校际之间深度合作,优质学校和薄弱学校融合发展,县域内义务教育城乡一体化改革发展新机制"),
    _duty("zoning", "按“城乡统筹、强弱搭配、相对就近”原则将城乡义务教育学校划分为若干个学区",
          "Group all schools into zones: urban-rural planning, strong with weak, relative "
          "nearness of schools", COUNTY_BUREAU, "三/(一)/1",
          "将城乡义务教育学校划分为若干个学区", "zone.zoning_principles",
          note=zh_en("“相对就近”是把学校编入学区的原则（学校之间距离相近），不是学生就近入学的规定。",
                     "相对就近 (relative nearness) is a principle for grouping schools into "
                     "zones, not a rule on pupils' enrolment near home."),
          extra=(C("三/(一)/1", "按照“城乡统筹、强弱搭配、相对就近”原则"),
                 C("三/(一)/1", "根据县域内城乡学校办学条件、师资配置、管理水平、教育质量、学校分布、"
                                "距离远近等实际情况"),
                 C("三/(一)", "科学设置学区"))),
    _duty("resource_sharing", "实现学区内不同学校之间资源共享、优势互补、合作共赢",
          "Share resources between the zone's schools", ZONE, "三/(一)/2",
          "实现义务教育阶段不同学校之间的资源共享,优势互补,合作共赢", "zone.resource_sharing"),
    _duty("urban_town_members", "城区学校+乡镇学校形式：受帮扶的是与优质城区学校同学段的乡镇薄弱学校（村小学）",
          "Urban+town zone: the assisted schools are weak town schools (village schools) of "
          "the same stage as the quality urban school", COUNTY_BUREAU, "三/(一)/2/(1)",
          "若干所同学段乡镇薄弱学校(村小学)", "zone.assisted_schools", modality=D,
          note=MEMBERS_ATTESTED),
    _duty("town_town_members", "乡镇学校+乡镇学校形式：受帮扶的是另一乡镇、与优质乡镇学校相同学段的薄弱学校",
          "Town+town zone: the assisted schools are weak schools of the same stage from "
          "another township", COUNTY_BUREAU, "三/(一)/2/(1)",
          "若干所相同学段另一乡镇薄弱学校", "zone.assisted_schools", modality=D,
          note=MEMBERS_ATTESTED),
    _duty("assistance_raises_rural_schools", "优质学校经过帮扶提升农村学校办学水平",
          "The quality school's assistance raises the rural schools' standard",
          QUALITY_SCHOOL, "三/(一)/2/(1)", "乡镇薄弱学校(村小学),经过帮扶提升农村学校办学水平",
          extra=(C("三/(一)/2/(1)", "另一乡镇薄弱学校,经过帮扶提升农村学校办学水平"),)),
    _duty("town_centre_joins_county_zone", "乡镇学校+村小学+教学点形式：乡镇中心校参加与县城优质学校组成的学区",
          "Town+village+teaching-point zone: the town central school is also a member of a "
          "zone with a county-town quality school", TOWN_CENTRE, "三/(一)/2/(1)",
          "乡镇中心校在参加与县城优质学校组成学区的同时", "zone.lead_school", modality=D),
    _duty("town_centre_leads_village_zone", "乡镇学校+村小学+教学点形式：乡镇中心校自身作为牵头学校与村小学、教学点组成学区",
          "Town+village+teaching-point zone: the town central school itself leads the zone "
          "of village schools and teaching points", TOWN_CENTRE, "三/(一)/2/(1)",
          "自身作为牵头学校与村小学、教学点组成学区", "zone.lead_school", modality=D,
          note=zh_en("学区记录的牵头学校只是校名，无法据此判断它是否乡镇中心校，故由乡镇中心校确认。",
                     "A zone record names its lead school but does not say whether it is "
                     "the town central school, so this is attested.")),
    _duty("town_centre_radiates", "乡镇中心校辐射村校、教学点，提升其教育质量",
          "Town central schools support village schools and teaching points", TOWN_CENTRE,
          "三/(一)/2/(1)", "辐射村校、教学点,提升村小学、教学点教育质量"),
)

NARRATIVES = (
    Narrative(C("序", "(桂政办发〔〕168号)"),
              zh_en("上位文件文号（勘误 E01：桂政办发〔2016〕168号）",
                    "parent document number (erratum E01: 桂政办发〔2016〕168号)")),
    Narrative(C("一", "党的十八大和十八届三中、四中、五中、六中全会"),
              zh_en("会议名称", "names of party congresses and plenums")),
)

TERMS = (
    Term("十八大", zh_en("党的第十八次全国代表大会的名称", "name of the 18th Party Congress")),
    Term("十八届三中、四中、五中、六中全会",
         zh_en("十八届中央委员会第三至第六次全体会议的名称",
               "names of the 3rd to 6th plenums of the 18th Central Committee")),
    Term("六统一", zh_en("“六统一”是学区内统一六项事项的简称（名称），六项内容见参数",
                       "六统一 (the six unifications) is a name; the six matters are a "
                       "parameter")),
)


def build(document: Document) -> Policy:
    return Policy(
        name="guilin", version=document.version, document=document,
        parameters=PARAMETERS, rules=RULES + CHECKLIST, narratives=NARRATIVES,
        document_findings=DOCUMENT_FINDINGS, unencoded=UNENCODED, terms=TERMS,
        data={"status": "draft", "stages": [s.value for s in (Stage.PRIMARY, Stage.JUNIOR)]},
        valid_from=VALID_FROM, valid_until=VALID_UNTIL, validity=VALIDITY,
        concepts=CONCEPTS,
    )
