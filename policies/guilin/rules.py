"""Guilin draft for comments (征求意见稿, never in force; truncated capture).

The rules stay evaluable so that analysts can compare the draft with other districts and
with the final version (市政办〔2018〕24号, text not in the library); the policy carries
``data["status"] == "draft"`` and a document finding of kind ``draft_status``.
"""

from __future__ import annotations

from xuequ_policies.guilin.lifecycle import VALID_FROM, VALID_UNTIL, VALIDITY

from xuequ_rules.document.document import Document
from xuequ_rules.facts.model import Stage, ZoneForm
from xuequ_rules.policy.dsl import (
    Cite,
    DocumentFinding,
    Modality,
    Narrative,
    Parameter,
    Policy,
    Rule,
    Unencoded,
    Unit,
    duty_maker,
    f,
    length,
    zh_en,
)

C = Cite
COUNTY_BUREAU = zh_en("县（区）教育行政部门（文件未写明）",
                      "county/district education authority (not named in the text)")
ZONE = zh_en("学区（牵头学校）", "school zone (lead school)")
TOWN_CENTRE = zh_en("乡镇中心校", "town central school")

# Sub-forms of 城乡帮扶 (SchoolZone.sub_form)
URBAN_TOWN = "urban_town"                  # 城区学校+乡镇学校(村小学)
TOWN_TOWN = "town_town"                    # 乡镇学校+乡镇学校
TOWN_VILLAGE_POINT = "town_village_point"  # 乡镇学校+村小学+教学点
ASSISTANCE_SUB_FORMS = (URBAN_TOWN, TOWN_TOWN, TOWN_VILLAGE_POINT)

Q_URBAN_TOWN = "由1所优质城区学校+若干所同学段乡镇薄弱学校(村小学)"
Q_TOWN_TOWN = "由1所优质乡镇学校+若干所相同学段另一乡镇薄弱学校"
Q_TOWN_VILLAGE = "乡镇中心校在参加与县城优质学校组成学区的同时,自身作为牵头学校与村小学、教学点组成学区"
Q_FORMS = "学区设置可采取城乡帮扶、集团化办学、学校联盟等多种组合形式进行设置"

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
    cites=(C("二", "教学管理、教学研究、学校招生、质量评价的“六统一”"),))

PARAMETERS = (MAX_SCHOOLS, ASSISTANCE_QUALITY, SIX_UNIFICATIONS)

ASSISTANCE = f.form.eq(ZoneForm.URBAN_RURAL_ASSISTANCE.value)

RULES: tuple[Rule, ...] = (
    Rule(id="guilin.zone.forms",
         title=zh_en("学区采取城乡帮扶、集团化办学、学校联盟等形式",
                     "A zone takes the form of urban-rural assistance, an education group or "
                     "a school alliance"),
         kind=Modality.DEFINITION, party=COUNTY_BUREAU, subject="zones",
         requires=f.form.isin((ZoneForm.URBAN_RURAL_ASSISTANCE.value,
                               ZoneForm.EDUCATION_GROUP.value,
                               ZoneForm.SCHOOL_ALLIANCE.value)),
         concept="zone.allowed_forms",
         note=zh_en("原文列举后有“等多种组合形式”，列举并不封闭：形式为“其他”的学区判为不符合时，"
                    "应核对是否属于列举之外的组合形式。",
                    "The list ends with 等多种组合形式 (and other combined forms), so it is "
                    "not closed: a zone of form 'other' judged violated may be an unlisted "
                    "combination."),
         cites=(C("三/(一)/2", Q_FORMS),)),
    Rule(id="guilin.zone.assistance_sub_forms",
         title=zh_en("城乡帮扶学区为城区+乡镇、乡镇+乡镇、乡镇+村小学+教学点三种具体形式之一",
                     "An assistance zone is urban+town, town+town or town+village+teaching "
                     "point"),
         kind=Modality.DEFINITION, party=COUNTY_BUREAU, subject="zones", applies=ASSISTANCE,
         requires=f.sub_form.isin(ASSISTANCE_SUB_FORMS), concept="zone.assistance_sub_forms",
         note=zh_en("具体形式代码：urban_town（城区学校+乡镇学校(村小学)）、town_town（乡镇学校+"
                    "乡镇学校）、town_village_point（乡镇学校+村小学+教学点）。",
                    "Sub-form codes: urban_town, town_town, town_village_point."),
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
         cites=(C("三/(一)/2/(1)", Q_URBAN_TOWN),)),
    Rule(id="guilin.zone.town_town_one_quality_school",
         title=zh_en("乡镇学校+乡镇学校形式：由1所优质乡镇学校加另一乡镇若干所薄弱学校组成",
                     "Town+town zone: one quality town school and weak schools of another town"),
         kind=Modality.DEFINITION, party=COUNTY_BUREAU, subject="zones",
         applies=ASSISTANCE & f.sub_form.eq(TOWN_TOWN),
         requires=f.quality_school_count.eq(ASSISTANCE_QUALITY),
         concept="zone.assistance_quality_schools",
         cites=(C("三/(一)/2/(1)", Q_TOWN_TOWN),)),
    Rule(id="guilin.zone.town_village_point_led_by_town_centre",
         title=zh_en("乡镇学校+村小学+教学点形式：乡镇中心校作为牵头学校",
                     "Town+village+teaching-point zone: the town central school leads"),
         kind=Modality.DEFINITION, party=COUNTY_BUREAU, subject="zones",
         applies=ASSISTANCE & f.sub_form.eq(TOWN_VILLAGE_POINT),
         requires=f.lead_school.is_known(), concept="zone.lead_school",
         cites=(C("三/(一)/2/(1)", Q_TOWN_VILLAGE),)),
)


_duty = duty_maker("guilin")


CHECKLIST: tuple[Rule, ...] = (
    _duty("six_unifications", "学区内实现资源配置、师资调配、教学管理、教学研究、学校招生、质量评价“六统一”",
          "Unify the six matters within each zone", ZONE, "二",
          "学校招生、质量评价的“六统一”", "zone.six_unifications"),
    _duty("deep_cooperation", "构建县域、城乡、校际深度合作、优质与薄弱学校融合发展的新机制",
          "Build deep county, urban-rural and inter-school cooperation", COUNTY_BUREAU, "二",
          "构建县域、城乡、校际之间深度合作"),
    _duty("zoning", "按“城乡统筹、强弱搭配、相对就近”原则将城乡义务教育学校划分为若干个学区",
          "Divide all schools into zones: urban-rural planning, strong with weak, proximity",
          COUNTY_BUREAU, "三/(一)/1", "将城乡义务教育学校划分为若干个学区",
          "zone.proximity_enrolment"),
    _duty("resource_sharing", "实现学区内不同学校之间资源共享、优势互补、合作共赢",
          "Share resources between the zone's schools", ZONE, "三/(一)/2",
          "实现义务教育阶段不同学校之间的资源共享,优势互补,合作共赢", "zone.resource_sharing"),
    _duty("same_stage_assistance", "帮扶学区内薄弱学校与优质学校同学段，经帮扶提升农村学校办学水平",
          "Assisted weak schools are of the same stage; assistance raises rural schools",
          ZONE, "三/(一)/2/(1)", "经过帮扶提升农村学校办学水平"),
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

DOCUMENT_FINDINGS = (
    DocumentFinding(
        "guilin.finding.draft_status", "draft_status",
        zh_en("本文件是征求意见稿，从未生效；定稿为《桂林市全面推进义务教育学区制管理改革实施办法》"
              "（市政办〔2018〕24号，2018-05-22印发），其文本不在资料库中。本编码仅供比较，"
              "不得当作现行规定适用",
              "This is a draft for comments and was never in force; the final version "
              "(市政办〔2018〕24号, issued 2018-05-22) is not in the library. The encoding is "
              "for comparison only and must not be applied as the rule in force"),
        (C("序", "(征求意见稿)"),)),
    DocumentFinding(
        "guilin.finding.open_list_of_forms", "open_list",
        zh_en("学区组建形式以“等多种组合形式”结尾，列举不封闭，且允许组合；“主要有以下形式”下采集稿只有"
              "城乡帮扶和集团化办学两项，学校联盟未见说明",
              "The list of zone forms ends with 'and other combined forms', so it is open; under "
              "'mainly the following forms' the capture has only assistance and education "
              "groups, school alliances are never described"),
        (C("三/(一)/2", Q_FORMS), C("三/(一)/2", "学区设置主要有以下形式"))),
    DocumentFinding(
        "guilin.finding.town_town_called_urban_rural", "inconsistent_terms",
        zh_en("“乡镇学校+乡镇学校”“乡镇学校+村小学+教学点”两种形式没有城区学校，却归在“城乡帮扶形式”下",
              "Two sub-forms with no urban school (town+town, town+village) are filed under "
              "'urban-rural assistance'"),
        (C("三/(一)/2/(1)", "(1)城乡帮扶形式。"), C("三/(一)/2/(1)", "乡镇学校+乡镇学校"))),
    DocumentFinding(
        "guilin.finding.town_centre_in_two_zones", "ambiguous_role",
        zh_en("乡镇中心校既是县城优质学校学区的成员，又是自己学区的牵头学校，一校同属两个学区",
              "A town central school is a member of a county-town school's zone and at the "
              "same time leads its own zone: one school in two zones"),
        (C("三/(一)/2/(1)", Q_TOWN_VILLAGE),)),
    DocumentFinding(
        "guilin.finding.missing_party", "missing_party",
        zh_en("学区设置条款未写明由谁划分学区、组建学区；本库按县（区）教育行政部门编码（“县域内”）",
              "The zoning clauses do not say who sets up the zones; encoded as the county "
              "education authority (the text speaks of 县域内)"),
        (C("三/(一)/1", "根据县域内城乡学校办学条件"),)),
)

UNENCODED = (
    Unencoded(C("三/(一)/2/(2)", "(2)集团化办学形式。"),
              zh_en("采集稿在此截断：集团化办学形式的内容、学校联盟形式的说明、三、主要措施的其余各项以及"
                    "其后各部分（如组织保障、实施步骤）均缺失；三次采集均不完整，定稿文本也不在资料库中，"
                    "无法编码",
                    "The capture stops here: the content of the education-group form, any "
                    "description of school alliances, the rest of part 三 and every later "
                    "part (e.g. safeguards, steps) are missing; all three captures are "
                    "incomplete and the final text is not in the library")),
    Unencoded(C("一", "坚持“改革创新、全面推进、城乡一体、资源共享、优质引领、提升质量”原则"),
              zh_en("指导思想中的原则性表述，没有可核查的具体义务，未编码为规则",
                    "guiding principles with no checkable duty; not encoded as rules")),
)


def build(document: Document) -> Policy:
    return Policy(
        name="guilin", version=document.version, document=document,
        parameters=PARAMETERS, rules=RULES + CHECKLIST, narratives=NARRATIVES,
        document_findings=DOCUMENT_FINDINGS, unencoded=UNENCODED,
        data={"status": "draft", "stages": [s.value for s in (Stage.PRIMARY, Stage.JUNIOR)]},
        valid_from=VALID_FROM, valid_until=VALID_UNTIL, validity=VALIDITY,
    )
