"""Ziyang's parameters (every number a rule uses) and the phases of part 一 and part 三."""

from __future__ import annotations

from xuequ_policies.ziyang.parties import C

from xuequ_rules.policy.dsl import Decimal, Parameter, Phase, Unit, dt, zh_en

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
    cites=(C("一", "小学教共体 3个"),))
COMMUNITIES_NINE_YEAR = Parameter(
    id="ziyang.communities.nine_year", value=5, unit=Unit.COUNT,
    label=zh_en("九年制教共体数", "nine-year education communities"),
    concept="community.count_nine_year",
    cites=(C("一", "九年制教共体 5个"),))
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
    concept="community.six_unifications",
    derived=zh_en("取值为括号内列举的六项内容（文字），不是对数字的读取；“六”是名称“六统一”的一部分",
                  "the value is the list of the six matters in the brackets (text), not the "
                  "reading of a number; the 六 is part of the name 六统一"),
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
