"""Nantong's parameters (every number a rule uses), deadlines and shared notes."""

from __future__ import annotations

from xuequ_policies.nantong.parties import (
    CITY_AREA,
    C,
)

from xuequ_rules.policy.dsl import (
    Decimal,
    Parameter,
    Unit,
    dt,
    f,
    zh_en,
)

# ── parameters ────────────────────────────────────────────────────────────────
YEAR_2015 = Parameter(
    id="nantong.targets.year_2015", value=2015, unit=Unit.YEAR,
    label=zh_en("第一批主要目标的年份", "year of the first set of main targets"),
    concept="targets.first_year",
    cites=(C("一/(二)", "到2015年"),))
YEAR_2018 = Parameter(
    id="nantong.targets.year_2018", value=2018, unit=Unit.YEAR,
    label=zh_en("第二批主要目标的年份", "year of the second set of main targets"),
    concept="targets.second_year",
    cites=(C("一/(二)", "到2018年"),))
STANDARD_SHARE_2015 = Parameter(
    id="nantong.schools.modern_standard_share_2015", value=Decimal("0.80"), unit=Unit.RATIO,
    label=zh_en("2015年达到省定现代化办学标准的义务教育学校最低比例",
                "minimum share of schools meeting the provincial modernisation standard, 2015"),
    concept="schools.provincial_modern_standard_share",
    cites=(C("一/(二)", "市区80%以上的义务教育学校达到省定现代化办学标准"),))
STANDARD_SHARE_2018 = Parameter(
    id="nantong.schools.modern_standard_share_2018", value=Decimal("1"), unit=Unit.RATIO,
    label=zh_en("2018年达到省定现代化办学标准的义务教育学校比例（所有学校）",
                "share of schools meeting the provincial modernisation standard, 2018 (all)"),
    concept="schools.provincial_modern_standard_share",
    derived=zh_en("“所有”学校即比例为1（100%），不是对数字的读取",
                  "'all' schools read as a share of 1 (100%), not the reading of a number"),
    cites=(C("一/(二)", "市区所有义务教育学校达到省定现代化办学标准"),))
SATISFACTION_MIN = Parameter(
    id="nantong.satisfaction.min_2018", value=Decimal("0.90"), unit=Unit.RATIO,
    label=zh_en("2018年两项满意度的最低值", "minimum of both satisfaction rates in 2018"),
    concept="satisfaction.min_share",
    cites=(C("一/(二)", "学生及其家长和社会对学校的满意度、学校和社会对政府管理义务教育的满意度均达90%以上"),))
INFORMATIZATION_YEAR = Parameter(
    id="nantong.informatization.target_year", value=2018, unit=Unit.YEAR,
    label=zh_en("力争实现“三通两平台”的年份", "year aimed at for the three links and two platforms"),
    concept="informatization.three_links_two_platforms_year", in_principle=True,
    cites=(C("二/(二)", "力争到2018年"),))
PLAN_YEARS = Parameter(
    id="nantong.construction.plan_years", value=5, unit=Unit.YEARS,
    label=zh_en("学校建设计划期（今后五年）", "school construction plan period (next five years)"),
    concept="construction.plan_period_years",
    note=zh_en("文件未写明起算年份；本库自印发日 2013-08-21 起算，期限为 2018-08-21。",
               "The text gives no start year; counted here from issue (2013-08-21), "
               "ending 2018-08-21."),
    cites=(C("二/(一)", "今后五年"),))


def _plan(key: str, zh: str, en: str, value: int, quotes: tuple[str, ...],
          concept: str) -> Parameter:
    return Parameter(id=f"nantong.construction.{key}", value=value, unit=Unit.SCHOOLS,
                     label=zh_en(zh, en), concept=concept,
                     cites=tuple(C("二/(一)", q) for q in quotes))


# Each count cites the words of its own number; a count that follows another in the same
# district's list (改扩建2所 after 新建中小学校3所) is located by the district's whole phrase,
# a context quote that holds it once (改扩建3所 alone occurs for two districts).
NEW, EXPANDED, RELOCATED = ("construction.new_schools", "construction.expanded_schools",
                            "construction.relocated_schools")
CC_NEW = _plan("chongchuan.new", "崇川区五年内新建中小学校数", "Chongchuan: new schools", 3,
               ("崇川区新建中小学校3所",), NEW)
CC_EXP = _plan("chongchuan.expanded", "崇川区五年内改扩建中小学校数",
               "Chongchuan: schools rebuilt or expanded", 2, ("崇川区新建中小学校3所、改扩建2所", "改扩建2所"),
               EXPANDED)
GZ_NEW = _plan("gangzha.new", "港闸区五年内新建中小学校数", "Gangzha: new schools", 2,
               ("港闸区新建中小学校2所",), NEW)
GZ_EXP = _plan("gangzha.expanded", "港闸区五年内改扩建中小学校数",
               "Gangzha: schools rebuilt or expanded", 3, ("港闸区新建中小学校2所、改扩建3所", "改扩建3所"),
               EXPANDED)
DZ_EXP = _plan("dev_zone.expanded", "南通开发区五年内改扩建中小学校数",
               "Development Zone: schools rebuilt or expanded", 2, ("南通开发区改扩建中小学校2所",),
               EXPANDED)
ST_NEW = _plan("sutong.new", "苏通科技产业园区五年内新建学校数", "Sutong park: new schools", 1,
               ("苏通科技产业园区新建1所",), NEW)
TZ_NEW = _plan("tongzhou.new", "通州区五年内新建中小学校数", "Tongzhou: new schools", 1,
               ("通州区新建中小学校1所",), NEW)
TZ_REL = _plan("tongzhou.relocated", "通州区五年内迁建中小学校数", "Tongzhou: schools relocated",
               3, ("通州区新建中小学校1所、迁建3所", "迁建3所"), RELOCATED)
BH_NEW = _plan("binhai.new", "滨海园区五年内新建中小学校数", "Binhai park: new schools", 1,
               ("滨海园区新建中小学校1所",), NEW)
BH_EXP = _plan("binhai.expanded", "滨海园区五年内改扩建中小学校数",
               "Binhai park: schools rebuilt or expanded", 3, ("滨海园区新建中小学校1所、改扩建3所", "改扩建3所"),
               EXPANDED)
FIVE_UNIFICATIONS = Parameter(
    id="nantong.group.five_unifications",
    value="管理制度、组织教学、安排科研、质量管理、考核奖惩", unit=Unit.TEXT,
    label=zh_en("紧密型教育集团的五个“统一”", "the five matters unified in a close-knit group"),
    concept="group.five_unifications",
    derived=zh_en("取值为列举的五项“统一”内容（文字），不是对数字的读取",
                  "the value is the list of the five unified matters (text), not the reading "
                  "of a number"),
    cites=(C("二/(二)", "统一管理制度、统一组织教学、统一安排科研、统一质量管理、统一考核奖惩"),))
TRAINING_CYCLE = Parameter(
    id="nantong.training.cycle_years", value=5, unit=Unit.YEARS,
    label=zh_en("教师全员培训周期", "length of the teacher training cycle"),
    concept="training.cycle_years",
    cites=(C("二/(三)", "严格实施5年一周期不少于360学时的教师全员培训制度"),))
TRAINING_HOURS = Parameter(
    id="nantong.training.min_hours", value=360, unit=Unit.HOURS,
    label=zh_en("每个培训周期的最低学时", "minimum training hours per cycle"),
    concept="training.min_hours_per_cycle",
    cites=(C("二/(三)", "严格实施5年一周期不少于360学时的教师全员培训制度"),))
MAX_TERMS = Parameter(
    id="nantong.principal.max_consecutive_terms", value=2, unit=Unit.TERMS,
    label=zh_en("校长在同一所学校的最多连续任期届数",
                "most consecutive terms of a principal at one school"),
    concept="principal.max_consecutive_terms", in_principle=True,
    cites=(C("二/(三)", "校长在同一所学校的连续任期原则上不超过2届"),))
TERM_MIN = Parameter(
    id="nantong.principal.term_years_min", value=3, unit=Unit.YEARS,
    label=zh_en("校长每届任期的最短年限", "shortest length of a principal's term"),
    concept="principal.term_years_min", in_principle=True,
    cites=(C("二/(三)", "每届3~5年"),))
TERM_MAX = Parameter(
    id="nantong.principal.term_years_max", value=5, unit=Unit.YEARS,
    label=zh_en("校长每届任期的最长年限", "longest length of a principal's term"),
    concept="principal.term_years_max", in_principle=True,
    cites=(C("二/(三)", "每届3~5年"),))
EXCHANGE_MIN = Parameter(
    id="nantong.teacher_exchange.min_share", value=Decimal("0.15"), unit=Unit.RATIO,
    label=zh_en("每年交流教师（包括骨干教师）的最低比例",
                "minimum yearly share of teachers (backbone teachers included) exchanged"),
    concept="teacher_exchange.min_share_per_year", in_principle=True,
    note=zh_en("文件未写明比例的基数；本库以符合交流条件的教师数为基数（同柳江）。",
               "The text does not state the base of the share; encoded over the teachers "
               "eligible for exchange (as Liujiang)."),
    cites=(C("二/(三)", "教师包括骨干教师原则上应按每年不低于15%的比例进行交流"),))
WEAK_SCHOOL_YEARS = Parameter(
    id="nantong.title.weak_school_years", value=Decimal("2"), unit=Unit.YEARS,
    label=zh_en("城区教师评聘高级职称须有的薄弱学校任教年限",
                "years at a weak school required of urban teachers for a senior title"),
    concept="title.senior_requires_weak_school_years", in_principle=True,
    cites=(C("二/(三)", "原则上须有在薄弱学校任教2年以上的经历"),))
INSPECTION_INTERVAL = Parameter(
    id="nantong.inspection.interval_years", value=1, unit=Unit.YEARS,
    label=zh_en("市政府督查考核的周期（每年一次）",
                "interval of the municipal inspection and assessment (yearly)"),
    concept="inspection.interval_years",
    derived=zh_en("“每年”读作每1年一次，原文没有数字",
                  "'每年' (every year) read as an interval of 1 year; the text has no numeral"),
    cites=(C("三/(三)", "每年进行督查考核"),))

CONSTRUCTION_PARAMS = (CC_NEW, CC_EXP, GZ_NEW, GZ_EXP, DZ_EXP, ST_NEW, TZ_NEW, TZ_REL, BH_NEW,
                       BH_EXP)
PARAMETERS = (YEAR_2015, YEAR_2018, STANDARD_SHARE_2015, STANDARD_SHARE_2018, SATISFACTION_MIN,
              INFORMATIZATION_YEAR, PLAN_YEARS, *CONSTRUCTION_PARAMS, FIVE_UNIFICATIONS,
              TRAINING_CYCLE, TRAINING_HOURS, MAX_TERMS, TERM_MIN, TERM_MAX, EXCHANGE_MIN,
              WEAK_SCHOOL_YEARS, INSPECTION_INTERVAL)

# ── dates ─────────────────────────────────────────────────────────────────────
DEADLINE_2015 = dt.date(2015, 12, 31)
DEADLINE_2018 = dt.date(2018, 12, 31)
# 今后五年: no start year in the text; counted from the issue date 2013-08-21.
CONSTRUCTION_DEADLINE = dt.date(2018, 8, 21)

# the record of the city area as a whole: named 市区. A record without a district may be the
# urban area's or a district's own, so whether an urban-area target applies is undetermined.
CITY_AREA_RECORD = f.district.isin(CITY_AREA)
TARGET_PARTY_NOTE = zh_en(
    "文件未写明目标的责任主体；本库按第三部分（一）的市、区两级政府（管委会）编码。",
    "The text names no party for the targets; encoded as the city and district "
    "governments that lead the work under part 三 (一).")
CITY_AREA_NOTE = zh_en(
    "“市区”整体指标：适用于区名为“市区”的记录；各区自身的记录不按此比例评判；"
    "未写区名的记录无法判断是否为市区整体，结论为无法判定。",
    "A target for the urban area as a whole: applies to the record named 市区, not to each "
    "district's own record; for a record without a district it is undetermined whether the "
    "target applies.")
UNIVERSAL_NOTE = zh_en(
    "“所有学校”的目标对市区整体和每个区的记录都适用（全体达标即每个区全部达标）。",
    "A target for all schools holds for the urban-area record and for every district's record.")
