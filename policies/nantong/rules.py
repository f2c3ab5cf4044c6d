"""Nantong 2013 (通政发〔2013〕51号): every normative provision, cited to its clause."""

from __future__ import annotations

from xuequ_policies.nantong.lifecycle import VALID_FROM, VALID_UNTIL, VALIDITY

from xuequ_rules.document.document import Document
from xuequ_rules.facts.model import Stage, TitleLevel, ZoneForm
from xuequ_rules.policy.dsl import (
    Cite,
    Decimal,
    DocumentFinding,
    Modality,
    Narrative,
    Parameter,
    Policy,
    Rule,
    Text,
    Unit,
    dt,
    duty_maker,
    f,
    zh_en,
)
from xuequ_rules.policy.expr import Expr

C = Cite

# ── responsible parties (责任主体) ────────────────────────────────────────────
CITY_GOV = zh_en("市政府", "municipal government")
TWO_LEVEL_GOVS = zh_en("市、区两级政府（管委会）",
                       "city and district governments (park management committees)")
DISTRICTS = zh_en("各区（含园区管委会）", "each district (and park management committee)")
TWO_LEVEL_EDU = zh_en("市、区两级教育部门", "city and district education departments")
EDU_DEPT = zh_en("教育部门", "education departments")
LOCALITIES_DEPTS = zh_en("各地、各部门", "all localities and departments")
DISTRICTS_DEPTS = zh_en("各区、各部门", "all districts and departments")
ALL_BODIES = zh_en("各有关部门、单位和学校", "all departments, units and schools concerned")
STAFFING = zh_en("编制部门", "staffing (establishment) authority")
STAFFING_EDU = zh_en("编制部门会同教育部门", "staffing authority with the education department")
HR = zh_en("人事部门", "personnel authority")
FINANCE = zh_en("财政部门", "finance departments")
INSPECTORATE = zh_en("市政府教育督导室", "municipal education inspectorate")
CITY_LEVEL = zh_en("市级（市政府及市教育部门）", "city level (government and education bureau)")
SCHOOLS = zh_en("各义务教育学校", "compulsory-education schools")
MAIN_URBAN = zh_en("崇川区、港闸区、南通开发区和苏通科技产业园区",
                   "Chongchuan, Gangzha, the Development Zone and the Sutong park")
TZ_BH = zh_en("通州区、滨海园区", "Tongzhou district and the Binhai park")
CITY_DISTRICT_SCHOOL = zh_en("市、区、学校", "city, districts and schools")
DISTRICTS_SCHOOLS = zh_en("各区、各学校", "districts and schools")

# ── the areas and their names (the text uses several names for one area) ───────
CITY_AREA = ("市区", "南通市区")
CHONGCHUAN = ("崇川区",)
GANGZHA = ("港闸区",)
DEV_ZONE = ("南通开发区", "市经济技术开发区", "南通经济技术开发区")
SUTONG = ("苏通科技产业园区", "南通苏通科技产业园区", "苏通园区")
TONGZHOU = ("通州区",)
BINHAI = ("滨海园区", "南通滨海园区")

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


def _plan(key: str, zh: str, en: str, value: int, quote: str, concept: str) -> Parameter:
    return Parameter(id=f"nantong.construction.{key}", value=value, unit=Unit.SCHOOLS,
                     label=zh_en(zh, en), concept=concept, cites=(C("二/(一)", quote),))


NEW, EXPANDED, RELOCATED = ("construction.new_schools", "construction.expanded_schools",
                            "construction.relocated_schools")
CC_NEW = _plan("chongchuan.new", "崇川区五年内新建中小学校数", "Chongchuan: new schools", 3,
               "崇川区新建中小学校3所、改扩建2所", NEW)
CC_EXP = _plan("chongchuan.expanded", "崇川区五年内改扩建中小学校数",
               "Chongchuan: schools rebuilt or expanded", 2, "崇川区新建中小学校3所、改扩建2所",
               EXPANDED)
GZ_NEW = _plan("gangzha.new", "港闸区五年内新建中小学校数", "Gangzha: new schools", 2,
               "港闸区新建中小学校2所、改扩建3所", NEW)
GZ_EXP = _plan("gangzha.expanded", "港闸区五年内改扩建中小学校数",
               "Gangzha: schools rebuilt or expanded", 3, "港闸区新建中小学校2所、改扩建3所",
               EXPANDED)
DZ_EXP = _plan("dev_zone.expanded", "南通开发区五年内改扩建中小学校数",
               "Development Zone: schools rebuilt or expanded", 2, "南通开发区改扩建中小学校2所",
               EXPANDED)
ST_NEW = _plan("sutong.new", "苏通科技产业园区五年内新建学校数", "Sutong park: new schools", 1,
               "苏通科技产业园区新建1所", NEW)
TZ_NEW = _plan("tongzhou.new", "通州区五年内新建中小学校数", "Tongzhou: new schools", 1,
               "通州区新建中小学校1所、迁建3所", NEW)
TZ_REL = _plan("tongzhou.relocated", "通州区五年内迁建中小学校数", "Tongzhou: schools relocated",
               3, "通州区新建中小学校1所、迁建3所", RELOCATED)
BH_NEW = _plan("binhai.new", "滨海园区五年内新建中小学校数", "Binhai park: new schools", 1,
               "滨海园区新建中小学校1所、改扩建3所", NEW)
BH_EXP = _plan("binhai.expanded", "滨海园区五年内改扩建中小学校数",
               "Binhai park: schools rebuilt or expanded", 3, "滨海园区新建中小学校1所、改扩建3所",
               EXPANDED)
FIVE_UNIFICATIONS = Parameter(
    id="nantong.group.five_unifications",
    value="管理制度、组织教学、安排科研、质量管理、考核奖惩", unit=Unit.TEXT,
    label=zh_en("紧密型教育集团的五个“统一”", "the five matters unified in a close-knit group"),
    concept="group.five_unifications",
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

# the record of the city area as a whole: named 市区, or given without a district
CITY_AREA_RECORD = ~f.district.is_known() | f.district.isin(CITY_AREA)
TARGET_PARTY_NOTE = zh_en(
    "文件未写明目标的责任主体；本库按第三部分（一）的市、区两级政府（管委会）编码。",
    "The text names no party for the targets; encoded as the city and district "
    "governments that lead the work under part 三 (一).")
CITY_AREA_NOTE = zh_en(
    "“市区”整体指标：适用于区名为“市区”或未写区名的记录；各区自身的记录不按此比例评判。",
    "A target for the urban area as a whole: applies to the record named 市区 or given "
    "without a district, not to each district's own record.")
UNIVERSAL_NOTE = zh_en(
    "“所有学校”的目标对市区整体和每个区的记录都适用（全体达标即每个区全部达标）。",
    "A target for all schools holds for the urban-area record and for every district's record.")

# ── quantitative rules ─────────────────────────────────────────────────────────
TARGET_RULES: tuple[Rule, ...] = (
    Rule(id="nantong.targets.2015.modern_standard_share",
         title=zh_en("到2015年，市区80%以上的义务教育学校达到省定现代化办学标准",
                     "By 2015, at least 80% of the urban area's schools meet the provincial "
                     "modernisation standard"),
         kind=Modality.TARGET, party=TWO_LEVEL_GOVS, subject="district_indicators",
         applies=f.year.eq(YEAR_2015) & CITY_AREA_RECORD,
         requires=f.schools_meeting_standard >= STANDARD_SHARE_2015 * f.schools_total,
         deadline=DEADLINE_2015, concept="schools.provincial_modern_standard_share",
         note=CITY_AREA_NOTE,
         cites=(C("一/(二)", "到2015年,市区80%以上的义务教育学校达到省定现代化办学标准"),)),
    Rule(id="nantong.targets.2015.quality_balance_accepted",
         title=zh_en("到2015年，崇川区、港闸区、南通开发区和通州区达到省定优质均衡发展要求并通过验收",
                     "By 2015, Chongchuan, Gangzha, the Development Zone and Tongzhou meet the "
                     "provincial high-quality balance requirements and pass acceptance"),
         kind=Modality.TARGET, party=zh_en("崇川区、港闸区、南通开发区和通州区",
                                           "Chongchuan, Gangzha, Development Zone, Tongzhou"),
         subject="district_indicators",
         applies=f.year.eq(YEAR_2015) & f.district.isin(CHONGCHUAN + GANGZHA + DEV_ZONE
                                                        + TONGZHOU),
         requires=f.quality_balance_accepted.eq(True),
         deadline=DEADLINE_2015, concept="district.quality_balance_accepted",
         cites=(C("一/(二)", "崇川区、港闸区、南通开发区和通州区均达到省定义务教育优质均衡发展要求并通过验收"),)),
    Rule(id="nantong.targets.2015.parks_accepted_with_related_district",
         title=zh_en("到2015年，滨海园区与苏通科技产业园区达到省优质均衡发展要求，纳入相关区域一并通过验收",
                     "By 2015, the Binhai and Sutong parks meet the provincial requirements and "
                     "pass acceptance together with a related district"),
         kind=Modality.TARGET, party=zh_en("滨海园区、苏通科技产业园区",
                                           "Binhai park, Sutong park"),
         subject="district_indicators",
         applies=f.year.eq(YEAR_2015) & f.district.isin(BINHAI + SUTONG),
         requires=f.quality_balance_accepted.eq(True),
         deadline=DEADLINE_2015, concept="district.quality_balance_accepted",
         note=zh_en("文件未写明园区并入哪个“相关区域”验收，本库只判断园区是否已通过验收。",
                    "The text does not say which related district the parks join; only "
                    "whether the park passed acceptance is judged."),
         cites=(C("一/(二)", "滨海园区与苏通科技产业园区达到省优质均衡发展要求纳入相关区域一并通过验收"),)),
    Rule(id="nantong.targets.2018.all_schools_modern_standard",
         title=zh_en("到2018年，市区所有义务教育学校达到省定现代化办学标准",
                     "By 2018, every school in the urban area meets the provincial "
                     "modernisation standard"),
         kind=Modality.TARGET, party=TWO_LEVEL_GOVS, subject="district_indicators",
         applies=f.year.eq(YEAR_2018),
         requires=f.schools_meeting_standard >= STANDARD_SHARE_2018 * f.schools_total,
         deadline=DEADLINE_2018, concept="schools.provincial_modern_standard_share",
         note=UNIVERSAL_NOTE,
         cites=(C("一/(二)", "到2018年,市区所有义务教育学校达到省定现代化办学标准"),)),
    Rule(id="nantong.targets.2018.satisfaction_with_schools",
         title=zh_en("到2018年，学生及其家长和社会对学校的满意度达90%以上",
                     "By 2018, satisfaction of pupils, parents and society with schools is at "
                     "least 90%"),
         kind=Modality.TARGET, party=TWO_LEVEL_GOVS, subject="district_indicators",
         applies=f.year.eq(YEAR_2018) & CITY_AREA_RECORD,
         requires=f.satisfaction_with_schools >= SATISFACTION_MIN,
         deadline=DEADLINE_2018, concept="satisfaction.with_schools", note=CITY_AREA_NOTE,
         cites=(C("一/(二)", "学生及其家长和社会对学校的满意度"),
                C("一/(二)", "均达90%以上"))),
    Rule(id="nantong.targets.2018.satisfaction_with_government",
         title=zh_en("到2018年，学校和社会对政府管理义务教育的满意度达90%以上",
                     "By 2018, satisfaction of schools and society with the government's "
                     "management of compulsory education is at least 90%"),
         kind=Modality.TARGET, party=TWO_LEVEL_GOVS, subject="district_indicators",
         applies=f.year.eq(YEAR_2018) & CITY_AREA_RECORD,
         requires=f.satisfaction_with_government >= SATISFACTION_MIN,
         deadline=DEADLINE_2018, concept="satisfaction.with_government", note=CITY_AREA_NOTE,
         cites=(C("一/(二)", "学校和社会对政府管理义务教育的满意度"),
                C("一/(二)", "均达90%以上"))),
    Rule(id="nantong.targets.2018.three_links_two_platforms",
         title=zh_en("力争到2018年实现“三通”（校校通、班班通、人人通），建成教育资源和教育管理两个公共服务平台",
                     "Aim: by 2018 broadband in every school, quality resources in every class, "
                     "an online learning space for everyone, and two public service platforms"),
         kind=Modality.TARGET, party=EDU_DEPT, subject="district_indicators",
         applies=f.year.eq(INFORMATIZATION_YEAR),
         requires=(f.broadband_every_school.eq(True) & f.quality_resources_every_class.eq(True)
                   & f.learning_space_everyone.eq(True)
                   & f.resource_service_platform_built.eq(True)
                   & f.management_service_platform_built.eq(True)),
         deadline=DEADLINE_2018, in_principle=True,
         concept="informatization.three_links_two_platforms",
         note=zh_en("“力争”：努力方向而非刚性目标，按“原则上”标记；" + UNIVERSAL_NOTE.zh,
                    "力争 ('strive to'): an aspiration, not a hard target, so marked in "
                    "principle. " + UNIVERSAL_NOTE.en),
         cites=(C("二/(二)", "力争到2018年,实现宽带网络校校通、优质资源班班通、网络学习空间人人通,建成教育资源公共服务平台和教育管理公共服务平台"),)),
)

CONSTRUCTION_NOTE = zh_en(
    "“今后五年”未写明起算年份，本库自印发日起算，期限 2018-08-21；建设数为计划数，"
    "完成数不少于计划数即符合。",
    "'The next five years' has no start year; counted from the issue date, deadline "
    "2018-08-21. The numbers are planned; at least as many completed meets the plan.")


def _construction(key: str, zh: str, en: str, names: tuple[str, ...], party: Text,
                  requires: Expr, quote: str) -> Rule:
    return Rule(id=f"nantong.construction.{key}", title=zh_en(zh, en), kind=Modality.TARGET,
                party=party, subject="construction", applies=f.district.isin(names),
                requires=requires, deadline=CONSTRUCTION_DEADLINE,
                concept="construction.district_plan", note=CONSTRUCTION_NOTE,
                cites=(C("二/(一)", "今后五年"), C("二/(一)", quote)))


CONSTRUCTION_RULES: tuple[Rule, ...] = (
    _construction("chongchuan", "崇川区五年内新建中小学校3所、改扩建2所",
                  "Chongchuan: 3 new and 2 rebuilt or expanded schools in five years",
                  CHONGCHUAN, zh_en("崇川区", "Chongchuan district"),
                  (f.new_schools >= CC_NEW) & (f.expanded_schools >= CC_EXP),
                  "崇川区新建中小学校3所、改扩建2所"),
    _construction("gangzha", "港闸区五年内新建中小学校2所、改扩建3所",
                  "Gangzha: 2 new and 3 rebuilt or expanded schools in five years",
                  GANGZHA, zh_en("港闸区", "Gangzha district"),
                  (f.new_schools >= GZ_NEW) & (f.expanded_schools >= GZ_EXP),
                  "港闸区新建中小学校2所、改扩建3所"),
    _construction("dev_zone", "南通开发区五年内改扩建中小学校2所",
                  "Development Zone: 2 rebuilt or expanded schools in five years",
                  DEV_ZONE, zh_en("南通开发区", "Nantong Development Zone"),
                  f.expanded_schools >= DZ_EXP, "南通开发区改扩建中小学校2所"),
    _construction("sutong", "苏通科技产业园区五年内新建学校1所",
                  "Sutong park: 1 new school in five years",
                  SUTONG, zh_en("苏通科技产业园区", "Sutong Science and Technology Park"),
                  f.new_schools >= ST_NEW, "苏通科技产业园区新建1所"),
    _construction("tongzhou", "通州区五年内新建中小学校1所、迁建3所",
                  "Tongzhou: 1 new and 3 relocated schools in five years",
                  TONGZHOU, zh_en("通州区", "Tongzhou district"),
                  (f.new_schools >= TZ_NEW) & (f.relocated_schools >= TZ_REL),
                  "通州区新建中小学校1所、迁建3所"),
    _construction("binhai", "滨海园区五年内新建中小学校1所、改扩建3所",
                  "Binhai park: 1 new and 3 rebuilt or expanded schools in five years",
                  BINHAI, zh_en("滨海园区", "Binhai park"),
                  (f.new_schools >= BH_NEW) & (f.expanded_schools >= BH_EXP),
                  "滨海园区新建中小学校1所、改扩建3所"),
    Rule(id="nantong.construction.annual_plan",
         title=zh_en("各地、各部门排出年度建设计划", "Draw up an annual construction plan"),
         kind=Modality.OBLIGATION, party=LOCALITIES_DEPTS, subject="construction",
         requires=f.annual_plan_made.eq(True), concept="construction.annual_plan",
         cites=(C("二/(一)", "各地、各部门要排出年度建设计划,精心组织实施,抓紧落实到位"),)),
)

TEACHER_FLOW_NOTE = zh_en(
    "文件未写明责任主体，本库按市、区两级教育部门编码（见文件问题 missing_party）。",
    "The text names no party; encoded as the city and district education departments "
    "(see the missing_party finding).")

STAFF_RULES: tuple[Rule, ...] = (
    Rule(id="nantong.training.cycle_length",
         title=zh_en("教师全员培训以5年为一周期", "Teacher training runs in five-year cycles"),
         kind=Modality.DEFINITION, party=TWO_LEVEL_EDU, subject="training_records",
         requires=f.cycle_years.eq(TRAINING_CYCLE), concept="training.cycle_years",
         note=TEACHER_FLOW_NOTE,
         cites=(C("二/(三)", "严格实施5年一周期不少于360学时的教师全员培训制度"),)),
    Rule(id="nantong.training.min_hours",
         title=zh_en("每名教师每5年周期培训不少于360学时",
                     "Each teacher trains at least 360 class hours per five-year cycle"),
         kind=Modality.OBLIGATION, party=TWO_LEVEL_EDU, subject="training_records",
         applies=f.cycle_years.eq(TRAINING_CYCLE),
         requires=f.hours >= TRAINING_HOURS, concept="training.min_hours_per_cycle",
         note=TEACHER_FLOW_NOTE,
         cites=(C("二/(三)", "严格实施5年一周期不少于360学时的教师全员培训制度"),
                C("二/(三)", "促进每一名教师专业发展"))),
    Rule(id="nantong.principal.max_consecutive_terms",
         title=zh_en("校长在同一所学校的连续任期原则上不超过2届",
                     "A principal serves in principle at most two consecutive terms at one "
                     "school"),
         kind=Modality.OBLIGATION, party=TWO_LEVEL_EDU, subject="principal_terms",
         requires=f.consecutive_term <= MAX_TERMS, in_principle=True,
         concept="principal.max_consecutive_terms", note=TEACHER_FLOW_NOTE,
         cites=(C("二/(三)", "校长在同一所学校的连续任期原则上不超过2届"),)),
    Rule(id="nantong.principal.term_length",
         title=zh_en("校长每届任期原则上为3~5年", "A principal's term is in principle 3 to 5 years"),
         kind=Modality.OBLIGATION, party=TWO_LEVEL_EDU, subject="principal_terms",
         requires=(f.term_years >= TERM_MIN) & (f.term_years <= TERM_MAX), in_principle=True,
         concept="principal.term_years", note=TEACHER_FLOW_NOTE,
         cites=(C("二/(三)", "校长在同一所学校的连续任期原则上不超过2届,每届3~5年"),)),
    Rule(id="nantong.teacher_exchange.min_share",
         title=zh_en("教师原则上每年按不低于15%的比例进行交流",
                     "In principle at least 15% of teachers are exchanged each year"),
         kind=Modality.OBLIGATION, party=TWO_LEVEL_EDU, subject="teacher_exchanges",
         applies=f.eligible > 0,
         requires=f.rotated >= EXCHANGE_MIN * f.eligible, in_principle=True,
         concept="teacher_exchange.min_share_per_year",
         note=zh_en("基数未写明，按符合交流条件的教师数计算（见文件问题）。" + TEACHER_FLOW_NOTE.zh,
                    "The base is not stated; computed over eligible teachers (see the "
                    "document finding). " + TEACHER_FLOW_NOTE.en),
         cites=(C("二/(三)", "教师包括骨干教师原则上应按每年不低于15%的比例进行交流"),)),
    Rule(id="nantong.teacher_exchange.backbone_min_share",
         title=zh_en("骨干教师也原则上每年按不低于15%的比例进行交流",
                     "Backbone teachers too: in principle at least 15% exchanged each year"),
         kind=Modality.OBLIGATION, party=TWO_LEVEL_EDU, subject="teacher_exchanges",
         applies=f.backbone_eligible > 0,
         requires=f.backbone_rotated >= EXCHANGE_MIN * f.backbone_eligible, in_principle=True,
         concept="teacher_exchange.backbone_min_share_of_backbone_per_year",
         note=zh_en("“教师包括骨干教师”理解为15%的比例同样适用于骨干教师（不能只交流一般教师）；"
                    "基数按符合交流条件的骨干教师数计算。",
                    "'Teachers including backbone teachers' read as: the 15% applies to backbone "
                    "teachers as well; computed over eligible backbone teachers."),
         cites=(C("二/(三)", "教师包括骨干教师原则上应按每年不低于15%的比例进行交流"),)),
    Rule(id="nantong.title.senior_requires_weak_school",
         title=zh_en("城区中小学教师评聘高级职称原则上须有在薄弱学校任教2年以上的经历",
                     "Urban teachers applying for a senior title need in principle at least two "
                     "years at a weak school"),
         kind=Modality.OBLIGATION, party=zh_en("人事部门和教育部门（评聘）",
                                               "personnel and education departments"),
         subject="title_applications",
         applies=f.urban_school.eq(True) & f.level.eq(TitleLevel.SENIOR.value),
         requires=f.years_in_weak_school >= WEAK_SCHOOL_YEARS, in_principle=True,
         concept="title.senior_requires_weak_school_years",
         note=zh_en("“2年以上”含2年；“薄弱学校”文件未定义。",
                    "'2 years or more' includes 2; the text never defines a weak school."),
         cites=(C("二/(三)", "城区中小学教师评聘高级职务(职称),原则上须有在薄弱学校任教2年以上的经历"),)),
    Rule(id="nantong.group.has_core_school",
         title=zh_en("教育集团以优质名校或办学水平较高的学校为骨干",
                     "An education group is built around a quality school"),
         kind=Modality.DEFINITION, party=DISTRICTS, subject="zones",
         applies=f.form.eq(ZoneForm.EDUCATION_GROUP.value),
         requires=f.lead_school.is_known(), concept="zone.group_lead_school",
         cites=(C("二/(二)", "以优质名校和办学水平相对较高的学校为骨干,联合若干学校"),)),
)


# ── qualitative duties (checklist) ─────────────────────────────────────────────
_duty = duty_maker("nantong")


ENCOURAGED = zh_en("鼓励性条款：倡导而非强制；落实即可确认，未落实不构成违反。",
                   "An encouragement: promoted, not mandatory; not doing it is no breach.")
NO_PARTY = zh_en("文件未写明责任主体，按最可能的主体编码（见文件问题 missing_party）。",
                 "The text names no party; the most plausible one is encoded (see the "
                 "missing_party finding).")


def _may(key: str, zh: str, en: str, party: Text, clause: str, quote: str,
         concept: str | None = None) -> Rule:
    return _duty(key, zh, en, party, clause, quote, concept, modality=Modality.PERMISSION,
                 note=ENCOURAGED)


CHECKLIST: tuple[Rule, ...] = (
    # 一、(一) 总体要求
    _duty("every_school_to_standard", "按照省定教育现代化标准办好每一所义务教育学校",
          "Run every school to the provincial education modernisation standard",
          TWO_LEVEL_GOVS, "一/(一)", "按照省定教育现代化标准办好每一所义务教育学校",
          "schools.provincial_modern_standard", note=NO_PARTY),
    _duty("city_coordination", "坚持“市级统筹、分区落实、整体联动、协调发展”",
          "City coordinates, districts implement, all move together",
          TWO_LEVEL_GOVS, "一/(一)", "坚持“市级统筹、分区落实、整体联动、协调发展”", note=NO_PARTY),
    # 二、(一) 布局规划与现代化建设
    _duty("layout_optimisation", "强化各区主体责任，科学配置资源，继续调整优化中小学校布局",
          "Districts take responsibility, allocate resources and keep optimising the school "
          "layout", DISTRICTS, "二/(一)", "强化各区主体责任和联动意识,科学配置区域义务教育资源",
          "layout.optimisation", extra=(C("二/(一)", "继续调整优化中小学校布局"),)),
    _duty("migrant_children", "统筹考虑外来务工人员随迁子女就学需求",
          "Plan for the schooling of migrant workers' children", DISTRICTS, "二/(一)",
          "统筹考虑外来务工人员随迁子女就学需求", "enrolment.migrant_children"),
    _duty("main_urban_plans", "按照主城区中小学布局规划进一步细化实施方案",
          "Detail implementation plans under the main-city school layout plan", MAIN_URBAN,
          "二/(一)", "崇川区、港闸区、南通开发区和苏通科技产业园区要按照《南通市主城区中小学布局规划(2012~2020)》",
          extra=(C("二/(一)", "进一步细化实施方案"),)),
    _duty("coastal_layout", "适应沿海开发、区划调整和城镇建设需要，进一步完善学校布局",
          "Improve the school layout for coastal development and urbanisation", TZ_BH,
          "二/(一)", "通州区、滨海园区要适应沿海开发、区划调整和城镇建设需要,进一步完善学校布局"),
    _duty("chongchuan_old_town", "崇川区注重提升老城区薄弱学校",
          "Chongchuan upgrades the old town's weak schools", zh_en("崇川区", "Chongchuan district"),
          "二/(一)", "注重提升老城区薄弱学校"),
    _duty("tongzhou_equipment", "通州区重点解决装备滞后等问题",
          "Tongzhou tackles outdated equipment", zh_en("通州区", "Tongzhou district"),
          "二/(一)", "重点解决装备滞后等问题"),
    _duty("city_schools_conditions", "继续改善部分市直学校办学条件",
          "Keep improving conditions at some city-run schools", CITY_LEVEL, "二/(一)",
          "继续改善部分市直学校办学条件", note=NO_PARTY),
    _duty("modernisation_programme", "实施义务教育学校现代化建设工程，高标准建设好每一所学校，加大薄弱学校改造力度",
          "Carry out the school modernisation programme and upgrade weak schools",
          TWO_LEVEL_GOVS, "二/(一)", "实施义务教育学校现代化建设工程",
          "schools.modernisation_programme", note=NO_PARTY,
          extra=(C("二/(一)", "高标准、高质量建设好每一所学校,加大薄弱学校的改造力度"),)),
    _duty("seismic_safety", "健全校舍安全管理长效机制，确保所有校舍符合国家抗震设防要求",
          "Keep school buildings safe; all meet national seismic standards", TWO_LEVEL_GOVS,
          "二/(一)", "健全校舍安全管理长效机制,确保所有校舍符合国家抗震设防要求",
          "schools.building_safety", note=NO_PARTY),
    _duty("hot_schools", "对热点学校通过改扩建、调整施教区、集团化办学等措施化解供需矛盾",
          "Relieve over-subscribed schools by expansion, catchment changes and groups",
          DISTRICTS, "二/(一)", "对社会关注的热点学校,通过加快实施改扩建、适当调整施教区和推进集团化办学等措施",
          note=NO_PARTY),
    _duty("weak_schools_support", "各区对老城区和乡镇薄弱学校给予重点扶持",
          "Districts give priority support to weak schools in the old town and townships",
          DISTRICTS, "二/(一)", "对老城区和乡镇薄弱学校,各区要在改造基础设施、优化校园环境、更新图书资料和仪器装备等方面给予重点扶持",
          "weak_schools.priority_support"),
    _duty("standard_class_size", "合理控制学校规模，按照国家规定实行标准班额办学",
          "Keep school size reasonable and classes at the national standard size",
          TWO_LEVEL_EDU, "二/(一)", "合理控制学校规模,按照国家规定实行标准班额办学",
          "schools.standard_class_size", note=NO_PARTY),
    _duty("small_classes", "创造条件积极推进小班化办学", "Work towards small-class teaching",
          TWO_LEVEL_EDU, "二/(一)", "创造条件积极推进小班化办学", note=NO_PARTY),
    # 二、(二) 合作办学与信息化
    _duty("groups_and_communities", "大力推进集团化办学、教育共同体建设和结对共建，合力帮扶薄弱学校",
          "Promote education groups, communities and pairing to support weak schools",
          TWO_LEVEL_GOVS, "二/(二)", "大力推进学校集团化办学、教育共同体建设和多种形式的结对共建,合力帮扶薄弱学校",
          "group.promotion", note=NO_PARTY),
    _may("inter_district_cooperation", "鼓励支持区域之间合作",
         "Cooperation between districts is encouraged", DISTRICTS, "二/(二)",
         "鼓励支持区域之间合作"),
    _may("district_policies_for_weak_schools", "鼓励区级制定政策吸引资源加强薄弱学校",
         "Districts are encouraged to attract resources to weak schools by policy", DISTRICTS,
         "二/(二)", "鼓励区级制定政策吸引资源加强薄弱学校"),
    _duty("city_resources_to_weak", "市级资源配置坚持向薄弱区域、薄弱学校倾斜",
          "City-level resources favour weak areas and weak schools", CITY_LEVEL, "二/(二)",
          "市级资源配置坚持向薄弱区域、薄弱学校倾斜", "resources.favour_weak_schools"),
    _duty("primary_groups_by_districts", "小学阶段的集团化办学由各区统筹安排",
          "Districts arrange primary-school education groups", DISTRICTS, "二/(二)",
          "小学阶段的集团化办学,由各区统筹安排"),
    _may("districts_support_each_other", "鼓励区与区之间相互支持（小学集团化办学）",
         "Districts are encouraged to support each other in primary groups", DISTRICTS,
         "二/(二)", "鼓励区与区之间相互支持"),
    _duty("junior_groups_city_schools", "初中阶段集团化办学加大市直学校对薄弱地区、薄弱学校的支持力度",
          "City-run schools step up support to weak areas and schools in junior-middle groups",
          CITY_LEVEL, "二/(二)", "初中阶段的集团化办学,加大市直学校对薄弱地区、薄弱学校的支持力度",
          note=NO_PARTY),
    _duty("group_models_plans", "探索集团化办学多种模式，制定具体方案，抓紧组织实施",
          "Explore group models, adopt concrete plans and implement them",
          zh_en("各地", "all localities"), "二/(二)",
          "积极探索集团化办学的多种模式,制定具体方案,抓紧组织实施"),
    _may("close_knit_groups", "条件成熟的，可以组建紧密型教育集团，采取总分校模式，实行五个“统一”",
         "Where ready, close-knit groups (main and branch campuses) with the five "
         "unifications may be formed", DISTRICTS, "二/(二)",
         "条件成熟的,可以组建紧密型教育集团,采取总分校模式,探索一体化办学", "group.close_knit"),
    _duty("education_communities", "市和区之间、区与区之间、校与校之间根据需要构建各类教育共同体",
          "Build education communities between city, districts and schools as needed",
          CITY_DISTRICT_SCHOOL, "二/(二)",
          "市和区之间、区与区之间、校与校之间,要根据需要构建各类教育共同体",
          "community.formation"),
    _duty("pairing_activities", "区际、校际广泛开展结对共建，教学、管理人员双向挂职、定期交流",
          "Districts and schools pair up, with two-way secondments and regular exchanges",
          DISTRICTS_SCHOOLS, "二/(二)",
          "区际之间、校际之间要广泛开展结对共建活动,通过教学、管理人员双向挂职、定期交流",
          "pairing.activities"),
    _duty("digital_teaching_pilots", "把教育信息化作为战略举措，大力推进数字化教学试点",
          "Make education IT a strategic measure and pilot digital teaching", EDU_DEPT,
          "二/(二)", "大力推进数字化教学试点", "informatization.strategy", note=NO_PARTY,
          extra=(C("二/(二)", "要把教育信息化作为促进义务教育优质均衡发展的战略举措"),)),
    _may("social_education_resources", "利用社会教育资源，鼓励博物馆、科技馆等开展面向中小学生的公益性教育活动",
         "Use social education resources; museums etc. encouraged to run free activities",
         TWO_LEVEL_GOVS, "二/(二)", "鼓励各类博物馆、科技馆、文化馆、图书馆、展览馆、青少年校外活动场所和综合实践基地等机构"),
    _duty("use_social_resources", "积极利用社会教育资源", "Make active use of social education "
          "resources", TWO_LEVEL_EDU, "二/(二)", "要积极利用社会教育资源", note=NO_PARTY),
    _duty("school_and_outside_activities", "教育部门统筹安排学校教育教学、社会实践和校外活动",
          "Education departments coordinate teaching, social practice and out-of-school "
          "activities", EDU_DEPT, "二/(二)",
          "教育部门要统筹安排学校教育教学、社会实践和校外活动,探索相互衔接的有效方式"),
    # 二、(三) 师资队伍与流动
    _duty("teacher_development_mechanisms", "建立科学的教师培养机制和继续教育机制",
          "Set up teacher training and continuing-education mechanisms", TWO_LEVEL_EDU,
          "二/(三)", "建立科学的教师培养机制和继续教育机制", note=NO_PARTY),
    _duty("directed_free_training", "完善定向免费师范生培养制度，鼓励到基层学校和薄弱学校任教",
          "Improve free directed teacher education; encourage service at grassroots and weak "
          "schools", TWO_LEVEL_EDU, "二/(三)",
          "继续完善定向免费培养制度,吸引优秀学生学习师范专业,鼓励到基层学校和薄弱学校任教",
          note=NO_PARTY),
    _duty("tiered_training_system", "完善市、区、校分级培训体系",
          "Improve the city, district and school tiers of training", TWO_LEVEL_EDU, "二/(三)",
          "完善市、区、校分级培训体系", "training.tiered_system", note=NO_PARTY),
    _duty("famous_teachers_programme", "实施名师培养工程，培养和评选向薄弱学校、偏远学校倾斜",
          "Run the master-teacher programme favouring weak and remote schools", TWO_LEVEL_EDU,
          "二/(三)", "实施名师培养工程", note=NO_PARTY,
          extra=(C("二/(三)", "培养和评选工作向薄弱学校、偏远学校倾斜"),)),
    _may("master_teacher_studios", "鼓励设立名师工作室", "Master-teacher studios are encouraged",
         SCHOOLS, "二/(三)", "鼓励设立名师工作室,发挥名师示范引领作用"),
    _duty("principal_qualification", "建立校长任职资格准入和新任校长岗前培训制度，实行校长全员培训",
          "Principal qualification, induction training and training for all principals",
          TWO_LEVEL_EDU, "二/(三)", "建立校长任职资格准入和新任校长岗前培训制度,实行中小学校长全员培训",
          "principal.qualification_training", note=NO_PARTY),
    _duty("principal_grade_reform", "开展中小学校长职级制改革试点，建立统一的绩效考评办法",
          "Pilot principal rank reform with a unified performance evaluation", TWO_LEVEL_EDU,
          "二/(三)", "开展中小学校长职级制改革试点,建立统一的绩效考评办法,大力培养更多的名校长",
          note=NO_PARTY),
    _duty("system_teachers", "加快教师由“学校人”向“系统人”转变，构建教师资源均衡配置长效机制",
          "Make teachers employees of the system, not of one school", TWO_LEVEL_EDU, "二/(三)",
          "加快公办中小学教师由“学校人”向“系统人”转变,构建教师资源均衡配置的长效机制",
          "teacher.county_managed_school_hired", note=NO_PARTY),
    _duty("flow_policies", "完善校长教师流动的政策措施，促进区域内有序流动、区域间适当交流",
          "Improve principal and teacher mobility policies", TWO_LEVEL_EDU, "二/(三)",
          "完善校长教师流动的政策措施", "teacher_exchange.system", note=NO_PARTY,
          extra=(C("二/(三)", "促进校长教师在区域内有序流动、区域间适当交流"),)),
    # 二、(四) 教育教学改革与质量保障
    _duty("moral_education", "坚持育人为本德育为先，把社会主义核心价值体系融入各个环节",
          "Moral education first, core values in every part of school life", SCHOOLS,
          "二/(四)", "坚持育人为本德育为先", note=NO_PARTY),
    _duty("quality_education", "全面实施素质教育，深化课程教学改革，推进高效课堂建设",
          "Quality-oriented education, curriculum reform, effective classrooms", SCHOOLS,
          "二/(四)", "全面实施素质教育,深化课程教学改革,推进高效课堂建设", note=NO_PARTY),
    _duty("school_based_curriculum", "规范实施国家课程，开发、开设校本课程",
          "Teach the national curriculum properly and develop school-based courses", SCHOOLS,
          "二/(四)", "在规范实施国家课程的基础上,积极开发、开设满足学生个性发展的校本课程",
          note=NO_PARTY),
    _duty("pe_arts_labs", "开齐上好体育课、艺术课及各类实验课程，开展阳光体育活动",
          "Offer full PE, arts and lab courses and daily sports activities", SCHOOLS, "二/(四)",
          "开齐上好体育课、艺术课及各类实验课程,开展形式多样的阳光体育活动", note=NO_PARTY),
    _duty("zhongkao_reform", "按照国家教改试点要求深入推进中考改革",
          "Reform the junior-middle graduation exam as a national pilot", EDU_DEPT, "二/(四)",
          "按照国家教改试点要求深入推进中考改革", note=NO_PARTY),
    _duty("comprehensive_evaluation", "建立以品德、学业、身心、兴趣特长、课业负担为主要内容的综合评价机制",
          "Evaluate schools on morals, learning, health, interests and workload",
          TWO_LEVEL_EDU, "二/(四)", "健全义务教育质量保障体系", "quality.comprehensive_evaluation",
          note=NO_PARTY, extra=(C("二/(四)", "课业负担状况为主要内容的综合评价机制"),)),
    _duty("research_cooperation", "整合教学科研力量，建立分工协作机制",
          "Pool teaching-research staff at all levels with a division of work", TWO_LEVEL_EDU,
          "二/(四)", "建立分工协作机制,统一管理、统筹指导各类学校的教学科研活动", note=NO_PARTY),
    _duty("school_culture", "注重学校文化建设，办出特色、办出水平",
          "Build school culture and distinctive schools", SCHOOLS, "二/(四)",
          "注重学校文化建设,鼓励办出特色、办出水平", note=NO_PARTY),
    _duty("struggling_pupils", "重视学习困难学生发展，加强心理关怀、学业辅导和成长指导",
          "Support pupils with learning difficulties", SCHOOLS, "二/(四)",
          "重视学习困难学生发展,加强心理关怀、学业辅导和成长指导", note=NO_PARTY),
    _duty("family_and_community", "构建网上家长学校和社区学校，做好网上教学服务和教师家访工作",
          "Online parent schools, community schools, online tutoring and home visits", SCHOOLS,
          "二/(四)", "构建网上家长学校和社区学校,做好网上教学服务和教师家访工作", note=NO_PARTY,
          extra=(C("二/(四)", "加强学校教育与社会教育、家庭教育的互动联系"),)),
    _duty("school_surroundings", "强化校园周边综合治理", "Keep school surroundings safe and orderly",
          TWO_LEVEL_GOVS, "二/(四)", "强化校园周边综合治理", "schools.surroundings",
          note=NO_PARTY),
    _duty("special_education", "加大特殊教育投入，办好特殊教育学校，完善随班就读条件",
          "Fund special education and inclusive schooling for disabled children",
          TWO_LEVEL_GOVS, "二/(四)", "加大特殊教育投入,办好特殊教育学校,继续完善普通学校随班就读条件",
          "special_education.provision", note=NO_PARTY,
          extra=(C("二/(四)", "保障残疾儿童少年接受义务教育"),)),
    _duty("all_measures", "全面落实优质均衡发展的各项措施",
          "Carry out all measures for high-quality balanced development", TWO_LEVEL_GOVS,
          "二/(四)", "全面落实优质均衡发展的各项措施,促进各类学校教学质量整体提升",
          note=NO_PARTY),
    # 三、组织领导和保障措施
    _duty("leading_groups", "市、区两级政府（管委会）建立领导小组",
          "City and district governments set up leading groups", TWO_LEVEL_GOVS, "三/(一)",
          "市、区两级政府(管委会)建立以分管领导为组长", "organisation.leading_group"),
    _duty("top_priority", "各有关部门、单位和学校把推进优质均衡发展作为重中之重",
          "Treat balanced development as the top priority", ALL_BODIES, "三/(一)",
          "各有关部门、单位和学校都要把推进义务教育优质均衡发展作为教育改革发展和教育现代化建设的重中之重"),
    _duty("work_plans", "市、区两级教育部门细化工作方案，落实推进措施",
          "Education departments detail work plans and carry out the measures", TWO_LEVEL_EDU,
          "三/(一)", "市、区两级教育部门要根据本意见进一步细化工作方案,落实推进措施",
          "organisation.work_plan"),
    _duty("policies_and_incentives", "各区、各部门制定相关政策和激励措施",
          "Districts and departments adopt policies and incentives", DISTRICTS_DEPTS,
          "三/(二)", "各区、各部门要围绕推进义务教育优质均衡发展的总体要求、主要目标和重点工作,制定相关政策和激励措施"),
    _may("pilot_first", "鼓励先行先试、大胆实践", "Pioneering trials are encouraged",
         DISTRICTS_DEPTS, "三/(二)", "鼓励先行先试、大胆实践"),
    _duty("staffing_adjustment", "定期调整义务教育学校教职工编制",
          "Adjust school staffing quotas regularly", STAFFING, "三/(二)",
          "编制部门要根据教育事业发展规划、生源变化和学校布局调整等情况,定期调整义务教育学校教职工编制",
          "staffing.regular_adjustment"),
    _duty("staffing_increase", "按规定比例适当增加专任教师编制",
          "Add full-time teacher posts at the prescribed ratios", STAFFING, "三/(二)",
          "按规定比例适当增加专任教师编制",
          extra=(C("三/(二)", "充分考虑实行小班化教学、寄宿制及安排教师脱产进修等因素"),)),
    _duty("staffing_reallocation", "在编制总量内及时调剂区域内学校之间的编制，优先满足薄弱学校",
          "Reallocate posts between schools within the total, weak schools first",
          STAFFING_EDU, "三/(二)",
          "会同教育部门在核定的编制总量内及时调剂区域内学校之间的编制,优先满足薄弱学校师资建设",
          "staffing.reallocation"),
    _duty("post_management", "完善岗位管理制度，按需设岗、竞聘上岗，建立合同管理用人机制",
          "Post management: posts by need, competitive appointment, contracts", HR, "三/(二)",
          "人事部门要进一步完善岗位管理制度,坚持按需设岗、竞聘上岗,落实学校法人自主权,建立健全以合同管理为基础的用人机制"),
    _duty("per_pupil_funds", "逐步提高义务教育学校生均公用经费基准定额",
          "Raise the per-pupil public-funds benchmark step by step", FINANCE, "三/(二)",
          "根据财力状况,逐步提高义务教育学校生均公用经费基准定额", "funding.per_pupil_benchmark"),
    _duty("funds_to_weak_schools", "在核定的公用经费总量内适当向薄弱学校倾斜",
          "Within the total, favour weak schools in public funds", FINANCE, "三/(二)",
          "在核定的公用经费总量内,适当向薄弱学校倾斜", "funding.favour_weak_schools"),
    _duty("work_and_project_funds", "安排好必要的工作经费和项目经费，支持集团化办学、共同体建设和教科研改革",
          "Fund the work and projects: groups, communities, research reform", FINANCE,
          "三/(二)", "要安排好必要的工作经费和项目经费,支持集团化办学、共同体建设和教科研改革"),
    _duty("annual_assessment", "市政府每年对各区、各部门及其主要负责人进行督查考核",
          "The city inspects and assesses districts, departments and their heads every year",
          CITY_GOV, "三/(三)", "市政府把推进义务教育优质均衡发展纳入对各区、各部门及其主要负责人的考核内容,每年进行督查考核",
          "inspection.annual_assessment"),
    _duty("evaluation_mechanism", "各区、各部门建立考评机制（目标明确、任务落实、考核严格、奖惩分明、公开问责）",
          "Districts and departments set up an accountable evaluation mechanism",
          DISTRICTS_DEPTS, "三/(三)",
          "各区、各部门要建立目标明确、任务落实、考核严格、奖惩分明、公开问责的考评机制"),
    _duty("comprehensive_supervision", "加强综合督导评估，突出公众满意度调查",
          "Comprehensive supervision with public satisfaction surveys", INSPECTORATE, "三/(三)",
          "市政府教育督导室要加强综合督导评估,围绕解决热点、难点问题,突出公众满意度调查",
          "inspection.supervision"),
    _duty("supervision_results_published", "建立健全督导结果公告制度，把督导结果作为评价各级政府教育工作的重要依据",
          "Publish supervision results and use them to evaluate governments", INSPECTORATE,
          "三/(三)", "建立健全督导结果公告制度,并把督导结果作为评价各级政府教育工作的重要依据",
          "inspection.results_published"),
    _duty("publicity", "大力宣传义务教育优质均衡发展的理念、意义和政策措施，宣传先进典型",
          "Publicise the policy and good examples", TWO_LEVEL_GOVS, "三/(四)",
          "大力宣传义务教育优质均衡发展的理念、意义和政策措施,宣传先进典型和成功案例",
          note=NO_PARTY),
    _duty("commendation", "表彰奖励作出突出贡献的先进地区和单位、优秀校长和教师",
          "Commend outstanding areas, units, principals and teachers", TWO_LEVEL_GOVS, "三/(四)",
          "表彰奖励作出突出贡献的先进地区和单位、优秀校长和教师", note=NO_PARTY),
)

NARRATIVES = (
    Narrative(C("序", "通政发〔2013〕51号"), zh_en("本文件文号", "this document's number")),
    Narrative(C("序", "2013年8月21日"), zh_en("成文日期，为文件元数据",
                                           "date of the document, metadata")),
    Narrative(C("序", "国发〔2012〕48号"), zh_en("上位文件文号", "parent document number")),
    Narrative(C("序", "苏政发〔2012〕148号"), zh_en("上位文件文号", "parent document number")),
    Narrative(C("一/(一)", "党的十八大"), zh_en("会议名称", "name of a congress")),
    Narrative(C("一/(一)", "“三个代表”"), zh_en("政治理论名称", "name of a political theory")),
    Narrative(C("二/(一)", "《南通市主城区中小学布局规划(2012~2020)》"),
              zh_en("所引规划的名称（含规划期）", "title of the cited layout plan (with its period)")),
    Narrative(C("二/(四)", "整合市、区、校三级教学科研力量"),
              zh_en("管理层级的名称（市、区、校）", "names of the administrative tiers")),
    Narrative(C("三/(一)", "市、区两级政府(管委会)"),
              zh_en("管理层级的名称（市、区）", "names of the administrative tiers")),
    Narrative(C("三/(一)", "市、区两级教育部门"),
              zh_en("管理层级的名称（市、区）", "names of the administrative tiers")),
)

DOCUMENT_FINDINGS = (
    DocumentFinding(
        "nantong.finding.area_names", "inconsistent_terms",
        zh_en("同一区域有多个名称：主送机关写“市经济技术开发区管委会”“南通苏通科技产业园区管委会”"
              "“南通滨海园区管委会”，正文写“南通开发区”“苏通科技产业园区”“滨海园区”；三个园区在主送"
              "中与“各区人民政府”并列，正文中对“各区”的要求是否包括园区不明。本库把这些名称视为同一区域。",
              "One area, several names: the addressees say 市经济技术开发区, 南通苏通科技产业园区 and "
              "南通滨海园区, the body 南通开发区, 苏通科技产业园区 and 滨海园区; the parks are "
              "addressed beside the district governments, so whether duties of 各区 bind them is "
              "unclear. The library treats the names as one area each."),
        (C("序", "市经济技术开发区管委会"), C("一/(二)", "南通开发区"),
         C("序", "南通苏通科技产业园区管委会"), C("一/(二)", "苏通科技产业园区"),
         C("序", "南通滨海园区管委会"), C("一/(二)", "滨海园区"))),
    DocumentFinding(
        "nantong.finding.five_years_no_start", "missing_date",
        zh_en("“今后五年”的学校建设计划没有写明起止年份；本库自印发日 2013-08-21 起算，"
              "期限定为 2018-08-21。",
              "The five-year construction plan ('the next five years') states no start or end "
              "year; the library counts from the issue date 2013-08-21 to 2018-08-21."),
        (C("二/(一)", "今后五年"),)),
    DocumentFinding(
        "nantong.finding.training_cycle_no_start", "missing_date",
        zh_en("“5年一周期”的教师全员培训未写明周期的起算年份；本库按每条培训记录自带的周期评判。",
              "The five-year training cycle has no stated start year; each training record's "
              "own cycle is judged."),
        (C("二/(三)", "严格实施5年一周期不少于360学时的教师全员培训制度"),)),
    DocumentFinding(
        "nantong.finding.exchange_base_unstated", "unstated_base",
        zh_en("“每年不低于15%的比例”未写明基数（全体教师、在编教师还是符合交流条件的教师），"
              "也未写明“包括骨干教师”是指骨干教师同样按15%交流还是计入总数；本库按符合交流条件的"
              "教师数为基数（与柳江一致），并对骨干教师另按符合条件的骨干教师数适用15%。",
              "The 15% has no stated base (all teachers, established posts or those eligible), "
              "and 'including backbone teachers' may mean they also rotate at 15% or merely count "
              "in the total; encoded over eligible teachers (as Liujiang), and the 15% also "
              "applied to eligible backbone teachers."),
        (C("二/(三)", "教师包括骨干教师原则上应按每年不低于15%的比例进行交流"),)),
    DocumentFinding(
        "nantong.finding.weak_school_undefined", "undefined_term",
        zh_en("“薄弱学校”贯穿全文（帮扶、资源倾斜、编制、经费、高级职称评聘条件），但文件从未定义，"
              "也未指明由谁认定；高级职称的“2年以上薄弱学校任教经历”因此依赖外部认定。",
              "'Weak school' runs through the text (support, resources, posts, funds, the "
              "senior-title condition) but is never defined, nor is it said who designates one; "
              "the two-year condition for senior titles depends on an outside designation."),
        (C("二/(三)", "原则上须有在薄弱学校任教2年以上的经历"),
         C("二/(一)", "加大薄弱学校的改造力度"),
         C("三/(二)", "适当向薄弱学校倾斜"))),
    DocumentFinding(
        "nantong.finding.parks_related_district_unnamed", "ambiguous_reference",
        zh_en("滨海园区与苏通科技产业园区“纳入相关区域一并通过验收”，未写明并入哪个区域。",
              "The Binhai and Sutong parks pass acceptance 'together with the related area', "
              "which is not named."),
        (C("一/(二)", "纳入相关区域一并通过验收"),)),
    DocumentFinding(
        "nantong.finding.targets_no_party", "missing_party",
        zh_en("主要目标（2015年、2018年）和“力争到2018年”的信息化目标没有写明责任主体；本库按"
              "第三部分（一）统筹推进的市、区两级政府（管委会）编码，信息化目标按教育部门编码。",
              "The 2015 and 2018 targets and the 2018 informatisation aim name no party; encoded "
              "as the city and district governments that lead the work (part 三 (一)), and the "
              "education departments for informatisation."),
        (C("一/(二)", "到2015年"), C("二/(二)", "力争到2018年"))),
    DocumentFinding(
        "nantong.finding.teacher_rules_no_party", "missing_party",
        zh_en("培训学时、校长任期、教师交流比例、高级职称评聘条件等量化要求均未写明责任主体；"
              "本库按市、区两级教育部门编码（职称评聘按人事部门和教育部门）。",
              "The training hours, principal terms, exchange share and senior-title condition "
              "name no party; encoded as the city and district education departments (personnel "
              "and education departments for titles)."),
        (C("二/(三)", "严格实施5年一周期不少于360学时的教师全员培训制度"),
         C("二/(三)", "校长在同一所学校的连续任期原则上不超过2届"),
         C("二/(三)", "教师包括骨干教师原则上应按每年不低于15%的比例进行交流"),
         C("二/(三)", "城区中小学教师评聘高级职务(职称)"))),
    DocumentFinding(
        "nantong.finding.measures_no_party", "missing_party",
        zh_en("第二部分多数措施（现代化建设工程、标准班额、信息化、课程与评价改革、特殊教育等）"
              "以无主语句写成，未写明责任主体；本库按最可能的主体（市、区两级政府或教育部门、学校）编码。",
              "Most measures of part 二 (modernisation programme, class sizes, IT, curriculum and "
              "evaluation reform, special education …) are written without a subject; the most "
              "plausible party is encoded (governments, education departments or schools)."),
        (C("二/(一)", "实施义务教育学校现代化建设工程"), C("二/(一)", "合理控制学校规模"),
         C("二/(二)", "大力推进数字化教学试点"), C("二/(四)", "全面实施素质教育"),
         C("二/(四)", "加大特殊教育投入"), C("三/(四)", "大力宣传义务教育优质均衡发展的理念"))),
    DocumentFinding(
        "nantong.finding.satisfaction_method_unstated", "undefined_measure",
        zh_en("两项满意度“均达90%以上”，但文件未规定调查方法、样本和由谁测评（仅第三部分要求督导室"
              "“突出公众满意度调查”）。",
              "Both satisfaction rates must reach 90%, but the text sets no survey method, "
              "sample or body (part 三 only asks the inspectorate to stress satisfaction "
              "surveys)."),
        (C("一/(二)", "均达90%以上"), C("三/(三)", "突出公众满意度调查"))),
)


def build(document: Document) -> Policy:
    return Policy(
        name="nantong", version=document.version, document=document,
        parameters=PARAMETERS, rules=TARGET_RULES + CONSTRUCTION_RULES + STAFF_RULES + CHECKLIST,
        narratives=NARRATIVES, document_findings=DOCUMENT_FINDINGS,
        data={"stages": [s.value for s in (Stage.PRIMARY, Stage.JUNIOR)],
              "area_names": {"city_area": list(CITY_AREA), "chongchuan": list(CHONGCHUAN),
                             "gangzha": list(GANGZHA), "dev_zone": list(DEV_ZONE),
                             "sutong": list(SUTONG), "tongzhou": list(TONGZHOU),
                             "binhai": list(BINHAI)}},
        valid_from=VALID_FROM, valid_until=VALID_UNTIL, validity=VALIDITY,
    )
