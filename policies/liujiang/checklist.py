"""Liujiang 2018: qualitative duties, checked by the responsible party's attestation."""

from __future__ import annotations

from xuequ_policies.liujiang.parameters import (
    BUREAU,
    BUREAU_UNNAMED,
    GOVERNMENT,
    GROUP_SCHOOLS,
    PAIRED_SCHOOLS,
    TOWN_CENTRES,
    ZONE_SCHOOLS,
    C,
)

from xuequ_rules.policy.dsl import Modality, Rule, duty_maker

_duty = duty_maker("liujiang")
PERMIT = Modality.PERMISSION
DEFINE = Modality.DEFINITION

# 二、三/(一)、三/(二): zones, groups, pairing, management
STRUCTURE: tuple[Rule, ...] = (
    _duty("six_unifications", "学区内实现“六统一”", "Unify the six matters within each zone",
          BUREAU_UNNAMED, "二",
          "实现学区内统一进行资源配置、师资调配、教学管理、教学研究、学校招生、质量评价的“六统一”",
          "zone.six_unifications",
          extra=(C("二", "通过改革学校管理体制、教育资源调配机制和教育教学管理方式方法"),)),
    _duty("zoning", "将城乡义务教育学校划分为若干个学区，学生按就近入学原则就读",
          "Divide schools into zones; pupils attend by proximity", BUREAU_UNNAMED, "三/(一)/1",
          "将城乡义务教育学校划分为若干个学区,学区内的学生按就近入学的原则安排在相应学校就读",
          "zone.proximity_enrolment",
          extra=(C("三/(一)/1", "按照“城乡统筹、合理搭配”原则"),)),
    _duty("new_schools_into_groups", "把新建学校和周边薄弱学校纳入集团化办学",
          "Bring new and nearby weak schools into education groups", BUREAU_UNNAMED,
          "三/(一)/2/(1)", "把新建义务教育学校和周边薄弱学校纳入集团化办学"),
    _duty("assistance_leads", "以办学质量较好的城区、镇中心小学和初中学校为龙头，结对帮扶乡镇学校，组成“帮扶联盟”",
          "Good urban and town-centre primary and junior schools lead 'assistance alliances' "
          "with township schools", BUREAU_UNNAMED, "三/(一)/2/(2)",
          "以办学质量较好的城区、镇中心小学和初中学校为龙头,结对帮扶乡镇学校,组成“帮扶联盟”",
          "zone.assistance_lead_schools", modality=DEFINE),
    _duty("town_centre_radiates", "镇中心小学辐射村小学、教学点",
          "Town central primary schools support village schools and teaching points",
          TOWN_CENTRES, "三/(一)/2/(2)", "自身也要辐射村小学、教学点,提升村小学、教学点教育质量"),
    _duty("department_duties", "明确政府各职能部门职责，加强统筹协调，形成改革合力",
          "Define the government departments' duties and coordinate them", GOVERNMENT,
          "三/(二)/1/(1)", "进一步明确政府各职能部门职责,加强统筹协调,形成改革合力"),
    _duty("management_hierarchy", "理顺不同学区设置学校的管理层级和关系，明确牵头学校管理学区的职责、权利和义务",
          "Settle the management hierarchy and the lead schools' duties, rights and obligations",
          BUREAU_UNNAMED, "三/(二)/1/(1)",
          "理顺学区制管理改革中不同学区设置学校的管理层级和关系",
          extra=(C("三/(二)/1/(1)", "明确牵头学校及其管理团队管理学区的职责、权利和义务"),
                 C("三/(二)/1/(1)", "突出牵头学校管理学区内学校的统筹权及在示范引领和帮扶工作中承担的更多职责"),
                 C("三/(二)/1/(1)", "确保学区管理的有效实施"))),
    _duty("group_principals_council", "集团内学校组建集团校长联席会，对重大事项统一决策",
          "Group schools form a principals' council deciding major matters jointly",
          GROUP_SCHOOLS, "三/(二)/1/(1)", "采取集团化办学形式的集团内学校应组建集团校长联席会",
          "group.principals_council",
          extra=(C("三/(二)/1/(1)", "对集团内重大事项实行统一决策"),
                 C("三/(二)/1/(1)", "明确集团内学校校园文化定位、发展规划及教育教学策略等"))),
    _duty("pairing_roles", "结对帮扶以城区（城镇）学校为帮扶学校，乡镇学校为受援学校",
          "In pairing, urban (town) schools help and township schools are assisted",
          BUREAU_UNNAMED, "三/(二)/1/(1)", "以城区(城镇)学校为帮扶学校,乡镇学校为受援学校",
          "pairing.roles", modality=DEFINE),
    _duty("pairing_activities", "结对学校开展专题讲座、巡回指导、师徒结对等帮扶活动",
          "Paired schools run lectures, visits, mentoring and other support activities",
          PAIRED_SCHOOLS, "三/(二)/1/(1)",
          "通过相互组织专题讲座、巡回指导、现场诊断、案例研磨、跨校体验、跟班学习、师徒结对等活动",
          extra=(C("三/(二)/1/(1)", "促进结对学校共同提高管理水平、校园文化、师资建设、办学条件、教学质量等"),)),
    _duty("zone_resources_oversight", "加强学区资源配置、校长教师调配、绩效考核和质量监测评价",
          "Oversee zone resources, staffing, performance and quality monitoring", BUREAU,
          "三/(二)/1/(2)", "区教育行政部门要加强对学区办学资源的配置、校长教师的调配、学区整体绩效考核和教育教学质量监测与评价"),
    _duty("zone_work_counted", "将牵头学校校长和学区管理人员的学区管理工作计入工作量",
          "Count zone-management work in lead principals' and managers' workload", BUREAU,
          "三/(二)/1/(2)", "要将牵头学校校长和学区管理人员从事的学区管理工作计入工作量"),
    _duty("zone_incentives", "探索和建立基于学区管理成效的激励机制",
          "Build incentives based on zone-management results", BUREAU, "三/(二)/1/(2)",
          "积极探索和建立基于学区管理成效的激励机制"),
    _duty("zone_operation", "建立学区运行良好机制，统筹教育教学管理改革",
          "Set up the zone operating mechanism", BUREAU, "三/(二)/2",
          "建立学区运行良好机制,统筹教育教学管理改革",
          extra=(C("三/(二)/2", "按照“统筹协调、统中有分、分中有合、统分有序”原则"),)),
    _duty("zone_plans_rules", "制定学区工作计划和学区议事、决策制度，建立协作机制，搭建管理交流平台",
          "Adopt zone work plans, deliberation and decision rules, cooperation mechanisms and "
          "an exchange platform", ZONE_SCHOOLS, "三/(二)/2",
          "学区制改革学校要制定学区工作计划和学区议事、决策制度",
          extra=(C("三/(二)/2", "建立教育教学、财务后勤、学校安全管理等协作机制,搭建学校管理交流平台"),)),
)

# 三/(三): conditions and shared resources
RESOURCES: tuple[Rule, ...] = (
    _duty("school_layout", "进一步优化义务教育学校布局", "Improve the layout of schools",
          BUREAU_UNNAMED, "三/(三)/1", "进一步优化义务教育学校布局",
          extra=(C("三/(三)/1", "要按照区域内城乡义务教育一体化改革发展要求"),)),
    _duty("four_unified_standards", "推进城乡学校建设、编制、生均公用经费、装备配置标准统一",
          "Unify urban and rural standards for buildings, staffing, per-pupil funds and "
          "equipment", GOVERNMENT, "三/(三)/1",
          "推进区域内城乡义务教育学校建设标准统一、教师编制标准统一、生均公用经费基准定额统一、基本装备配置标准统一"),
    _duty("two_exemptions", "“两免一补”政策城乡全覆盖", "Cover town and country with the 两免一补 "
          "policy", GOVERNMENT, "三/(三)/1", "“两免一补”政策城乡全覆盖"),
    _duty("informatisation", "加快推进学校信息化建设", "Speed up school IT development",
          BUREAU_UNNAMED, "三/(三)/1", "加快推进学校信息化建设"),
    _duty("teacher_housing", "配套建设教师周转房，全面改善薄弱学校和农村学校办学条件",
          "Build teacher housing and improve weak and rural schools", GOVERNMENT, "三/(三)/1",
          "配套建设教师周转房,全面改善薄弱学校和农村学校办学条件"),
    _duty("resource_sharing", "构建学区办学资源共建共享新机制，学区内场馆、设备、教师资源、校外基地等共享",
          "Share facilities, equipment, teachers and outside resources within the zone",
          BUREAU_UNNAMED, "三/(三)/2", "要着力构建学区办学资源共建共享新机制", "zone.resource_sharing",
          extra=(C("三/(三)/2", "促进学校体育场馆、图书馆、实验室等场所和仪器设备在学区内学校开放共享"),
                 C("三/(三)/2", "促进学区教师资源、教学成果、办学特色、校园文化的共建共享"),
                 C("三/(三)/2", "促进学区内校外教育基地、社会实践基地、家长资源及其他社会资源的共享"))),
)
