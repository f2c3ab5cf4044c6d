"""What Ziyang's text says about itself: narrative numbers, terms, count claims, findings."""

from __future__ import annotations

from xuequ_policies.ziyang.annex import AnnexRow, row_label
from xuequ_policies.ziyang.checklist import UNNAMED_CITES, UNNAMED_RULES
from xuequ_policies.ziyang.parameters import (
    COMMUNITIES_NINE_YEAR,
    COMMUNITIES_PRIMARY,
    COMMUNITIES_TOTAL,
    CORE_SCHOOLS,
)
from xuequ_policies.ziyang.parties import C
from xuequ_policies.ziyang.quantitative import (
    EXPENDITURE_RULE,
    STAGE_RULE,
    UNNAMED_QUANTITATIVE,
)

from xuequ_rules.facts.model import Stage
from xuequ_rules.policy.dsl import (
    CountClaim,
    DocumentFinding,
    Narrative,
    Parameter,
    Unencoded,
    zh_en,
)
from xuequ_rules.policy.policy import Term

NARRATIVES = (
    Narrative(C("序", "2024年11月6日"), zh_en("通知署名日期，为文件元数据",
                                              "the notice's signature date, metadata")),
    Narrative(C("序", "“三个紧密型共同体”"), zh_en("上位文件所用工作名称",
                                                  "name used by the parent document")),
    Narrative(C("序", "安字〔2024〕102号"), zh_en("上位文件文号", "parent document number")),
    Narrative(C("二/(一)/3", "九年制"), zh_en("学校类型名称（九年制学校、九年制教共体）",
                                             "school type name (nine-year school/community)")),
    Narrative(C("二/(一)/3", "九年一贯制"), zh_en("管理体制名称", "name of a management system")),
)


def annex_narratives(rows: tuple[AnnexRow, ...]) -> tuple[Narrative, ...]:
    out = [Narrative(C("附件", "九年制"), zh_en("学校类型、学段名称", "school type / stage name"))]
    out.extend(Narrative(C("附件", row_label(row)), zh_en("附件表格的序号", "annex row number"))
               for row in rows)
    return tuple(out)


def _int(parameter: Parameter) -> int:
    value = parameter.value
    assert isinstance(value, int)
    return value


def count_claims(rows: tuple[AnnexRow, ...]) -> tuple[CountClaim, ...]:
    by_stage = {stage: sum(1 for r in rows if r.stage is stage) for stage in Stage}
    see_annex = C("一", "(见附件)")
    return (
        CountClaim("ziyang.communities.primary",
                   zh_en("小学教共体个数（正文对附件）", "primary communities (text vs annex)"),
                   _int(COMMUNITIES_PRIMARY), by_stage[Stage.PRIMARY],
                   (C("一", "小学教共体 3个"), see_annex)),
        CountClaim("ziyang.communities.nine_year",
                   zh_en("九年制教共体个数（正文对附件）", "nine-year communities (text vs annex)"),
                   _int(COMMUNITIES_NINE_YEAR),
                   by_stage[Stage.NINE_YEAR], (C("一", "九年制教共体 5个"), see_annex)),
        CountClaim("ziyang.communities.compulsory",
                   zh_en("义务教育学段（小学、九年制）教共体个数（正文“8个”对附件）",
                         "compulsory-stage communities (text: 8; annex primary + nine-year rows)"),
                   _int(COMMUNITIES_TOTAL),
                   by_stage[Stage.PRIMARY] + by_stage[Stage.NINE_YEAR],
                   (C("一", "组建8个教共体"), see_annex)),
        CountClaim("ziyang.communities.one_core_school",
                   zh_en("恰有1所核心校的教共体数（正文：每个教共体由1所学校作核心校）",
                         "communities with exactly one core school (text: each has one)"),
                   len(rows), sum(1 for r in rows if len(r.core_schools) == _int(CORE_SCHOOLS)),
                   (C("一", "每个教共体由 1所优质学校作为核心校"),)),
    )


def document_findings(rows: tuple[AnnexRow, ...]) -> tuple[DocumentFinding, ...]:
    outside = [r for r in rows if r.stage not in (Stage.PRIMARY, Stage.NINE_YEAR)]
    findings = [
        DocumentFinding(
            "ziyang.finding.annex_beyond_compulsory", "scope_mismatch",
            zh_en(f"正文称将全县义务教育学校纳入、组建8个教共体（小学3个、九年制5个），附件却列出"
                  f"{len(rows)}个，另有"
                  + "、".join(f"{r.name}（{r.stage_label}）" for r in outside)
                  + "，超出义务教育范围且未计入“8个”",
                  f"The text brings the county's compulsory-education schools into 8 "
                  f"communities (3 primary, 5 nine-year), but the annex lists {len(rows)}: "
                  f"{len(outside)} more ("
                  + ", ".join(f"{r.name} ({r.stage_label})" for r in outside)
                  + ") lie outside compulsory education and outside the count of 8"),
            (C("一", "将全县义务教育学校全部纳入教共体建设,组建8个教共体"),
             *(C("附件", row_label(r)) for r in outside)),
            encodings=(STAGE_RULE, "ziyang.communities.total_count")),
        DocumentFinding(
            "ziyang.finding.core_school_small_spending_signer", "gap",
            zh_en("10万元以内的支出只规定“由成员校校长按程序审签”，核心校自身不足10万元的支出由谁审签未作规定"
                  "（10万元及以上才由核心校校长审签）；决策对此情形判为无法确定",
                  "Spending below 100,000 yuan is signed off 'by the member-school principal'; "
                  "who signs the core school's own spending below 100,000 yuan is not stated "
                  "(the core principal signs only from 100,000 yuan); the decision leaves that "
                  "case undetermined"),
            (C("二/(三)/7", "单项经费支出在 1 0万元以内的由成员校校长按程序审签"),
             C("二/(三)/7", "由核心校校长审签")),
            encodings=(EXPENDITURE_RULE,)),
        DocumentFinding(
            "ziyang.finding.head_school_terms", "inconsistent_terms",
            zh_en("“总校”“总校长”“总校校长”“核心校”“核心校校长”交替使用，文件未说明总校是否即核心校",
                  "'head school' (总校), 'head principal' (总校长/总校校长) and 'core school' "
                  "(核心校) are used interchangeably; the text never says the head school is "
                  "the core school"),
            (C("二/(一)/2", "总校设校长、副校长"), C("二/(一)/2", "教共体总校长由县教体局党委选聘"),
             C("二/(一)/2", "总校校长为教共体法定代表人,并兼任核心校校长"),
             C("二/(三)/7", "由核心校校长审签"))),
        DocumentFinding(
            "ziyang.finding.pooled_share_unspecified", "unspecified_quantity",
            zh_en("教共体统筹使用办学经费的“一定比例”未作规定", "The share of funds a community "
                  "may pool ('a certain proportion') is not specified"),
            (C("二/(三)/7", "按一定比例统筹使用办学经费"),)),
        DocumentFinding(
            "ziyang.finding.decline_measure_ambiguous", "ambiguous",
            zh_en("“教学质量、管理水平连续两年下滑”未说明是两项均下滑还是任一项下滑，也未说明以何种考核结果计"
                  "（本库按同一学校逐学年综合考核结果“较上年下滑”、连续两个学年均下滑编码）",
                  "'teaching quality and management level declining two years running' does "
                  "not say whether both or either must decline, nor by which result (encoded "
                  "as the school's yearly comprehensive assessment declining in two "
                  "consecutive school years)"),
            (C("二/(五)/13", "对教学质量、管理水平连续两年下滑的核心校和成员校校长"),
             C("二/(五)/13", "每学年对各教共体组织开展一次综合考核"))),
        DocumentFinding(
            "ziyang.finding.same_stage_vs_nine_year", "internal_tension",
            zh_en("组建原则要求“学段相同”，而文件又将初中、小学捆绑纳入九年制教共体",
                  "The formation principle requires the same stage, yet the text bundles "
                  "junior and primary schools into nine-year communities"),
            (C("一", "学段相同"), C("二/(一)/3", "将初中、小学捆绑纳入九年制教共体")),
            encodings=("ziyang.duty.formation_principles", "ziyang.duty.nine_year_through_management")),
        DocumentFinding(
            "ziyang.finding.major_matters_party_level", "ambiguous",
            zh_en("二/(一)/1既组建县级“紫阳县教共体党委”，又要求各教共体分别成立党委（党总支）；"
                  "二/(一)/2“三重一大”事项“由教共体党委(党总支)集体研究决定”未说明是哪一级",
                  "二/(一)/1 sets up both a county-level community party committee and a party "
                  "committee (general branch) in each community; 二/(一)/2 has 三重一大 matters "
                  "decided 'by the community party committee (general branch)' without saying "
                  "which level"),
            (C("二/(一)/1", "组建紫阳县教共体党委"), C("二/(一)/1", "各教共体分别成立党委(党总支)"),
             C("二/(一)/2", "“三重一大”事项由教共体党委(党总支)集体研究决定")),
            encodings=("ziyang.duty.decision_bodies", EXPENDITURE_RULE)),
        DocumentFinding(
            "ziyang.finding.missing_party", "missing_party",
            zh_en("以下规定未写明责任主体，本库按最可能的主体编码（多为县教体局或各教共体）："
                  "全县义务教育学校纳入及教共体构成与个数、组建原则、阶段目标、教共体党委组建、教师交流与培训、办学条件、文化建设、运行制度、配套待遇和督办清单等",
                  "These provisions name no responsible party and are encoded with the most "
                  "plausible one (mostly the county bureau or each community): bringing every "
                  "compulsory school into a community and the communities' make-up and number, "
                  "formation principles, phase targets, the community party committee, teacher exchange "
                  "and training, school conditions, culture, operating rules, allowances and the "
                  "supervision task list"),
            (C("一", "2024年 1 0月底全面启动"), C("一", "将全县义务教育学校全部纳入教共体建设"),
             *UNNAMED_CITES),
            encodings=(*UNNAMED_QUANTITATIVE, *UNNAMED_RULES)),
    ]
    for row in rows:
        if row.dangling_separator:
            member_cell = row.captured.split("|")[3]
            findings.append(DocumentFinding(
                f"ziyang.finding.annex_row_{row.number}_dangling_separator", "incomplete_entry",
                zh_en(f"附件第{row.number}行（{row.name}）成员校一栏以“、”结尾，其后没有学校，"
                      "可能漏列了一所成员校",
                      f"Annex row {row.number} ({row.name}): the member-school cell ends with "
                      "'、' and no school follows; a member school may be missing"),
                (C("附件", row_label(row)), C("附件", member_cell[-12:] + "|"))))
    return tuple(findings)


UNENCODED = (
    Unencoded(C("序", "为进一步深化教育综合改革,推动城乡教育优质均衡发展"),
              zh_en("制定方案的目的和依据（“按照……要求……制定本方案”）：说明方案为何制定，本身不设义务",
                    "the purpose and basis of the plan ('按照…要求…制定本方案'): says why the "
                    "plan is made and sets no duty itself")),
    Unencoded(C("序", "请认真抓好贯彻落实"),
              zh_en("印发通知对收文单位的一般要求：贯彻落实本方案；方案的各项规定已分别编码，此句不另设义务",
                    "the covering notice's general instruction to implement the plan; every "
                    "provision of the plan is encoded on its own, so this adds no separate "
                    "duty")),
    Unencoded(C("一", "坚持以习近平新时代中国特色社会主义思想为指导,全面贯彻党的教育方针,落实立德树人根本任务"),
              zh_en("指导思想：表明方案的政治方向和根本任务，没有可核查的行为或结果",
                    "the guiding idea: states the plan's political direction and fundamental "
                    "task, with no act or result that can be checked")),
    Unencoded(C("一", "全力构建“管理共进、师资共用、资源共享、文化共融、考核共评”的紧密型城乡教育共同体"),
              zh_en("总目标：“五共”各自在二/(一)至二/(五)的具体任务中编码（管理共进、师资共用、资源共享、"
                    "文化共融、考核共评），此句本身不另设可核查的义务",
                    "the overall aim: each of the five 共 is encoded through the concrete tasks "
                    "of 二/(一) to 二/(五); the sentence itself adds no checkable duty")),
    *(Unencoded(C("一", line),
                zh_en("基本原则的标题句：概括其后一句所展开的做法（该句的具体任务在第二部分编码），"
                      "本身不设可核查的义务或结果",
                      "the heading line of a basic principle: it names the approach the "
                      "sentences after it spell out (their concrete tasks are encoded under "
                      "part 二) and sets no checkable duty or result itself"),
                kind="not_normative")
      for line in ("——坚持深化改革、创新体制机制。", "——坚持以城带乡、融合共享发展。",
                   "——坚持优质均衡、提升内涵水平。")),
    Unencoded(C("三/(一)", "在广泛征求意见、充分组织论证的基础上,制定紫阳县紧密型城乡教育共同体建设工作实施方案,明确目标任务"),
              zh_en("第一步“制定方案”所要制定的实施方案即本文件（成文于2024-11-06，晚于“9月底前”，"
                    "见 dated_after_phase 文件问题）；这一步由文件自身的存在完成，没有其他可对"
                    "事实核查的义务，也不编码为期限已过的目标",
                    "step one, 'draw up the plan', is the making of this very document (written "
                    "2024-11-06, after the 'end of September' date; see the dated_after_phase "
                    "finding); the document's existence completes the step, which leaves no "
                    "duty to check against facts, and it is not encoded as a lapsed target")),
    Unencoded(C("三", "三、实施步骤"),
              zh_en("采集稿中“三、实施步骤”只存第(一)项，紧接着就是附件表格；前言所定2024年10月底全面启动及2025、2027、2029年目标表明原文还有后续步骤，其内容及是否另有其他部分无法从采集稿恢复（见来源说明 provenance），无法编码",
                    "Part 三 (implementation steps) is cut off after step (一) in the capture, "
                    "the annex table following directly; the phase targets of part 一 show that "
                    "further steps existed, but their text, and any later parts, cannot be "
                    "recovered (see the provenance record), so they cannot be encoded")),
)

_NAME = zh_en("名称中的数字，不是数量", "a numeral inside a name, not a quantity")
TERMS = (
    Term("三个紧密型共同体", zh_en("上位文件所用工作名称", "working name used by the parent document")),
    Term("三区一体化", zh_en("既往办学模式的名称", "name of an earlier school-management model")),
    Term("三重一大", zh_en("“重大事项决策、重要干部任免、重大项目安排、大额资金使用”决策制度的名称",
                       "name of the collective-decision rule for major matters, appointments, "
                       "projects and large sums")),
    Term("三员", zh_en("研训活动的名称", "name of a training activity")),
    Term("五育并举", zh_en("德智体美劳全面培养的口号", "slogan: moral, intellectual, physical, "
                                                   "aesthetic and labour education together")),
    Term("一校一品", zh_en("“每校一个特色品牌”的口号", "slogan: one speciality brand per school")),
    Term("同处一张网、共上一堂课、共享一名师", zh_en("“互联网+教育”的口号", "slogan of "
                                                 "internet-based teaching")),
    Term("汉王镇五郎教学点", zh_en("附件所列教学点的地名，“五郎”是地名不是数量",
                               "a teaching point listed in the annex; 五郎 is a place name, "
                               "not a quantity")),
    Term("双安镇五林小学", zh_en("附件所列学校的地名，“五林”是地名不是数量",
                             "a school listed in the annex; 五林 is a place name, not a "
                             "quantity")),
    Term("六统一", zh_en("“六统一”管理的名称；六项内容见参数 ziyang.zone.six_unifications",
                      "name of the six unifications; the six matters are the parameter "
                      "ziyang.zone.six_unifications")),
)
