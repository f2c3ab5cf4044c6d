"""Liujiang 2018: every normative provision, cited to its clause."""

from __future__ import annotations

from xuequ_policies.liujiang.lifecycle import VALID_FROM, VALID_UNTIL, VALIDITY

from xuequ_rules.document.document import Document
from xuequ_rules.facts.model import Stage, ZoneForm
from xuequ_rules.policy.dsl import (
    Cite,
    CountClaim,
    Decimal,
    DocumentFinding,
    Modality,
    Narrative,
    Parameter,
    Phase,
    Policy,
    Rule,
    Unit,
    dt,
    duty_maker,
    f,
    phase_rules,
    zh_en,
)

C = Cite
BUREAU = zh_en("区教育行政部门", "district education authority")
ZONE = zh_en("学区（牵头学校）", "school zone (lead school)")
ZONE_SCHOOLS = zh_en("学区制改革学校", "schools in the reform")
FINANCE = zh_en("区财政", "district finance bureau")

# ── parameters ────────────────────────────────────────────────────────────────
ROTATION_MIN = Parameter(
    id="liujiang.teacher_exchange.min_share", value=Decimal("0.10"), unit=Unit.RATIO,
    label=zh_en("每年交流轮岗教师占符合交流条件教师的最低比例",
                "minimum yearly share of eligible teachers rotated"),
    concept="teacher_exchange.min_share_per_year",
    cites=(C("三/(四)/3", "全区每年交流轮岗教师的比例不低于符合交流条件教师总数的10%"),))
BACKBONE_MIN = Parameter(
    id="liujiang.teacher_exchange.backbone_min_share", value=Decimal("0.12"), unit=Unit.RATIO,
    label=zh_en("骨干教师占交流轮岗教师的最低比例", "minimum share of backbone teachers among "
                "the rotated"),
    concept="teacher_exchange.backbone_min_share_of_rotated",
    cites=(C("三/(四)/3", "骨干教师不低于交流轮岗教师总数的12%"),))
ZONE_HEADS = Parameter(
    id="liujiang.zone.principal_heads", value=1, unit=Unit.PERSONS,
    label=zh_en("每个学区主要负责人人数", "principal heads per zone"),
    concept="zone.principal_heads",
    cites=(C("三/(四)/1", "每个学区设主要负责人1名"),))
ZONE_FORMS = Parameter(
    id="liujiang.zone.allowed_forms", value=2, unit=Unit.COUNT,
    label=zh_en("学区组建形式的种数（集团化办学、城乡帮扶）",
                "number of allowed zone forms (education group, urban-rural assistance)"),
    concept="zone.allowed_forms",
    cites=(C("三/(一)/2", "学区设置采取集团化办学和城乡帮扶两种形式"),))
ASSISTANCE_LEADS = Parameter(
    id="liujiang.zone.assistance_quality_schools", value=1, unit=Unit.SCHOOLS,
    label=zh_en("城乡帮扶学区中的优质学校数", "quality schools per assistance zone"),
    concept="zone.assistance_quality_schools",
    cites=(C("三/(一)/2/(2)", "由1所优质学校加若干所薄弱学校形成帮扶关系"),))
GROUPS_YEAR = Parameter(
    id="liujiang.education_groups.target_year", value=2018, unit=Unit.YEAR,
    label=zh_en("组建教育集团的年份", "year the education groups are set up"),
    concept="education_groups.target_year",
    cites=(C("三/(一)/2/(1)", "拟于2018年组建2所小学教育集团和1所初中教育集团"),))
PRIMARY_GROUPS = Parameter(
    id="liujiang.education_groups.primary", value=2, unit=Unit.COUNT,
    label=zh_en("2018年组建的小学教育集团数", "primary education groups to set up in 2018"),
    concept="education_groups.primary_count",
    cites=(C("三/(一)/2/(1)", "拟于2018年组建2所小学教育集团和1所初中教育集团"),))
JUNIOR_GROUPS = Parameter(
    id="liujiang.education_groups.junior", value=1, unit=Unit.COUNT,
    label=zh_en("2018年组建的初中教育集团数", "junior-middle education groups to set up in 2018"),
    concept="education_groups.junior_count",
    cites=(C("三/(一)/2/(1)", "拟于2018年组建2所小学教育集团和1所初中教育集团"),))
PAIRING_COVERAGE = Parameter(
    id="liujiang.pairing.full_coverage", value=Decimal("1"), unit=Unit.RATIO,
    label=zh_en("推行学区联盟办学前结对帮扶应达到的覆盖率",
                "pairing coverage required before zone alliances"),
    concept="pairing.coverage_before_alliance",
    cites=(C("三/(一)/2", "在结对帮扶形式100%全覆盖的基础上"),))
SIX_UNIFICATIONS = Parameter(
    id="liujiang.zone.six_unifications",
    value="资源配置、师资调配、教学管理、教学研究、学校招生、质量评价", unit=Unit.TEXT,
    label=zh_en("学区内“六统一”的内容", "the six matters unified within a zone"),
    concept="zone.six_unifications",
    cites=(C("二", "实现学区内统一进行资源配置、师资调配、教学管理、教学研究、学校招生、质量评价的“六统一”"),))

PARAMETERS = (ROTATION_MIN, BACKBONE_MIN, ZONE_HEADS, ZONE_FORMS, ASSISTANCE_LEADS, GROUPS_YEAR,
              PRIMARY_GROUPS, JUNIOR_GROUPS, PAIRING_COVERAGE, SIX_UNIFICATIONS)

# ── phases (四、实施步骤) ──────────────────────────────────────────────────────
PHASES = (
    Phase("liujiang.phase.1", zh_en("第一阶段：制定方案、学习动员", "phase 1: plan and mobilise"),
          dt.date(2017, 11, 1), dt.date(2017, 11, 30),
          (C("四", "第一阶段:制定方案、学习动员阶段。(201711月)"),)),
    Phase("liujiang.phase.2", zh_en("第二阶段：完善制度、健全机制", "phase 2: rules and mechanisms"),
          dt.date(2017, 11, 1), dt.date(2017, 12, 31),
          (C("四", "第二阶段:完善制度、健全机制阶段。 201711月至12月)"),)),
    Phase("liujiang.phase.3", zh_en("第三阶段：组织实施、整改提升", "phase 3: implement and improve"),
          dt.date(2018, 1, 1), dt.date(2020, 8, 31),
          (C("四", "第三阶段:组织实施、整改提升阶段。(2018 1 月至2020 8月)"),)),
)

# ── quantitative rules ─────────────────────────────────────────────────────────
RULES: tuple[Rule, ...] = (*phase_rules("liujiang", PHASES, BUREAU),
    Rule(id="liujiang.teacher_exchange.min_share",
         title=zh_en("每年交流轮岗教师不低于符合交流条件教师总数的10%",
                     "At least 10% of eligible teachers rotate each year"),
         kind=Modality.OBLIGATION, party=BUREAU, subject="teacher_exchanges",
         applies=f.eligible > 0,
         requires=f.rotated >= ROTATION_MIN * f.eligible,
         concept="teacher_exchange.min_share_per_year",
         cites=(C("三/(四)/3", "全区每年交流轮岗教师的比例不低于符合交流条件教师总数的10%"),)),
    Rule(id="liujiang.teacher_exchange.backbone_share",
         title=zh_en("交流轮岗教师中骨干教师不低于12%",
                     "Backbone teachers are at least 12% of those rotated"),
         kind=Modality.OBLIGATION, party=BUREAU, subject="teacher_exchanges",
         applies=f.rotated > 0,
         requires=f.backbone_rotated >= BACKBONE_MIN * f.rotated,
         concept="teacher_exchange.backbone_min_share_of_rotated",
         cites=(C("三/(四)/3", "其中,骨干教师不低于交流轮岗教师总数的12%"),)),
    Rule(id="liujiang.zone.one_principal_head",
         title=zh_en("每个学区设主要负责人1名", "Each zone has exactly one principal head"),
         kind=Modality.OBLIGATION, party=BUREAU, subject="zones",
         requires=f.principal_heads.eq(ZONE_HEADS), concept="zone.principal_heads",
         cites=(C("三/(四)/1", "每个学区设主要负责人1名、具体负责人及管理人员若干名"),)),
    Rule(id="liujiang.zone.allowed_forms",
         title=zh_en("学区采取集团化办学或城乡帮扶形式",
                     "A zone takes one of the two forms: education group or urban-rural "
                     "assistance"),
         kind=Modality.DEFINITION, party=BUREAU, subject="zones",
         requires=f.form.isin((ZoneForm.EDUCATION_GROUP.value,
                               ZoneForm.URBAN_RURAL_ASSISTANCE.value)),
         concept="zone.allowed_forms",
         cites=(C("三/(一)/2", "学区设置采取集团化办学和城乡帮扶两种形式"),)),
    Rule(id="liujiang.zone.alliance_after_full_pairing",
         title=zh_en("学区联盟办学须在结对帮扶100%全覆盖的基础上推行",
                     "Zone alliances only once pairing covers 100% of schools"),
         kind=Modality.OBLIGATION, party=BUREAU, subject="zones",
         applies=f.form.eq(ZoneForm.SCHOOL_ALLIANCE.value),
         requires=f.form.ne(ZoneForm.SCHOOL_ALLIANCE.value),
         exception_to="liujiang.zone.allowed_forms",
         concept="zone.alliance_precondition",
         note=zh_en("学区联盟只有在结对帮扶全覆盖、条件成熟时方可推行；区域覆盖率见"
                    " liujiang.pairing.coverage_for_alliance。",
                    "An alliance zone is an innovation allowed only once pairing covers every "
                    "school; the coverage is judged by liujiang.pairing.coverage_for_alliance."),
         cites=(C("三/(一)/2", "当条件成熟时,逐步推行学区联盟办学"),)),
    Rule(id="liujiang.pairing.coverage_for_alliance",
         title=zh_en("结对帮扶100%全覆盖后，方可逐步推行学区联盟办学",
                     "Zone alliances may be introduced once pairing covers 100%"),
         kind=Modality.PERMISSION, party=BUREAU, subject="district_indicators",
         requires=f.pairing_coverage >= PAIRING_COVERAGE,
         concept="pairing.coverage_before_alliance",
         cites=(C("三/(一)/2", "在结对帮扶形式100%全覆盖的基础上"),)),
    Rule(id="liujiang.zone.assistance_one_quality_school",
         title=zh_en("城乡帮扶学区由1所优质学校加若干所薄弱学校组成",
                     "An assistance zone has exactly one quality school"),
         kind=Modality.DEFINITION, party=BUREAU, subject="zones",
         applies=f.form.eq(ZoneForm.URBAN_RURAL_ASSISTANCE.value),
         requires=f.quality_school_count.eq(ASSISTANCE_LEADS),
         concept="zone.assistance_quality_schools",
         cites=(C("三/(一)/2/(2)", "由1所优质学校加若干所薄弱学校形成帮扶关系"),)),
    Rule(id="liujiang.zone.group_has_lead_school",
         title=zh_en("教育集团以城区优质学校为龙头", "An education group is led by a lead school"),
         kind=Modality.DEFINITION, party=BUREAU, subject="zones",
         applies=f.form.eq(ZoneForm.EDUCATION_GROUP.value),
         requires=f.lead_school.is_known(),
         concept="zone.group_lead_school",
         cites=(C("三/(一)/2/(1)", "以城区学校优质教育资源为依托"),
                C("三/(二)/1", "明晰集团龙头校在办学资源配置、师资调配、教育教学管理等管理权限和程序"))),
    Rule(id="liujiang.education_groups.primary_2018",
         title=zh_en("2018年组建2所小学教育集团", "Two primary education groups in 2018"),
         kind=Modality.TARGET, party=BUREAU, subject="district_indicators",
         applies=f.year.eq(GROUPS_YEAR),
         requires=f.education_groups_primary >= PRIMARY_GROUPS,
         deadline=dt.date(2018, 12, 31), concept="education_groups.primary_count",
         cites=(C("三/(一)/2/(1)", "拟于2018年组建2所小学教育集团和1所初中教育集团"),)),
    Rule(id="liujiang.education_groups.junior_2018",
         title=zh_en("2018年组建1所初中教育集团", "One junior-middle education group in 2018"),
         kind=Modality.TARGET, party=BUREAU, subject="district_indicators",
         applies=f.year.eq(GROUPS_YEAR),
         requires=f.education_groups_junior >= JUNIOR_GROUPS,
         deadline=dt.date(2018, 12, 31), concept="education_groups.junior_count",
         cites=(C("三/(一)/2/(1)", "拟于2018年组建2所小学教育集团和1所初中教育集团"),)),
    Rule(id="liujiang.pairing.agreement_signed",
         title=zh_en("帮扶学校和受援学校协商签订帮扶协议",
                     "Helping and assisted schools sign an assistance agreement"),
         kind=Modality.OBLIGATION, party=zh_en("帮扶学校和受援学校", "helping and assisted schools"),
         subject="pairings", requires=f.agreement_signed.eq(True),
         concept="pairing.agreement",
         cites=(C("三/(二)/1", "帮扶学校和受援学校协商签订帮扶协议"),)),
)


_duty = duty_maker("liujiang")


GROUP_SCHOOLS = zh_en("集团内学校", "schools of an education group")
CHECKLIST: tuple[Rule, ...] = (
    _duty("zoning", "将城乡义务教育学校划分为若干个学区，学生按就近入学原则就读",
          "Divide schools into zones; pupils attend by proximity", BUREAU, "三/(一)/1",
          "将城乡义务教育学校划分为若干个学区,学区内的学生按就近入学的原则安排在相应学校就读",
          "zone.proximity_enrolment"),
    _duty("six_unifications", "学区内实现“六统一”", "Unify the six matters within each zone",
          ZONE, "二", "实现学区内统一进行资源配置、师资调配、教学管理、教学研究、学校招生、质量评价的“六统一”",
          "zone.six_unifications"),
    _duty("new_schools_into_groups", "把新建学校和周边薄弱学校纳入集团化办学",
          "Bring new and nearby weak schools into education groups", BUREAU, "三/(一)/2/(1)",
          "把新建义务教育学校和周边薄弱学校纳入集团化办学"),
    _duty("town_centre_radiates", "镇中心小学辐射村小学、教学点",
          "Town central primary schools support village schools and teaching points",
          zh_en("镇中心小学", "town central primary schools"), "三/(一)/2/(2)",
          "自身也要辐射村小学、教学点"),
    _duty("department_duties", "明确政府各职能部门职责，理顺管理层级和关系，明确牵头学校职责",
          "Define departments' and lead schools' duties and the management hierarchy",
          BUREAU, "三/(二)/1/(1)", "进一步明确政府各职能部门职责"),
    _duty("group_principals_council", "集团内学校组建集团校长联席会，对重大事项统一决策",
          "Group schools form a principals' council deciding major matters jointly",
          GROUP_SCHOOLS, "三/(二)/1", "采取集团化办学形式的集团内学校应组建集团校长联席会",
          "group.principals_council"),
    _duty("pairing_activities", "结对学校开展专题讲座、巡回指导、师徒结对等帮扶活动",
          "Paired schools run lectures, visits, mentoring and other support activities",
          zh_en("帮扶学校和受援学校", "helping and assisted schools"), "三/(二)/1",
          "通过相互组织专题讲座、巡回指导、现场诊断、案例研磨、跨校体验、跟班学习、师徒结对等活动"),
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
          "建立学区运行良好机制,统筹教育教学管理改革"),
    _duty("zone_plans_rules", "制定学区工作计划和学区议事、决策制度，建立协作机制",
          "Adopt zone work plans, deliberation and decision rules and cooperation mechanisms",
          ZONE_SCHOOLS, "三/(二)/2", "学区制改革学校要制定学区工作计划和学区议事、决策制度"),
    _duty("four_unified_standards", "推进城乡学校建设、编制、生均公用经费、装备配置标准统一",
          "Unify urban and rural standards for buildings, staffing, per-pupil funds and "
          "equipment", BUREAU, "三/(三)/1",
          "推进区域内城乡义务教育学校建设标准统一、教师编制标准统一、生均公用经费基准定额统一、基本装备配置标准统一"),
    _duty("two_exemptions", "“两免一补”政策城乡全覆盖，建设教师周转房，改善薄弱学校条件",
          "Cover town and country with the 两免一补 policy; build teacher housing; improve "
          "weak schools", BUREAU, "三/(三)/1", "“两免一补”政策城乡全覆盖"),
    _duty("resource_sharing", "学区内学校场馆、设备、教师资源等开放共享",
          "Share facilities, equipment and teaching resources within the zone", ZONE,
          "三/(三)/2", "要着力构建学区办学资源共建共享新机制", "zone.resource_sharing"),
    _duty("zone_managers_training", "定期组织学区管理人员学习交流，储备学区管理后备人才",
          "Train zone managers regularly and build a reserve of zone leaders", BUREAU,
          "三/(四)/1", "定期组织学区管理人员学习和交流"),
    _duty("staffing_quota", "合理核定教职工编制，配齐配足各学科合格教师，重点向村小学、教学点倾斜",
          "Set staffing quotas and staff every subject, favouring village schools",
          BUREAU, "三/(四)/2", "配齐配足各学科合格教师,重点向村小学、教学点倾斜"),
    _duty("county_managed_teachers", "全面推进教师“区管校聘”改革",
          "Carry out the district-managed, school-hired teacher reform", BUREAU, "三/(四)/2",
          "全面推进教师“区管校聘”改革", "teacher.county_managed_school_hired"),
    _duty("rotation_system", "建立健全校级领导、教师定期轮岗交流制度",
          "Establish regular rotation of school leaders and teachers", BUREAU, "三/(四)/3",
          "建立健全校级领导、教师定期轮岗交流制度", "teacher_exchange.system"),
    _duty("zone_training", "学区统筹培养薄弱学校学科带头人和骨干教师",
          "Zones train subject leaders and backbone teachers for weak schools", ZONE,
          "三/(四)/4", "学区要统筹培养薄弱学校的学科带头人和骨干教师"),
    _duty("differentiated_allowance", "按距离远近、艰苦程度差异化补助，提高乡村教师补助标准",
          "Differentiated allowances by distance and hardship; raise rural teachers' allowance",
          BUREAU, "三/(四)/5", "按距离远近、艰苦程度等因素进行差异化补助,提高乡村教师补助标准",
          "teacher.rural_allowance"),
    _duty("unified_curriculum", "学区统一教学内容和教学进度，开发校本课程，开齐开足开好课程",
          "Zones unify teaching content and pace and offer the full curriculum", ZONE,
          "三/(五)/1", "要统一教学内容和教学进度"),
    _duty("joint_research", "学区实行联合教研制度", "Zones run joint teaching research", ZONE,
          "三/(五)/2", "学区要实行学区联合教研制度"),
    _duty("moral_education_team", "学区统筹组建德育工作团队", "Zones form a moral-education team",
          ZONE, "三/(五)/3", "学区要统筹组建德育工作团队"),
    _duty("campus_culture", "学区推进文明校园创建，打造特色校园文化和学区文化",
          "Zones build civilised campuses and a zone culture", ZONE, "三/(五)/4",
          "学区要大力推进文明校园创建活动"),
    _duty("unified_evaluation", "学区统一开展教学质量监测与学生综合素质评价",
          "Zones monitor quality and assess pupils in a unified way", ZONE, "三/(五)/5",
          "学区要统一开展教学质量监测与学生综合素质评价"),
    _duty("leading_group", "成立学区制管理改革工作领导小组及其办公室",
          "Set up the reform leading group and its office", zh_en("区人民政府", "district "
          "government"), "五/(一)", "领导小组下设办公室,办公室设在区教育局"),
    _duty("funding", "统筹安排义务教育相关经费、项目，兼顾学区内和学区间相对均衡",
          "Fund the reform, balancing schools and zones", FINANCE, "五/(二)",
          "区财政要统筹安排义务教育相关经费、项目"),
    _duty("evaluation_system", "建立与学区制改革相适应的考核评价体系和考核评估制度",
          "Build an evaluation system fitted to the reform", BUREAU, "五/(三)",
          "区教育行政部门要建立与学区制管理改革工作相适应的考核评价体系和考核评估制度"),
    _duty("inspection", "定期督导检查和考核评估学区制管理改革",
          "Inspect and assess the reform regularly", zh_en("教育督导部门", "education "
          "inspectorate"), "五/(三)", "对学区制管理改革进行定期督导检查和考核评估"),
    _duty("publicity", "加大宣传力度，动员教师参与学区制改革",
          "Publicise the reform and mobilise teachers", zh_en("全区各有关部门", "all district "
          "departments"), "五/(四)", "全区各有关部门要加大宣传力度"),
)

NARRATIVES = (
    Narrative(C("序", "江政规〔2018〕1 号"), zh_en("本文件文号", "this document's number")),
    Narrative(C("序", "2018125"), zh_en("成文日期（见勘误 E02），为文件元数据",
                                        "date of the document (erratum E02), metadata")),
    Narrative(C("序", "区第一届人民政府第二十五次常务会"),
              zh_en("审议会议的名称", "name of the approving meeting")),
    Narrative(C("序", "桂政办发〔2016168号"), zh_en("上位文件文号", "parent document number")),
    Narrative(C("序", "柳政规〔201710号"), zh_en("上位文件文号", "parent document number")),
    Narrative(C("一", "“三个代表”"), zh_en("政治理论名称", "name of a political theory")),
    Narrative(C("一", "党的十九大"), zh_en("会议名称", "name of a congress")),
    Narrative(C("三/(一)/2", "2016年柳州市全面启动实施的各级各类公民办中小学结对帮扶为基本模式"),
              zh_en("历史事实：柳州市2016年启动结对帮扶", "history: Liuzhou started pairing in 2016")),
)

DOCUMENT_FINDINGS = (
    DocumentFinding(
        "liujiang.finding.enrolment_unaddressed", "promise_without_measure",
        zh_en("目标任务列出“学校招生”统一，但主要措施中没有任何关于学区招生的措施（仅有就近入学原则）",
              "The goals promise unified school enrolment (学校招生) but no measure addresses it "
              "(only the proximity principle)"),
        (C("二", "学校招生"), C("三/(一)/1", "学区内的学生按就近入学的原则安排在相应学校就读"))),
    DocumentFinding(
        "liujiang.finding.forms_named_three_ways", "inconsistent_terms",
        zh_en("“两种形式”之外又提出“学区联盟办学”，且城乡帮扶又称“帮扶联盟”“结对帮扶形式”",
              "Besides the 'two forms' the text adds zone alliances, and names urban-rural "
              "assistance three ways (帮扶联盟, 结对帮扶形式)"),
        (C("三/(一)/2", "学区设置采取集团化办学和城乡帮扶两种形式"),
         C("三/(一)/2", "逐步推行学区联盟办学"), C("三/(二)/1", "采取结对帮扶形式"))),
    DocumentFinding(
        "liujiang.finding.town_school_both_roles", "ambiguous_role",
        zh_en("镇中心小学既是“龙头”学校，又与龙头学校组成学区，角色重叠",
              "Town central primary schools are both lead schools and members of another "
              "lead school's zone"),
        (C("三/(一)/2/(2)", "以办学质量较好的城区、镇中心小学和初中学校为龙头"),
         C("三/(一)/2/(2)", "镇中心小学在与龙头学校组成学区的同时"))),
    DocumentFinding(
        "liujiang.finding.pilot_wording", "inconsistent_terms",
        zh_en("标题为“全面推进”，而领导小组办公室负责“试点工作”",
              "The title says full roll-out, but the office handles a 'pilot'"),
        (C("五/(一)", "具体负责学区制管理改革试点工作的协调、联络和组织实施"),)),
    DocumentFinding(
        "liujiang.finding.party_unnamed_for_rotation", "missing_party",
        zh_en("10%/12%交流轮岗比例未写明责任主体，本库按区教育行政部门编码",
              "The 10%/12% rotation clause names no responsible party; encoded as the "
              "district education authority"),
        (C("三/(四)/3", "全区每年交流轮岗教师的比例"),)),
)


def build(document: Document) -> Policy:
    return Policy(
        name="liujiang", version=document.version, document=document,
        parameters=PARAMETERS, rules=RULES + CHECKLIST, narratives=NARRATIVES, phases=PHASES,
        count_claims=(CountClaim(
            "liujiang.phases", zh_en("实施阶段数", "number of phases"), 3, len(PHASES),
            (C("四", "学区制改革主要分三个阶段进行实施"),)),),
        document_findings=DOCUMENT_FINDINGS,
        data={"stages": [s.value for s in (Stage.PRIMARY, Stage.JUNIOR)]},
        valid_from=VALID_FROM, valid_until=VALID_UNTIL, validity=VALIDITY,
    )
