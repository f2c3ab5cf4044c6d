"""Changping: what the document leaves open, and the provisions not encoded as rules."""

from __future__ import annotations

from xuequ_policies.changping.parameters import C

from xuequ_rules.document.clause import Clause
from xuequ_rules.document.document import Document
from xuequ_rules.policy.dsl import DocumentFinding, Unencoded, zh_en
from xuequ_rules.policy.rule import AnyRule, Decision

UNENCODED = (
    Unencoded(C("三/(三)/8", "招生制度改革的引导作用"),
              zh_en("第8项的标题句（其中一词采集时丢失，见勘误）；本项的内容是其后各句，已逐句编码为职责",
                    "the heading sentence of item 8 (one word lost in capture, see the "
                    "erratum); the item's content is the sentences that follow, each encoded "
                    "as a duty"), kind="not_normative"),
    Unencoded(C("一", "坚持统筹规划、城乡一体、分类指导、分步实施"),
              zh_en("指导思想中的工作原则，说明如何推进三、主要任务，本身没有可核查的行为或状态；"
                    "其内容已由主要任务各项编码",
                    "working principles of the guiding ideology: they say how the tasks of "
                    "part 三 are carried out and name no act or state that can be checked on "
                    "their own; the tasks themselves are encoded")),
)

NO_DEADLINE_TASKS = ("changping.youth_palace.built", "changping.school_courses.excellent",
                     "changping.private_schools.quality")
STOCK_TARGETS = ("changping.target.famous_schools", "changping.target.affiliated_schools",
                 "changping.target.university_supported_primary",
                 "changping.target.construction_projects")

FINDINGS = (
    DocumentFinding(
        "changping.finding.undated", "undated_document",
        zh_en("采集稿无文号、落款和任何日期，效力状态不明；正文要求贯彻“全国教育大会精神”（2018年9月），"
              "故方案不早于2018年9月成文；“到2020年”的目标以2020-12-31为期限判定，政策本身不设"
              "生效日期；没有期限的任务不判定2018年以前的记录，也不判定2018—2020年间的未完成",
              "The capture has no number, signature or date, and its status is unknown; it "
              "implements the National Education Conference (September 2018), so it was "
              "written no earlier than September 2018; the 'by 2020' targets are judged at "
              "2020-12-31 and the policy itself has no start date; tasks without a deadline "
              "do not judge records from before 2018, nor a shortfall in 2018-2020"),
        (C("二", "到2020年"), C("一", "深入贯彻落实全国教育大会精神")),
        encodings=("changping.plan.earliest_year", *NO_DEADLINE_TASKS)),
    DocumentFinding(
        "changping.finding.targets_without_deadline", "target_without_deadline",
        zh_en("少年宫、100门校本课程、3-5所民办中小学等任务不在“到2020年”工作目标中，文件未给出"
              "完成期限；本库对2018年以前（方案之前）的记录不适用，2018—2020年达到即为符合、"
              "未达到不判定，方案期结束后（2021年起）才判定未达到",
              "The youth palace, 100 school-based courses and 3-5 private schools are not "
              "among the 'by 2020' goals and have no deadline; records from before 2018 (before "
              "the plan) are not applicable, in 2018-2020 reaching the number satisfies the "
              "task and a shortfall is not judged, and a shortfall is judged only after the "
              "plan's period (from 2021)"),
        (C("三/(二)/4", "建设一所软硬件达标的少年宫"),
         C("三/(二)/5", "100门校本课程成为区级优秀课程"),
         C("三/(五)/15", "打造3-5所高水平、有特色的民办中小学")),
        encodings=NO_DEADLINE_TASKS),
    DocumentFinding(
        "changping.finding.range_target", "ambiguous_number",
        zh_en("“3-5所”为区间，未说明达到3所即算完成还是须达到5所；本库按下限3所判定",
              "'3-5 schools' is a range; the text does not say whether 3 suffices; judged "
              "against 3"),
        (C("三/(五)/15", "打造3-5所"),),
        encodings=("changping.private_schools.quality", "changping.private_schools.max")),
    DocumentFinding(
        "changping.finding.two_plus_one_no_point", "missing_date",
        zh_en("“保证每名学生至少学习掌握两项体育运动技能和一项艺术技能”没有说明在哪个年级或学段前"
              "须掌握；本库对已掌握的学生判定符合，未掌握的只在义务教育最后一个年级（九年级）判定",
              "The 2+1 guarantee names no grade or stage by which the skills are mastered; a "
              "pupil who has them satisfies it, and a shortfall is judged only in the last "
              "grade of compulsory education (grade 9)"),
        (C("三/(二)/4", "保证每名学生至少学习掌握两项体育运动技能和一项艺术技能"),),
        encodings=("changping.students.two_plus_one", "changping.students.two_plus_one_grade")),
    DocumentFinding(
        "changping.finding.targets_without_baseline", "unstated_base",
        zh_en("12所名校、6所附中附小、10所高参小学校、17个建设项目均未说明计数起点：是自2016年"
              "（“十三五”开始）、自方案制定之日，还是累计；本库按年度记录中给出的数字判定，"
              "计数口径由填报方负责说明",
              "The 12 renowned schools, 6 affiliated schools, 10 supported primary schools "
              "and 17 building projects have no baseline or counting period (from 2016, from "
              "the plan, or cumulative); the figure given in the year's record is judged, and "
              "whoever supplies it must state how it was counted"),
        (C("二", "引进名校达到12所"), C("二", "实施中小学新建、改扩建项目17个")),
        encodings=STOCK_TARGETS),
    DocumentFinding(
        "changping.finding.backbone_base", "unstated_base",
        zh_en("“市、区级骨干教师占专任教师比例达到30%”未说明专任教师的范围（仅义务教育学校，"
              "还是全区各类学校）；本库按记录中给出的专任教师数判定",
              "The 30% backbone share does not say whose full-time teachers are the base "
              "(compulsory schools only, or all schools of the district); the record's "
              "figure is judged"),
        (C("二", "市、区级骨干教师占专任教师比例达到30%"),),
        encodings=("changping.target.backbone_share", "changping.backbone_teachers.share")),
    DocumentFinding(
        "changping.finding.measure_undefined", "undefined_term",
        zh_en("“掌握”运动/艺术技能、“软硬件达标”、“市名校”“名校”均无认定标准",
              "No criterion is given for 'mastering' a skill, a youth palace 'meeting the "
              "standard', or what counts as a renowned school"),
        (C("三/(二)/4", "至少学习掌握两项体育运动技能"), C("二", "引进名校达到12所"))),
)


def _chain(document: Document, clause_id: str) -> list[Clause]:
    chain: list[Clause] = []
    current: str | None = clause_id
    while current is not None:
        clause = document.clause(current)
        chain.append(clause)
        current = clause.parent_id
    return chain


def party_named(document: Document, rule: AnyRule) -> bool:
    """Whether the text the rule cites, or a clause above it, names the rule's party."""
    cites = rule.all_cites() if isinstance(rule, Decision) else rule.cites
    return any(rule.party.zh in document.corrected_text(clause)
               for cite in cites for clause in _chain(document, cite.clause))


def missing_party(document: Document, rules: tuple[AnyRule, ...]) -> DocumentFinding:
    """One finding listing every encoding whose responsible party the text does not name."""
    unnamed = tuple(rule.id for rule in rules if not party_named(document, rule))
    return DocumentFinding(
        "changping.finding.missing_party", "missing_party",
        zh_en("二、工作目标和三、主要任务各项大多未写明责任主体（仅四(二)写明区教委统筹、各部门"
              "各负其责）；本库把教学类职责编码给中小学校，经费和工资保障给区政府，其余给区教委；"
              f"所涉编码共 {len(unnamed)} 项",
              "Most goals and tasks in parts 二 and 三 name no responsible party (only 四(二) "
              "names the commission and the departments); teaching duties are encoded as the "
              "schools', funding and pay as the district government's, the rest as the "
              f"commission's; {len(unnamed)} encodings concerned"),
        (C("四/(二)", "区教委统筹制定工作实施方案"),
         C("三/(四)/14", "依法保障落实教师平均工资不低于当地公务员平均工资水平"),
         C("三/(二)/4", "保证每名学生至少学习掌握两项体育运动技能和一项艺术技能")),
        encodings=unnamed)
