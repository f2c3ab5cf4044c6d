"""Ziyang 2024: every normative provision, cited to its clause.

紫阳县全面推进紧密型城乡教育共同体建设实施方案（紫办字〔2024〕98号）. The capture lost the
heading of part 一 (erratum E01), most of part 三 (E07) and the annex heading (E08); the annex
table is parsed from the document in :mod:`xuequ_policies.ziyang.annex`.
"""

from __future__ import annotations

from xuequ_policies.ziyang.annex import AnnexRow, parse_annex, row_label
from xuequ_policies.ziyang.lifecycle import VALID_FROM, VALID_UNTIL, VALIDITY

from xuequ_rules.document.document import Document
from xuequ_rules.facts.model import AccountabilityAction, ApprovalRoute, Stage
from xuequ_rules.policy.dsl import (
    Case,
    Cite,
    CountClaim,
    Decimal,
    Decision,
    DocumentFinding,
    Modality,
    Narrative,
    Outcome,
    Parameter,
    Phase,
    Policy,
    Rule,
    Text,
    Unencoded,
    Unit,
    dt,
    duty_maker,
    f,
    length,
    phase_rules,
    zh_en,
)

C = Cite
BUREAU = zh_en("县教体局", "county education and sports bureau")
BUREAU_PARTY = zh_en("县教体局党委", "party committee of the county education and sports bureau")
LEADING_GROUP = zh_en("县委教育工作领导小组", "county party committee's education leading group")
COUNTY_PARTY = zh_en("县委", "county party committee")
COMMUNITY = zh_en("各教共体", "each education community")
COMMUNITY_PARTY = zh_en("县教共体党委", "county education-community party committee")
HEAD_SCHOOL = zh_en("总校（核心校）", "head (core) school of a community")
CORE_SCHOOL = zh_en("核心校", "core school")
COMMUNITY_SCHOOLS = zh_en("教共体内各学校", "schools of the education communities")
SCHOOLS = zh_en("各中小学校", "every primary and secondary school")
TOWN_SCHOOLS = zh_en("各镇九年制学校或镇中心小学", "each town's nine-year school or central "
                     "primary school")
TRAINING_CENTRE = zh_en("县师训教研中心", "county teacher-training and research centre")
DEPARTMENTS = zh_en("教体、编制、人社、财政等部门", "education, staffing, human-resources and "
                    "finance departments")
MENTORS = zh_en("教共体内的骨干校长、骨干教师", "backbone principals and teachers of a community")
COMPULSORY_STAGES = (Stage.PRIMARY.value, Stage.JUNIOR.value, Stage.NINE_YEAR.value,
                     Stage.TEACHING_POINT.value)

# ── parameters ────────────────────────────────────────────────────────────────
COMMUNITIES_TOTAL = Parameter(
    id="ziyang.communities.total", value=8, unit=Unit.COUNT,
    label=zh_en("组建的教共体总数（小学、九年制）", "education communities to form (primary and "
                "nine-year)"),
    concept="community.count_total",
    cites=(C("一", "组建8个教共体"),))
COMMUNITIES_PRIMARY = Parameter(
    id="ziyang.communities.primary", value=3, unit=Unit.COUNT,
    label=zh_en("小学教共体数", "primary-school education communities"),
    concept="community.count_primary",
    cites=(C("一", "其中:小学教共体 3个、九年制教共体 5个"),))
COMMUNITIES_NINE_YEAR = Parameter(
    id="ziyang.communities.nine_year", value=5, unit=Unit.COUNT,
    label=zh_en("九年制教共体数", "nine-year education communities"),
    concept="community.count_nine_year",
    cites=(C("一", "其中:小学教共体 3个、九年制教共体 5个"),))
CORE_SCHOOLS = Parameter(
    id="ziyang.community.core_schools", value=1, unit=Unit.SCHOOLS,
    label=zh_en("每个教共体的核心校数", "core schools per education community"),
    concept="community.core_schools",
    cites=(C("一", "每个教共体由 1所优质学校作为核心校"),
           C("二/(一)/1", "按照“1个核心校+若干成员校”模式")))
MENTEES_MIN = Parameter(
    id="ziyang.mentoring.min_young_teachers", value=1, unit=Unit.PERSONS,
    label=zh_en("骨干校长、骨干教师每人每年培养指导的本学科青年教师最少人数",
                "minimum young teachers of the same subject each backbone principal or teacher "
                "mentors per year"),
    concept="mentoring.min_young_teachers_per_year",
    cites=(C("二/(二)/5", "每人每年培养指导本学科青年教师至少 1名"),))
APPROVAL_THRESHOLD = Parameter(
    id="ziyang.expenditure.collective_threshold", value=Decimal("100000"), unit=Unit.YUAN,
    label=zh_en("单项经费支出按“三重一大”集体决策并由核心校校长审签的起点（含本数）",
                "single-item spending from which (inclusive) the collective 三重一大 procedure "
                "and the core-school principal's signature apply"),
    concept="expenditure.collective_approval_threshold",
    note=zh_en("采集稿写作“1 0万元”（勘误 E03–E05）；“(含 1 0万元)”表明10万元整走集体决策程序，"
               "故“10万元以内”指不足10万元。",
               "captured as '1 0万元' (errata E03-E05); '(含 1 0万元)' puts exactly 100,000 "
               "yuan on the collective route, so '以内' means below 100,000 yuan."),
    cites=(C("二/(三)/7", "单项经费支出在 1 0万元以内的由成员校校长按程序审签"),
           C("二/(三)/7", "1 0万元以上(含 1 0万元)的经费支出按教共体内“三重一大”事项执行")))
DECLINE_YEARS = Parameter(
    id="ziyang.assessment.decline_years", value=2, unit=Unit.YEARS,
    label=zh_en("校长须轮岗交流或降级处理的连续下滑年数",
                "consecutive years of decline after which the principal is rotated or demoted"),
    concept="principal.consecutive_decline_years",
    cites=(C("二/(五)/13", "对教学质量、管理水平连续两年下滑的核心校和成员校校长进行轮岗交流或降级处理"),))
ASSESSMENTS_PER_YEAR = Parameter(
    id="ziyang.assessment.per_school_year", value=1, unit=Unit.COUNT,
    label=zh_en("县教体局每学年对各教共体开展综合考核的次数",
                "comprehensive assessments of each community per school year"),
    concept="community.assessments_per_year",
    cites=(C("二/(五)/13", "每学年对各教共体组织开展一次综合考核"),))
ACTION_PLAN_YEARS = Parameter(
    id="ziyang.community.action_plan_years", value=5, unit=Unit.YEARS,
    label=zh_en("各教共体行动方案的年限", "span of each community's action plan"),
    concept="community.action_plan_years",
    cites=(C("二/(六)/14", "各教共体制订内部章程和五年行动方案"),))
SIX_UNIFICATIONS = Parameter(
    id="ziyang.zone.six_unifications",
    value="教学管理、教师培训、课程设置、教学进度、质量监测、考核评价", unit=Unit.TEXT,
    label=zh_en("教共体“六统一”管理的内容", "the six matters unified within a community"),
    concept="zone.six_unifications",
    cites=(C("二/(七)/15", "教共体实行“六统一”管理(统一教学管理、统一教师培训、统一课程设置、"
                           "统一教学进度、统一质量监测、统一考核评价)"),))

PARAMETERS = (COMMUNITIES_TOTAL, COMMUNITIES_PRIMARY, COMMUNITIES_NINE_YEAR, CORE_SCHOOLS,
              MENTEES_MIN, APPROVAL_THRESHOLD, DECLINE_YEARS, ASSESSMENTS_PER_YEAR,
              ACTION_PLAN_YEARS, SIX_UNIFICATIONS)

# ── phases (一 的阶段目标；三、实施步骤 仅存(一)) ────────────────────────────────────
PLAN_PHASE = Phase(
    "ziyang.phase.plan", zh_en("制定方案（2024年9月底前）", "draw up the plan (by end of September "
                               "2024)"),
    None, dt.date(2024, 9, 30), (C("三/(一)", "(一)制定方案(2024年 9月底前)"),))
LAUNCH_DATE = dt.date(2024, 10, 31)
LAUNCH_PHASE = Phase(
    "ziyang.phase.launch", zh_en("教共体建设全面启动（2024年10月底）",
                                 "full launch of the communities (end of October 2024)"),
    None, LAUNCH_DATE, (C("一", "2024年 1 0月底全面启动"),))
PHASES = (
    PLAN_PHASE,
    LAUNCH_PHASE,
    Phase("ziyang.phase.2025", zh_en("到2025年底教共体建设取得阶段性成效",
                                     "interim results by the end of 2025"),
          None, dt.date(2025, 12, 31), (C("一", "到 2025年底,教共体建设取得阶段性成效"),)),
    Phase("ziyang.phase.2027", zh_en("到2027年底管理制度和运行机制健全完善，均衡发展水平有效提升",
                                     "management rules and mechanisms complete and balance "
                                     "improved by the end of 2027"),
          None, dt.date(2027, 12, 31),
          (C("一", "到 2027年底,教共体建设管理制度和运行机制健全完善,县域义务教育均衡发展水平有效提升"),)),
    Phase("ziyang.phase.2029", zh_en("到2029年教共体建设机制更加成熟定型，城乡差别显著缩小"
                                     "（文件只写年份，按年底计）",
                                     "mechanisms mature and the urban-rural gap much narrower "
                                     "by 2029 (the text gives only the year: end of 2029)"),
          None, dt.date(2029, 12, 31),
          (C("一", "到 2029年,教共体建设机制更加成熟定型,城乡差别显著缩小"),)),
)

# ── quantitative rules ─────────────────────────────────────────────────────────
EXPENDITURE_ROUTE = Decision(
    id="ziyang.expenditure.approval_route",
    title=zh_en("单项经费支出：不足10万元由成员校校长按程序审签；10万元及以上按“三重一大”集体决策并由核心校校长审签",
                "Single-item spending: below 100,000 yuan the member-school principal signs; "
                "from 100,000 yuan (inclusive) the collective 三重一大 procedure and the "
                "core-school principal's signature"),
    party=zh_en("教共体各校（成员校校长、教共体党委、核心校校长）",
                "schools of a community (member principals, community party committee, core "
                "principal)"),
    subject="expenditures", question="expenditure.approval_route", actual=f.approval_route,
    concept="expenditure.approval_route",
    cases=(
        Case(f.amount < APPROVAL_THRESHOLD,
             Outcome(ApprovalRoute.MEMBER_PRINCIPAL.value,
                     zh_en("10万元以内：由成员校校长按程序审签",
                           "below 100,000 yuan: signed off by the member-school principal "
                           "following procedure")),
             (C("二/(三)/7", "单项经费支出在 1 0万元以内的由成员校校长按程序审签"),)),
        Case(f.amount >= APPROVAL_THRESHOLD,
             Outcome(ApprovalRoute.COLLECTIVE_CORE_PRINCIPAL.value,
                     zh_en("10万元以上（含10万元）：按“三重一大”事项集体决策，由核心校校长审签",
                           "100,000 yuan or more: decided collectively as a 三重一大 matter "
                           "and signed off by the core-school principal")),
             (C("二/(三)/7", "1 0万元以上(含 1 0万元)的经费支出按教共体内“三重一大”事项执行并由核心校校长审签"),)),
    ),
    note=zh_en("10万元以内一档只写“成员校校长”，核心校自身不足10万元的支出由谁审签文件未规定"
               "（见文件问题 ziyang.finding.core_school_small_spending_signer）。",
               "The lower band names only the member-school principal; who signs the core "
               "school's own spending below 100,000 yuan is not stated (see finding "
               "ziyang.finding.core_school_small_spending_signer)."),
    cites=(C("二/(三)/7", "教共体各校公用经费支出实行定额管理"),))

QUANTITATIVE: tuple[Rule | Decision, ...] = (
    Rule(id="ziyang.schools.all_in_communities",
         title=zh_en("全县义务教育学校全部纳入教共体",
                     "Every compulsory-education school of the county is in a community"),
         kind=Modality.OBLIGATION, party=BUREAU, subject="schools",
         applies=f.stage.isin(COMPULSORY_STAGES), requires=f.in_community.eq(True),
         concept="community.all_schools_included",
         cites=(C("一", "将全县义务教育学校全部纳入教共体建设"),)),
    Rule(id="ziyang.community.one_core_school",
         title=zh_en("每个教共体有且只有1所核心校", "Each community has exactly one core school"),
         kind=Modality.DEFINITION, party=BUREAU, subject="communities",
         requires=length(f.core_schools).eq(CORE_SCHOOLS), concept="community.core_schools",
         cites=(C("一", "每个教共体由 1所优质学校作为核心校"),
                C("二/(一)/1", "按照“1个核心校+若干成员校”模式,组建多个教共体"))),
    Rule(id="ziyang.community.has_members",
         title=zh_en("教共体由核心校和若干所成员校组成（至少1所成员校）",
                     "A community has member schools besides its core school"),
         kind=Modality.DEFINITION, party=BUREAU, subject="communities",
         requires=length(f.members) >= 1, concept="community.members",
         cites=(C("一", "其他若干所学校作为成员校"),
                C("二/(一)/1", "“1个核心校+若干成员校”"))),
    Rule(id="ziyang.community.stage",
         title=zh_en("教共体为小学教共体或九年制教共体",
                     "A community is a primary-school or a nine-year community"),
         kind=Modality.DEFINITION, party=BUREAU, subject="communities",
         requires=f.stage.isin((Stage.PRIMARY.value, Stage.NINE_YEAR.value)),
         concept="community.stage",
         note=zh_en("正文只规定小学、九年制两类教共体；附件另列高中、学前教共体各1个"
                    "（见文件问题 ziyang.finding.annex_beyond_compulsory）。",
                    "The text defines only primary and nine-year communities; the annex adds "
                    "one senior-secondary and one preschool community."),
         cites=(C("一", "其中:小学教共体 3个、九年制教共体 5个"),
                C("二/(一)/3", "将初中、小学捆绑纳入九年制教共体"))),
    Rule(id="ziyang.community.head_principal_is_core_principal",
         title=zh_en("总校校长为教共体法定代表人并兼任核心校校长",
                     "The head principal is the community's legal representative and the "
                     "core school's principal"),
         kind=Modality.DEFINITION, party=BUREAU_PARTY, subject="communities",
         requires=f.legal_representative_is_core_principal.eq(True),
         concept="community.head_principal_is_core_principal",
         cites=(C("二/(一)/2", "总校校长为教共体法定代表人,并兼任核心校校长"),)),
    Rule(id="ziyang.communities.primary_count",
         title=zh_en("组建小学教共体3个", "Three primary-school communities formed"),
         kind=Modality.TARGET, party=BUREAU, subject="district_indicators",
         applies=f.year.eq(LAUNCH_DATE.year),
         requires=f.communities_primary.eq(COMMUNITIES_PRIMARY),
         deadline=LAUNCH_DATE, concept="community.count_primary",
         note=zh_en("按2024年10月底全面启动时组建计；此后可“适时优化调整”。",
                    "Judged at the full launch (end of October 2024); later adjustments are "
                    "allowed."),
         cites=(C("一", "其中:小学教共体 3个、九年制教共体 5个"),
                C("一", "2024年 1 0月底全面启动"))),
    Rule(id="ziyang.communities.nine_year_count",
         title=zh_en("组建九年制教共体5个", "Five nine-year communities formed"),
         kind=Modality.TARGET, party=BUREAU, subject="district_indicators",
         applies=f.year.eq(LAUNCH_DATE.year),
         requires=f.communities_nine_year.eq(COMMUNITIES_NINE_YEAR),
         deadline=LAUNCH_DATE, concept="community.count_nine_year",
         cites=(C("一", "其中:小学教共体 3个、九年制教共体 5个"),
                C("一", "2024年 1 0月底全面启动"))),
    Rule(id="ziyang.communities.total_count",
         title=zh_en("全县组建8个（义务教育）教共体", "Eight (compulsory-education) communities "
                     "formed in the county"),
         kind=Modality.TARGET, party=BUREAU, subject="district_indicators",
         applies=f.year.eq(LAUNCH_DATE.year),
         requires=(f.communities_primary + f.communities_nine_year).eq(COMMUNITIES_TOTAL),
         deadline=LAUNCH_DATE, concept="community.count_total",
         cites=(C("一", "将全县义务教育学校全部纳入教共体建设,组建8个教共体"),
                C("一", "2024年 1 0月底全面启动"))),
    Rule(id="ziyang.mentoring.young_teachers_per_year",
         title=zh_en("骨干校长、骨干教师每人每年培养指导本学科青年教师至少1名",
                     "Each backbone principal or teacher mentors at least one young teacher of "
                     "the same subject a year"),
         kind=Modality.OBLIGATION, party=MENTORS, subject="mentoring",
         requires=f.young_teachers_mentored >= MENTEES_MIN,
         concept="mentoring.min_young_teachers_per_year",
         cites=(C("二/(二)/5", "教共体内的骨干校长、骨干教师采取“导师制”对青年教师进行针对性培养,"
                              "每人每年培养指导本学科青年教师至少 1名"),)),
    EXPENDITURE_ROUTE,
    Rule(id="ziyang.assessment.decline_consequence",
         title=zh_en("教学质量、管理水平连续两年下滑的核心校和成员校校长轮岗交流或降级处理",
                     "Core and member principals whose school declines two years running are "
                     "rotated or demoted"),
         kind=Modality.OBLIGATION, party=BUREAU, subject="assessments",
         applies=f.consecutive_declines >= DECLINE_YEARS,
         requires=f.action.isin((AccountabilityAction.ROTATED.value,
                                 AccountabilityAction.DEMOTED.value)),
         concept="principal.accountability_for_decline",
         cites=(C("二/(五)/13", "对教学质量、管理水平连续两年下滑的核心校和成员校校长进行轮岗交流或降级处理"),
                C("二/(五)/13", "县教体局负责"))),
)
RULES: tuple[Rule | Decision, ...] = (*QUANTITATIVE, *phase_rules("ziyang", PHASES, BUREAU))


# ── qualitative duties (checklist) ─────────────────────────────────────────────
# Duties whose sentence names no responsible party: encoded with the most plausible party
# and listed in the missing_party finding.
_UNNAMED: list[Cite] = []


_make_duty = duty_maker("ziyang")
_UNNAMED_NOTE = zh_en("原文未写明责任主体，按最可能的主体编码",
                      "the text names no responsible party; the most plausible one is encoded")


def _duty(key: str, zh: str, en: str, party: Text, clause: str, quote: str,
          concept: str | None = None, modality: Modality = Modality.OBLIGATION,
          unnamed: bool = False) -> Rule:
    if unnamed:
        _UNNAMED.append(C(clause, quote))
    return _make_duty(key, zh, en, party, clause, quote, concept, modality=modality,
                      note=_UNNAMED_NOTE if unnamed else None)


CHECKLIST: tuple[Rule, ...] = (
    # 一（标题缺失）: 组建原则、总体要求
    _duty("formation_principles", "按“规模适宜、学段相同、距离相近、强弱搭配、优势互补”的原则组建教共体",
          "Form communities by suitable size, same stage, nearness, strong-with-weak pairing "
          "and complementarity", BUREAU, "一",
          "按照“规模适宜、学段相同、距离相近、强弱搭配、优势互补”的原则", unnamed=True),
    _duty("adjust_communities", "可随工作推进情况对教共体适时优化调整",
          "Communities may be adjusted as the work proceeds", BUREAU, "一",
          "后期随着工作推进情况进行适时优化调整", modality=Modality.PERMISSION, unnamed=True),
    _duty("management_model", "构建“人财物统筹、责权利一体”的教共体管理模式",
          "Build a management model pooling staff, money and assets with matching powers and "
          "duties", BUREAU, "一", "构建“人财物统筹、责权利一体”的教共体管理模式", unnamed=True),
    _duty("urban_rural_integration", "城镇优质学校与乡村薄弱学校结成稳定的深度紧密融合机制",
          "Urban quality schools and rural weak schools form a stable close partnership",
          COMMUNITY, "一", "与乡村薄弱学校结成稳定的深度紧密融合机制", unnamed=True),
    _duty("inner_development", "加强教共体学校内涵建设，扩大优质教育资源覆盖面",
          "Strengthen the communities' schools and widen the reach of quality resources",
          COMMUNITY, "一", "加强教共体学校内涵建设", unnamed=True),
    # 二/(一) 管理共进
    _duty("leading_group_coordinates", "县委教育工作领导小组全面统筹教共体建设，研究制定政策措施，协调解决重点难点问题",
          "The county education leading group coordinates the work, makes policy and solves "
          "key problems", LEADING_GROUP, "二/(一)/1", "县委教育工作领导小组全面统筹教共体建设工作"),
    _duty("county_community_party_committee", "组建紫阳县教共体党委，书记由县教体局党委书记兼任",
          "Set up the county community party committee, chaired by the bureau's party "
          "secretary", COUNTY_PARTY, "二/(一)/1",
          "组建紫阳县教共体党委,县教共体党委书记由县教体局党委书记兼任", unnamed=True),
    _duty("community_party_organisations", "各教共体分别成立党委（党总支），负责重大事项的研究决策和保障落实",
          "Each community sets up a party committee (general branch) deciding major matters",
          COMMUNITY, "二/(一)/1", "各教共体分别成立党委(党总支)"),
    _duty("party_secretaries", "核心校党组织书记任教共体党委（党总支）书记，成员校党组织书记任委员",
          "The core school's party secretary chairs the community's party committee; member "
          "schools' secretaries are members", COMMUNITY_PARTY, "二/(一)/1",
          "核心校党总支(党支部)书记任教共体党委(党总支)书记,成员校党总支(党支部)书记任教共体党委(党总支)委员",
          modality=Modality.DEFINITION, unnamed=True),
    _duty("principal_responsibility", "严格落实中小学校党组织领导的校长负责制",
          "Apply the principal-responsibility system under the school party organisation",
          SCHOOLS, "二/(一)/2", "严格落实中小学校党组织领导的校长负责制", unnamed=True),
    _duty("leadership_posts", "总校设校长、副校长，成员校设校长、执行校长、副校长",
          "The head school has a principal and deputies; member schools a principal, an "
          "executive principal and deputies", COMMUNITY, "二/(一)/2",
          "总校设校长、副校长,成员校设校长、执行校长、副校长", modality=Modality.DEFINITION,
          unnamed=True),
    _duty("head_principal_selection", "教共体总校长由县教体局党委选聘",
          "The community's head principal is selected by the bureau's party committee",
          BUREAU_PARTY, "二/(一)/2", "教共体总校长由县教体局党委选聘",
          modality=Modality.PROCEDURE),
    _duty("member_legal_status", "成员校独立法人资格不变",
          "Member schools keep their own legal personality", BUREAU, "二/(一)/2",
          "成员校独立法人资格不变", modality=Modality.DEFINITION, unnamed=True),
    _duty("member_principal_roles", "成员校校长担任总校副校长，执行校长具体负责成员校日常工作",
          "Member principals are deputy head principals; executive principals run member "
          "schools day to day", COMMUNITY, "二/(一)/2",
          "成员校校长担任总校副校长,执行校长具体负责成员校日常工作",
          modality=Modality.DEFINITION, unnamed=True),
    _duty("head_school_powers", "总校对成员校执行校长、校级副职人选有建议权，对中层人员任用、教师流动有统筹调配管理权",
          "The head school may propose member schools' executive and deputy principals and "
          "deploys their middle managers and teachers", HEAD_SCHOOL, "二/(一)/2",
          "总校对成员校执行校长、校级副职人选具有建议权,对成员校中层管理人员任用、教师流动具有统筹调配管理权",
          modality=Modality.PERMISSION),
    _duty("decision_bodies", "日常事务由教共体校长办公会议决定，“三重一大”事项由教共体党委（党总支）集体研究决定",
          "Daily matters go to the principals' meeting; major (三重一大) matters to the "
          "community party committee collectively", COMMUNITY, "二/(一)/2",
          "教共体内日常事务由教共体校长办公会议决定, “三重一大”事项由教共体党委(党总支)集体研究决定",
          modality=Modality.PROCEDURE),
    _duty("town_schools_manage_village_schools", "各镇九年制学校或镇中心小学负责镇域内村级小学、教学点、幼儿园的管理（城关镇民办园除外）",
          "Town nine-year or central primary schools manage the town's village schools, "
          "teaching points and kindergartens (except private ones in 城关镇)", TOWN_SCHOOLS,
          "二/(一)/3",
          "各镇九年制学校或镇中心小学负责镇域内的村级小学、教学点、幼儿园(城关镇各民办园除外)的管理工作"),
    _duty("nine_year_through_management", "在界岭镇、洄水镇、洞河镇推行九年一贯制管理，初中、小学捆绑纳入九年制教共体",
          "Run nine-year through management in 界岭、洄水、洞河 towns, bundling junior and primary "
          "schools into nine-year communities", BUREAU, "二/(一)/3",
          "在界岭镇、洄水镇、洞河镇推行九年一贯制管理,将初中、小学捆绑纳入九年制教共体", unnamed=True),
    # 二/(二) 师资共用
    _duty("county_managed_teachers", "全面落实教师“县管校聘”管理改革和校长职级制改革",
          "Carry out the county-managed, school-hired teacher reform and the principal grade "
          "reform", BUREAU, "二/(二)/4", "全面落实中小学教师“县管校聘”管理改革和校长职级制改革",
          "teacher.county_managed_school_hired", unnamed=True),
    _duty("teacher_exchange_mechanism", "健全教共体内部教师交流机制，推动教共体内部及之间城乡教师双向交流",
          "Build teacher-exchange mechanisms and two-way urban-rural exchange within and "
          "between communities", BUREAU, "二/(二)/4",
          "推动教共体内部以及教共体之间城乡教师双向交流", "teacher_exchange.system", unnamed=True),
    _duty("exchange_activities", "根据办学需要开展管理人员和学科教师交流轮岗、跟岗锻炼、走教支教等双向交流",
          "Run rotation, shadowing and itinerant teaching between schools as needed",
          COMMUNITY, "二/(二)/4",
          "开展教共体内学校管理人员和学科教师交流轮岗、跟岗锻炼、走教支教等双向交流互动",
          unnamed=True),
    _duty("teacher_learning_communities", "成立城乡教师学习共同体，吸纳乡村教师加入名优骨干教师学习共同体",
          "Set up urban-rural teacher learning communities open to rural teachers", COMMUNITY,
          "二/(二)/5", "成立城乡教师学习共同体", unnamed=True),
    _duty("subject_groups", "组建教共体内学科小组，开展师徒结对、青蓝工程等活动",
          "Form subject groups and run mentoring programmes within the community", COMMUNITY,
          "二/(二)/5", "组建教共体内学科小组,发挥骨干教师示范引领作用", unnamed=True),
    _duty("teacher_training", "统筹使用国培、省培等培训资源，加强教共体内教师分层分类培养培训",
          "Pool national and provincial training and train teachers by level and type",
          BUREAU, "二/(二)/6", "统筹使用国培、省培等各类培训资源,加强教共体内教师培养培训",
          unnamed=True),
    _duty("teacher_visits", "以对口协作帮扶为契机，常态化开展教师互访交流",
          "Run regular teacher exchange visits through paired cooperation", BUREAU,
          "二/(二)/6", "常态化开展教师互访交流", unnamed=True),
    # 二/(三) 资源共享
    _duty("pooled_funds", "教共体可依据办学章程按一定比例统筹使用办学经费",
          "A community may pool a share of its schools' funds under its charter", COMMUNITY,
          "二/(三)/7", "各教共体内可依据办学章程,按一定比例统筹使用办学经费",
          modality=Modality.PERMISSION),
    _duty("quota_management", "教共体各校公用经费支出实行定额管理",
          "Schools' operating spending is managed by quotas", COMMUNITY_SCHOOLS, "二/(三)/7",
          "教共体各校公用经费支出实行定额管理"),
    _duty("new_schools_in_spatial_plan", "研判学龄人口变化，将新建学校纳入全县国土空间总体规划",
          "Track school-age population and put new schools in the county spatial plan",
          BUREAU, "二/(三)/8", "将新建学校纳入全县国土空间总体规划", unnamed=True),
    _duty("layout_optimisation", "鼓励教共体内部优化教育布局，适当整合乡村小规模学校，改造提升寄宿制学校",
          "Communities are encouraged to optimise their layout, merge small rural schools and "
          "upgrade boarding schools", COMMUNITY, "二/(三)/8",
          "鼓励教共体内部优化教育布局,适当整合小、散、弱的乡村小规模学校,改造提升乡镇寄宿制学校",
          modality=Modality.PERMISSION),
    _duty("weak_schools_support", "重点支持薄弱学校基础能力提升，力争功能部室、场地设施设备同步达标",
          "Support weak schools' basic capacity; strive for facilities to meet standards",
          BUREAU, "二/(三)/8", "重点支持薄弱学校基础能力提升", unnamed=True),
    _duty("rural_canteens_dormitories", "加大乡村学校食堂、宿舍等标准化建设力度",
          "Step up standard canteens and dormitories in rural schools", BUREAU, "二/(三)/8",
          "加大乡村学校食堂、宿舍等标准化建设力度", unnamed=True),
    _duty("resource_sharing", "教共体内各学校教育教学设施设备、校本课程等教学资源实行共享",
          "Schools of a community share facilities, school-based courses and teaching "
          "resources", COMMUNITY_SCHOOLS, "二/(三)/9",
          "教共体内各学校教育教学设施设备、校本课程、教学设计、辅助资料、模拟题库等教学资源实行共享",
          "zone.resource_sharing"),
    _duty("digital_platforms", "充分利用智慧教育平台等资源，常态化按需应用“专递课堂”“名师课堂”“名校网络课堂”",
          "Use the smart-education platforms and online classrooms routinely", COMMUNITY_SCHOOLS,
          "二/(三)/9", "教共体学校充分利用中小学智慧教育平台、陕西教育扶智平台等资源"),
    _duty("online_research", "教共体定期组织网络教研和教学诊断", "Communities hold regular online "
          "research and teaching diagnosis", COMMUNITY, "二/(三)/9",
          "教共体定期组织网络教研和教学诊断"),
    # 二/(四) 文化共融
    _duty("teacher_ethics", "加强教共体师德师风建设", "Build teachers' professional ethics in the "
          "communities", COMMUNITY, "二/(四)/10", "加强教共体师德师风建设", unnamed=True),
    _duty("cultural_integration", "强化教共体内文化融合共生，深入推进“一校一品”建设",
          "Integrate the communities' school cultures; one speciality per school", COMMUNITY,
          "二/(四)/11", "强化教共体内文化融合共生", unnamed=True),
    _duty("inter_school_activities", "定期组织校际艺术节、体育节等活动和学生交流互动",
          "Hold regular inter-school festivals and pupil exchanges", COMMUNITY, "二/(四)/12",
          "定期组织校际间艺术节、体育节、科技节、文化节", unnamed=True),
    # 二/(五) 考核共评
    _duty("evaluation_system", "建立教共体考核评价制度，实行捆绑式考核，把成员校发展作为核心校考核的重要依据",
          "Evaluate communities jointly, judging core schools by their members' progress",
          BUREAU, "二/(五)/13", "建立科学的教共体考核评价制度"),
    _duty("annual_assessment", "县教体局每学年对各教共体开展一次综合考核，并与校长履职考核挂钩",
          "The bureau assesses each community once a school year, linked to principals' "
          "appraisal", BUREAU, "二/(五)/13",
          "县教体局负责,每学年对各教共体组织开展一次综合考核,与校长履职考核挂钩",
          "community.assessments_per_year"),
    _duty("commendation", "对实绩显著、实效突出的核心校和成员校校长按规定予以表扬激励",
          "Commend core and member principals with outstanding results", BUREAU, "二/(五)/13",
          "对在教共体建设中实绩显著、实效突出的核心校和成员校校长按规定予以表扬激励"),
    # 二/(六) 运行管理规范化
    _duty("internal_mechanisms", "理顺教共体内部决策、执行、监督、保障等管理机制",
          "Sort out the communities' decision, execution, oversight and support mechanisms",
          COMMUNITY, "二/(六)/14", "理顺教共体内部决策、执行、监督、保障等管理机制", unnamed=True),
    _duty("charter_and_five_year_plan", "各教共体制订内部章程和五年行动方案，建立健全议事规则和管理制度",
          "Each community adopts a charter and a five-year action plan with its rules",
          COMMUNITY, "二/(六)/14", "各教共体制订内部章程和五年行动方案",
          "community.action_plan_years"),
    _duty("community_centres", "各教共体成立综合协调、教学协同、教师发展、资源保障等中心",
          "Each community sets up coordination, teaching, teacher-development and resource "
          "centres", COMMUNITY, "二/(六)/14",
          "各教共体成立综合协调中心、教学协同中心、教师发展中心、资源保障中心等机构"),
    _duty("operating_rules", "制定出台教共体运行管理办法及教师交流、财务管理、资产管理等配套制度",
          "Issue the communities' operating rules and supporting rules on exchange, finance "
          "and assets", BUREAU, "二/(六)/14",
          "制定出台教共体运行管理办法及教师交流、财务管理、资产管理等配套制度", unnamed=True),
    _duty("joint_meetings", "建立教共体党政联席会议、校长办公会议制度和议事规则",
          "Set up joint party-administration meetings, principals' meetings and rules of "
          "procedure", COMMUNITY, "二/(六)/14",
          "建立教共体党政联席会议、校长办公会议制度和议事规则", unnamed=True),
    # 二/(七) 教学管理一体化
    _duty("six_unifications", "教共体实行“六统一”管理", "Communities unify the six matters",
          COMMUNITY, "二/(七)/15", "教共体实行“六统一”管理", "zone.six_unifications"),
    _duty("curriculum_and_plans", "各教共体统一制定课程设置方案和教学工作计划，统筹安排教学常规管理",
          "Each community sets one curriculum plan and teaching plan and coordinates routine "
          "teaching management", COMMUNITY, "二/(七)/15",
          "各教共体负责统一制定课程设置方案和教学工作计划"),
    _duty("student_records", "教共体内各学校按规定做好学籍管理工作",
          "Schools keep pupil registers as required", COMMUNITY_SCHOOLS, "二/(七)/15",
          "教共体内各学校按规定做好学籍管理工作"),
    _duty("no_cherry_picking_enrolment", "严禁以教共体名义通过“掐尖”、借读等方式违规招生（确认未发生）",
          "No improper enrolment (creaming off top pupils, guest enrolment) in the community's "
          "name (attested as not happening)", COMMUNITY_SCHOOLS, "二/(七)/15",
          "严禁以教共体名义通过“掐尖”、借读等方式违规招生", "enrolment.no_cherry_picking",
          modality=Modality.PROHIBITION),
    # 二/(八) 教研联动常态化
    _duty("joint_research_groups", "核心校牵头建立同学段学科教研组、备课组，开展联合教研活动",
          "The core school leads subject research and lesson-planning groups across the "
          "community", CORE_SCHOOL, "二/(八)/16", "核心校牵头建立同学段学科教研组、备课组"),
    _duty("subject_resource_sharing", "建立学科资源共享机制，共享办学理念、管理模式、教学科研成果",
          "Share subject resources, ideas, management models and research results", CORE_SCHOOL,
          "二/(八)/16", "建立学科资源共享机制", unnamed=True),
    _duty("internet_classrooms", "利用“互联网+教育”，实现各学校同处一张网、共上一堂课、共享一名师",
          "Connect all schools to share lessons and teachers online", COMMUNITY, "二/(八)/16",
          "利用“互联网+教育”,实现各学校同处一张网、共上一堂课、共享一名师", unnamed=True),
    _duty("training_centre_guidance", "县师训教研中心负责教共体教学教研的联络、协调、组织，审核计划，跟进指导",
          "The training and research centre coordinates, reviews plans and guides the "
          "communities' research", TRAINING_CENTRE, "二/(八)/16",
          "县师训教研中心负责教共体教学教研工作的联络、协调、组织工作"),
    # 二/(九) 政策保障精准化
    _duty("supporting_policies", "教体、编制、人社、财政等部门精准落实配套政策措施",
          "The education, staffing, HR and finance departments apply the supporting policies",
          DEPARTMENTS, "二/(九)/17", "教体、编制、人社、财政等部门要精准落实相关配套政策措施"),
    _duty("exchange_teacher_allowances", "交流轮岗、走教驻教到乡村学校的教师享受乡镇工作津贴、交通补贴和乡村教师生活补贴",
          "Teachers rotated or teaching in rural schools receive the township, transport and "
          "rural-teacher allowances", DEPARTMENTS, "二/(九)/17",
          "享受所在地乡镇工作津贴、交通补贴和乡村教师生活补贴", "teacher.rural_allowance",
          unnamed=True),
    _duty("exchange_teacher_priority", "交流教师在绩效考核、职称评聘、评奖评优等方面优先考虑",
          "Exchanged teachers get priority in appraisal, titles and awards", BUREAU,
          "二/(九)/17", "在绩效考核、职称评聘、评奖评优等方面优先考虑", unnamed=True),
    _duty("backbone_teacher_allowance", "落实名优骨干教师奖励激励办法，依据考核兑现津贴",
          "Pay backbone-teacher allowances under the county incentive rules", BUREAU,
          "二/(九)/17", "依据考核情况兑现名优骨干教师津贴", unnamed=True),
    _duty("principal_grade_reform", "推进校长职级制改革，对优秀校长重点培养、优先选拔任用",
          "Advance the principal grade reform and promote excellent principals", BUREAU,
          "二/(九)/17", "积极推进中小学校长职级制改革", unnamed=True),
    # 二/(十) 工作督导清单化
    _duty("task_list_supervision", "形成重点工作任务清单，明确牵头部门、责任单位、督办领导、完成时限，定期督导检查",
          "Keep a task list naming lead units, responsible units, supervisors and deadlines, "
          "and inspect regularly", LEADING_GROUP, "二/(十)/18",
          "形成重点工作任务清单,明确牵头部门、责任单位、督办领导、完成时限,定期督导检查",
          unnamed=True),
)


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


def _annex_narratives(rows: tuple[AnnexRow, ...]) -> tuple[Narrative, ...]:
    out = [Narrative(C("附件", "九年制"), zh_en("学校类型、学段名称", "school type / stage name"))]
    out.extend(Narrative(C("附件", row_label(row)), zh_en("附件表格的序号", "annex row number"))
               for row in rows)
    return tuple(out)


def _int(parameter: Parameter) -> int:
    value = parameter.value
    assert isinstance(value, int)
    return value


def _count_claims(rows: tuple[AnnexRow, ...]) -> tuple[CountClaim, ...]:
    by_stage = {stage: sum(1 for r in rows if r.stage is stage) for stage in Stage}
    see_annex = C("一", "(见附件)")
    return (
        CountClaim("ziyang.communities.total",
                   zh_en("教共体个数（正文“组建8个教共体”对附件行数）",
                         "number of communities (text: 8; annex rows)"),
                   _int(COMMUNITIES_TOTAL), len(rows),
                   (C("一", "组建8个教共体"), see_annex)),
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


def _document_findings(rows: tuple[AnnexRow, ...]) -> tuple[DocumentFinding, ...]:
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
             *(C("附件", row_label(r)) for r in outside))),
        DocumentFinding(
            "ziyang.finding.core_school_small_spending_signer", "gap",
            zh_en("10万元以内的支出只规定“由成员校校长按程序审签”，核心校自身不足10万元的支出由谁审签未作规定"
                  "（10万元及以上才由核心校校长审签）",
                  "Spending below 100,000 yuan is signed off 'by the member-school principal'; "
                  "who signs the core school's own spending below 100,000 yuan is not stated "
                  "(the core principal signs only from 100,000 yuan)"),
            (C("二/(三)/7", "单项经费支出在 1 0万元以内的由成员校校长按程序审签"),
             C("二/(三)/7", "由核心校校长审签"))),
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
                  "（本库按每学年综合考核结果的连续下滑年数编码）",
                  "'teaching quality and management level declining two years running' does "
                  "not say whether both or either must decline, nor by which result (encoded "
                  "as consecutive declines of the yearly comprehensive assessment)"),
            (C("二/(五)/13", "对教学质量、管理水平连续两年下滑的核心校和成员校校长"),
             C("二/(五)/13", "每学年对各教共体组织开展一次综合考核"))),
        DocumentFinding(
            "ziyang.finding.same_stage_vs_nine_year", "internal_tension",
            zh_en("组建原则要求“学段相同”，而文件又将初中、小学捆绑纳入九年制教共体，附件中高中教共体还包括县职教中心",
                  "The formation principle requires the same stage, yet the text bundles "
                  "junior and primary schools into nine-year communities, and the annex's "
                  "senior community includes the vocational centre"),
            (C("一", "学段相同"), C("二/(一)/3", "将初中、小学捆绑纳入九年制教共体"),
             C("附件", "县职教中心"))),
        DocumentFinding(
            "ziyang.finding.missing_party", "missing_party",
            zh_en("以下规定未写明责任主体，本库按最可能的主体编码（多为县教体局或各教共体）："
                  "组建原则、阶段目标、教共体党委组建、教师交流与培训、办学条件、文化建设、运行制度、配套待遇和督办清单等",
                  "These provisions name no responsible party and are encoded with the most "
                  "plausible one (mostly the county bureau or each community): formation "
                  "principles, phase targets, the community party committee, teacher exchange "
                  "and training, school conditions, culture, operating rules, allowances and the "
                  "supervision task list"),
            (C("一", "2024年 1 0月底全面启动"), *_UNNAMED)),
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
    Unencoded(C("三", "三、实施步骤"),
              zh_en("采集稿中“三、实施步骤”只存第(一)项，其后各步骤（及可能的其他部分）缺失（勘误 E07），无法编码",
                    "Part 三 (implementation steps) is cut off after step (一) in the capture "
                    "(erratum E07); the missing steps, and any later parts, cannot be encoded")),
)


def build(document: Document) -> Policy:
    rows = parse_annex(document)
    return Policy(
        name="ziyang", version=document.version, document=document,
        parameters=PARAMETERS, rules=RULES + CHECKLIST,
        narratives=NARRATIVES + _annex_narratives(rows), phases=PHASES,
        count_claims=_count_claims(rows),
        document_findings=_document_findings(rows),
        unencoded=UNENCODED,
        data={"annex": [row.as_dict() for row in rows],
              "stages": [s.value for s in (Stage.PRIMARY, Stage.NINE_YEAR)]},
        valid_from=VALID_FROM, valid_until=VALID_UNTIL, validity=VALIDITY,
    )
