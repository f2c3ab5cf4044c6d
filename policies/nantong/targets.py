"""Nantong's dated targets: the 2015 and 2018 goals, informatisation, the five-year building plan."""

from __future__ import annotations

from xuequ_policies.nantong.parameters import (
    BH_EXP,
    BH_NEW,
    CC_EXP,
    CC_NEW,
    CITY_AREA_NOTE,
    CITY_AREA_RECORD,
    CONSTRUCTION_DEADLINE,
    DEADLINE_2015,
    DEADLINE_2018,
    DZ_EXP,
    GZ_EXP,
    GZ_NEW,
    INFORMATIZATION_YEAR,
    SATISFACTION_MIN,
    ST_NEW,
    STANDARD_SHARE_2015,
    STANDARD_SHARE_2018,
    TZ_NEW,
    TZ_REL,
    UNIVERSAL_NOTE,
    YEAR_2015,
    YEAR_2018,
)
from xuequ_policies.nantong.parties import (
    BINHAI,
    CHONGCHUAN,
    DEV_ZONE,
    EDU_DEPT,
    GANGZHA,
    LOCALITIES_DEPTS,
    SUTONG,
    TONGZHOU,
    TWO_LEVEL_GOVS,
    C,
)

from xuequ_rules.policy.dsl import (
    Modality,
    Rule,
    Text,
    f,
    zh_en,
)
from xuequ_rules.policy.expr import Expr

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
         cites=(C("一/(二)", "到2015年"),
                C("一/(二)", "崇川区、港闸区、南通开发区和通州区均达到省定义务教育优质均衡发展要求并通过验收"))),
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
         cites=(C("一/(二)", "到2015年"),
                C("一/(二)", "滨海园区与苏通科技产业园区达到省优质均衡发展要求纳入相关区域一并通过验收"))),
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
         cites=(C("一/(二)", "到2018年"), C("一/(二)", "学生及其家长和社会对学校的满意度"),
                C("一/(二)", "均达90%以上"))),
    Rule(id="nantong.targets.2018.satisfaction_with_government",
         title=zh_en("到2018年，学校和社会对政府管理义务教育的满意度达90%以上",
                     "By 2018, satisfaction of schools and society with the government's "
                     "management of compulsory education is at least 90%"),
         kind=Modality.TARGET, party=TWO_LEVEL_GOVS, subject="district_indicators",
         applies=f.year.eq(YEAR_2018) & CITY_AREA_RECORD,
         requires=f.satisfaction_with_government >= SATISFACTION_MIN,
         deadline=DEADLINE_2018, concept="satisfaction.with_government", note=CITY_AREA_NOTE,
         cites=(C("一/(二)", "到2018年"), C("一/(二)", "学校和社会对政府管理义务教育的满意度"),
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

# Targets whose sentences name no responsible party (listed in the missing_party finding).
UNNAMED_TARGETS: tuple[str, ...] = (
    "nantong.targets.2015.modern_standard_share", "nantong.targets.2018.all_schools_modern_standard",
    "nantong.targets.2018.satisfaction_with_schools",
    "nantong.targets.2018.satisfaction_with_government",
    "nantong.targets.2018.three_links_two_platforms")
