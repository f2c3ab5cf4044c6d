"""Guilin draft: findings about the document, and the provisions left unencoded with reasons."""

from __future__ import annotations

from xuequ_rules.policy.dsl import Cite, DocumentFinding, Unencoded, zh_en

C = Cite
Q_FORMS = "学区设置可采取城乡帮扶、集团化办学、学校联盟等多种组合形式进行设置"
Q_TOWN_VILLAGE = "乡镇中心校在参加与县城优质学校组成学区的同时,自身作为牵头学校与村小学、教学点组成学区"

# Encodings whose responsible party the text does not name (the party is inferred).
UNNAMED_PARTY = (
    "guilin.zone.forms", "guilin.zone.assistance_sub_forms", "guilin.zone.max_schools",
    "guilin.zone.urban_town_one_quality_school", "guilin.zone.town_town_one_quality_school",
    "guilin.duty.reform_practice", "guilin.duty.deep_cooperation", "guilin.duty.zoning",
    "guilin.duty.urban_town_members", "guilin.duty.town_town_members",
)

DOCUMENT_FINDINGS = (
    DocumentFinding(
        "guilin.finding.draft_status", "draft_status",
        zh_en("本文件标题自称“征求意见稿”，征求意见稿不是生效的规定，本编码仅供比较，不得当作现行规定适用。"
              "采集稿没有写明起草或发布机关，也没有提到定稿：资料库之外的信息称定稿为"
              "《桂林市全面推进义务教育学区制管理改革实施办法》（市政办〔2018〕24号，2018-05-22印发），"
              "这一说法及发布机关均无法用资料库中的文本核实",
              "The document calls itself a draft for comments (征求意见稿), which is not a rule "
              "in force; the encoding is for comparison only and must not be applied as the "
              "rule in force. The capture names no drafting or issuing body and no final "
              "version: information from outside the library names a final 实施办法 "
              "(市政办〔2018〕24号, issued 2018-05-22); that, and the issuer, cannot be "
              "verified against any text in the library"),
        (C("序", "(征求意见稿)"),)),
    DocumentFinding(
        "guilin.finding.open_list_of_forms", "open_list",
        zh_en("学区组建形式以“等多种组合形式”结尾，列举不封闭，且允许组合，本库按开放列举编码（未列举的形式"
              "判为待定，不判为不符合）；“主要有以下形式”下采集稿只有城乡帮扶和集团化办学两项（截断），"
              "学校联盟未见说明",
              "The list of zone forms ends with 'and other combined forms', so it is open and "
              "encoded as open (an unlisted form is undetermined, never a breach); under "
              "'mainly the following forms' the truncated capture has only assistance and "
              "education groups, school alliances are never described"),
        (C("三/(一)/2", Q_FORMS), C("三/(一)/2", "学区设置主要有以下形式")),
        encodings=("guilin.zone.forms",)),
    DocumentFinding(
        "guilin.finding.town_town_called_urban_rural", "inconsistent_terms",
        zh_en("“乡镇学校+乡镇学校”“乡镇学校+村小学+教学点”两种形式没有城区学校，却归在“城乡帮扶形式”下",
              "Two sub-forms with no urban school (town+town, town+village) are filed under "
              "'urban-rural assistance'"),
        (C("三/(一)/2/(1)", "(1)城乡帮扶形式。"), C("三/(一)/2/(1)", "乡镇学校+乡镇学校"))),
    DocumentFinding(
        "guilin.finding.town_centre_in_two_zones", "ambiguous_role",
        zh_en("乡镇中心校既是县城优质学校学区的成员，又是自己学区的牵头学校，一校同属两个学区；"
              "原文有意如此（“在……的同时”），问题在于学区重叠时统计和管理归属不明",
              "A town central school is a member of a county-town school's zone and at the "
              "same time leads its own zone: one school in two zones. The text intends this "
              "(在…的同时); what it leaves open is how overlapping zones are counted and run"),
        (C("三/(一)/2/(1)", Q_TOWN_VILLAGE),),
        encodings=("guilin.duty.town_centre_joins_county_zone",
                   "guilin.duty.town_centre_leads_village_zone")),
    DocumentFinding(
        "guilin.finding.nearness_and_another_township", "tension",
        zh_en("学区设置原则要求“相对就近”，而“乡镇学校+乡镇学校”形式把优质乡镇学校与“另一乡镇”的薄弱学校"
              "组成学区，二者可能冲突；采集稿没有说明如何取舍",
              "The zoning principle asks for relative nearness (相对就近), while the town+town "
              "form pairs a quality town school with weak schools of another township; the "
              "capture does not say how the two are reconciled"),
        (C("三/(一)/1", "按照“城乡统筹、强弱搭配、相对就近”原则"),
         C("三/(一)/2/(1)", "若干所相同学段另一乡镇薄弱学校")),
        encodings=("guilin.duty.zoning", "guilin.duty.town_town_members")),
    DocumentFinding(
        "guilin.finding.missing_party", "missing_party",
        zh_en("学区设置、组建和目标任务条款未写明由谁负责：划分、组建学区和推进目标任务均按县（区）"
              "教育行政部门编码（原文说“县域内”）",
              "The zoning, zone-structure and goal clauses do not say who is responsible: "
              "setting up zones and pursuing the goals are encoded as the county education "
              "authority (the text speaks of 县域内)"),
        (C("三/(一)/1", "根据县域内城乡学校办学条件"),),
        encodings=UNNAMED_PARTY),
)

UNENCODED = (
    Unencoded(C("序", "特制定本实施方案"),
              zh_en("前言写明制定目的和依据，不设义务",
                    "the preamble states purpose and basis and sets no duty")),
    Unencoded(C("一", "全面推进学区制管理改革工作,要以党的十八大和十八届三中、四中、五中、六中全会精神为指导,"
                      "牢固树立均衡优质发展理念"),
              zh_en("指导思想，没有可核查的具体义务、标准或期限",
                    "guiding ideology with no checkable duty, standard or deadline")),
    Unencoded(C("一", "坚持“改革创新、全面推进、城乡一体、资源共享、优质引领、提升质量”原则"),
              zh_en("指导思想中的原则性表述，没有可核查的具体义务，未编码为规则",
                    "guiding principles with no checkable duty; not encoded as rules")),
    Unencoded(C("一", "坚持以立德树人为根本任务,坚持以共享发展为根本目标,坚持以增强人民群众满意度为根本标准,"
                      "坚持以完善体制机制为根本保障"),
              zh_en("指导思想中的根本任务、目标、标准和保障，是方向性表述，没有可核查的内容",
                    "the fundamental task, goal, standard and safeguard of the guiding "
                    "ideology: orientation with nothing checkable")),
    Unencoded(C("一", "整体提高义务教育办学水平和教育质量,努力促进教育公平"),
              zh_en("总体目标，没有指标或期限，无法核查",
                    "an overall aim with no indicator or deadline; nothing to check")),
    Unencoded(C("二", "紧紧围绕市委、市政府推进基础教育综合改革目标任务,坚持教育公益性原则"),
              zh_en("工作方向和原则（围绕市委、市政府目标，坚持公益性），没有可核查的具体义务",
                    "orientation and principle (follow the city's reform goals, keep education "
                    "a public good) with no checkable duty")),
    Unencoded(C("三/(一)/2/(2)", "(2)集团化办学形式。"),
              zh_en("采集稿在此截断：集团化办学形式的内容、学校联盟形式的说明、三、主要措施的其余各项以及"
                    "其后各部分（如组织保障、实施步骤）均缺失；三次采集均不完整，资料库中也没有其他文本，"
                    "无法编码",
                    "The capture stops here: the content of the education-group form, any "
                    "description of school alliances, the rest of part 三 and every later "
                    "part (e.g. safeguards, steps) are missing; all three captures are "
                    "incomplete and the library holds no other text")),
)
