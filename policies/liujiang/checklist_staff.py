"""Liujiang 2018: duties on staff (三/(四)), teaching quality (三/(五)) and safeguards (五)."""

from __future__ import annotations

from xuequ_policies.liujiang.parameters import (
    BUREAU,
    BUREAU_UNNAMED,
    DEPARTMENTS,
    FINANCE,
    GOVERNMENT,
    INSPECTORATE,
    OFFICE,
    ZONE,
    C,
)

from xuequ_rules.policy.dsl import Modality, Rule, duty_maker, zh_en

_duty = duty_maker("liujiang")
PERMIT = Modality.PERMISSION
DEFINE = Modality.DEFINITION

# 三/(四) 加强学区队伍建设
STAFF: tuple[Rule, ...] = (
    _duty("zone_managers_concurrent", "加强学区管理人员配备；学区负责人和管理人员均由各学校工作人员兼任",
          "Staff the zone management; all zone heads and managers are school staff holding "
          "the role concurrently", BUREAU_UNNAMED, "三/(四)/1",
          "具体负责人及管理人员若干名,均由各学校工作人员兼任", "zone.managers_concurrent",
          modality=DEFINE, extra=(C("三/(四)/1", "加强学区管理人员配备"),)),
    _duty("zone_managers_training", "定期组织学区管理人员学习和交流",
          "Train zone managers regularly", BUREAU_UNNAMED, "三/(四)/1",
          "定期组织学区管理人员学习和交流"),
    _duty("zone_leader_reserve", "加强学区管理后备人才储备，重点培养一批优秀学区管理人才",
          "Build a reserve of zone leaders from managers, subject leaders and backbone teachers",
          BUREAU_UNNAMED, "三/(四)/1",
          "加强学区管理后备人才储备,从学校管理人员、学科带头人和骨干教师中重点培养一批优秀学区管理人才"),
    _duty("staffing_quota", "合理核定中小学教职工编制总量控制数，盘活编制存量，提高使用效益",
          "Set the staffing quota, reuse unused posts and use them well", GOVERNMENT, "三/(四)/2",
          "合理核定中小学教职工编制总量控制数,盘活编制存量,提高使用效益"),
    _duty("subject_teachers", "配齐配足各学科合格教师，重点向村小学、教学点倾斜",
          "Staff every subject with qualified teachers, favouring village schools and teaching "
          "points", BUREAU_UNNAMED, "三/(四)/2", "配齐配足各学科合格教师,重点向村小学、教学点倾斜"),
    _duty("county_managed_teachers", "全面推进教师“区管校聘”改革，统筹调配教师资源，实现学区师资配备基本均衡",
          "Carry out the district-managed, school-hired teacher reform and balance staffing "
          "across zones", BUREAU_UNNAMED, "三/(四)/2", "全面推进教师“区管校聘”改革",
          "teacher.county_managed_school_hired",
          extra=(C("三/(四)/2", "统筹调配教师资源,着力解决乡村教师结构性缺员和城镇师资不足等问题,实现学区师资配备基本均衡"),)),
    _duty("rotation_system", "建立健全校级领导、教师定期轮岗交流制度",
          "Establish regular rotation of school leaders and teachers", BUREAU_UNNAMED, "三/(四)/3",
          "建立健全校级领导、教师定期轮岗交流制度", "teacher_exchange.system",
          extra=(C("三/(四)/3", "通过跨校兼课、支教、走教、轮岗等方式促进交流"),)),
    _duty("zone_allocates_teachers", "支持学区统一调配教师，使教师从“学校人”转化为“学区人”“系统人”",
          "Zones may allocate teachers across the zone (supported)", ZONE, "三/(四)/3",
          "支持学区统一调配教师,使教师从“学校人”转化为“学区人”、“系统人”",
          "zone.teacher_allocation", modality=PERMIT,
          note=zh_en("“支持”是许可：学区统一调配教师得到支持，不调配不构成违反。",
                     "'Support' is a permission: not allocating is no breach.")),
    _duty("zone_training_permitted", "支持学区开展以学区为单位的教师培训、校本培训",
          "Zones may run zone-wide and school-based teacher training (supported)", ZONE,
          "三/(四)/4", "支持学区开展以学区为单位的教师培训、校本培训,提升教师教科研能力和水平",
          "zone.teacher_training", modality=PERMIT,
          note=zh_en("“支持”是许可：不开展不构成违反。", "'Support' is a permission: no breach "
                     "if not done.")),
    _duty("zone_training", "学区统筹培养薄弱学校学科带头人和骨干教师",
          "Zones train subject leaders and backbone teachers for weak schools", ZONE,
          "三/(四)/4", "学区要统筹培养薄弱学校的学科带头人和骨干教师",
          extra=(C("三/(四)/4", "通过共建教学团队和名师工作室、特级教师工作坊等方式,整体提升教师专业发展水平"),)),
    _duty("post_structure_titles", "完善岗位结构比例和职称评聘政策措施，吸引优秀教师向农村、薄弱学校流动",
          "Improve post-structure ratios and title rules to draw good teachers to rural and "
          "weak schools", GOVERNMENT, "三/(四)/5",
          "完善义务教育学校岗位结构比例和职称评聘政策措施,吸引优秀教师向农村学校、薄弱学校流动"),
    _duty("rotation_plan_revision", "进一步调整、完善区域内教师轮岗交流实施方案",
          "Revise the district's teacher-rotation implementation plan", BUREAU_UNNAMED,
          "三/(四)/5", "根据推进学区制改革的需要,进一步调整、完善区域内教师轮岗交流实施方案"),
    _duty("differentiated_allowance", "按距离远近、艰苦程度差异化补助，提高乡村教师补助标准",
          "Differentiated allowances by distance and hardship; raise rural teachers' allowance",
          GOVERNMENT, "三/(四)/5", "按距离远近、艰苦程度等因素进行差异化补助,提高乡村教师补助标准",
          "teacher.rural_allowance"),
)

# 三/(五) 全面提高学区教育质量 — every item names 学区 as its party
QUALITY: tuple[Rule, ...] = (
    _duty("teaching_cooperation", "学区建立健全教育教学协作机制，加强课程教学实施的统筹",
          "Zones set up teaching cooperation and coordinate the curriculum", ZONE, "三/(五)/1",
          "学区要建立健全教育教学协作机制,加强课程教学实施的统筹"),
    _duty("unified_curriculum", "学区推进教学常规管理，统一教学内容和教学进度",
          "Zones run routine teaching management and unify teaching content and pace", ZONE,
          "三/(五)/1", "要统一教学内容和教学进度",
          extra=(C("三/(五)/1", "按照国家课程设置方案和课程标准,扎实推进教学常规管理"),)),
    _duty("school_based_curriculum", "学区开发特色校本课程，建立学科课程体系，共建特色课程资源",
          "Zones develop school-based courses, a subject curriculum system and shared course "
          "resources", ZONE, "三/(五)/1", "要基于国家课程标准开发富有特色的校本课程",
          extra=(C("三/(五)/1", "建立必修、选修与社团活动相统一的学科课程体系,共建特色课程教学资源"),)),
    _duty("full_curriculum", "确保开齐开足开好课程", "Offer the full curriculum", ZONE,
          "三/(五)/1", "确保开齐开足开好课程", "curriculum.full_offer"),
    _duty("joint_research", "学区实行联合教研制度，统筹开展备课、研讨、观摩、课题研究",
          "Zones run joint teaching research", ZONE, "三/(五)/2", "学区要实行学区联合教研制度",
          extra=(C("三/(五)/2", "统筹开展学科备课、教学研讨、听课观摩、课题研究等活动"),)),
    _duty("classroom_reform", "加强学生差异化研究，开展课堂教学改革，促进学科教学与德育、美育融合",
          "Study pupils' differences, reform classroom teaching and join subjects with moral "
          "and aesthetic education", ZONE, "三/(五)/2",
          "加强学区内学生差异化研究,开展课堂教学改革,促进学科教学与德育、美育的融合,发挥学科教学综合育人功能"),
    _duty("research_with_universities", "学区协同高校、教学科研机构开展教育教学研究",
          "Zones research teaching with universities and research institutes", ZONE, "三/(五)/2",
          "学区要协同高校、教学科研机构开展教育教学研究",
          extra=(C("三/(五)/2", "构建理论与实践相结合的协同创新教学研究新格局"),)),
    _duty("moral_education_team", "学区统筹组建德育工作团队，共同推进德育工作，共享德育资源",
          "Zones form a moral-education team and share its resources", ZONE, "三/(五)/3",
          "学区要统筹组建德育工作团队,共同研究和推进学区德育工作,共享德育资源"),
    _duty("pe_and_arts", "整合体育艺术教育资源，培养学生健康体魄和艺术素养",
          "Pool PE and arts resources for pupils' health and artistic literacy", ZONE,
          "三/(五)/3", "注重学生综合素质提升,整合体育艺术教育资源,培养学生健康体魄和艺术素养"),
    _duty("joint_activities", "加强劳动、家庭、心理健康教育协作，组织学区内学生共同参加科技、社团、社会实践等活动",
          "Cooperate on labour, family and mental-health education; hold joint pupil "
          "activities", ZONE, "三/(五)/3",
          "加强劳动教育、家庭教育、心理健康教育的协作,组织协调开展学区内学校学生共同参加科技、社团、社会实践等活动"),
    _duty("campus_culture", "学区推进文明校园创建，打造特色校园文化和学区文化",
          "Zones build civilised campuses and a zone culture", ZONE, "三/(五)/4",
          "学区要大力推进文明校园创建活动,着力打造特色校园文化和学区文化",
          extra=(C("三/(五)/4", "从学校物质文化、精神文化、制度文化等方面拓展延伸,加快融合"),
                 C("三/(五)/4", "构建互励共进的学区文化,形成“一校一特色、一学区一品牌”的良好育人环境"),)),
    _duty("unified_evaluation", "学区统一开展教学质量监测与学生综合素质评价",
          "Zones monitor quality and assess pupils in a unified way", ZONE, "三/(五)/5",
          "学区要统一开展教学质量监测与学生综合素质评价",
          extra=(C("三/(五)/5", "注重综合考查学生发展情况"),
                 C("三/(五)/5", "加强学区内学校教学质量监测、综合分析与整改提高"))),
    _duty("developmental_evaluation", "注重发展性评价，发挥评价促进学生成长、教师发展和改进教学的功能",
          "Favour developmental assessment", ZONE, "三/(五)/5",
          "注重发展性评价,发挥评价促进学生成长、教师发展和改进教学实践的功能"),
)

# 五、保障措施
SAFEGUARDS: tuple[Rule, ...] = (
    _duty("leading_group", "成立学区制管理改革工作领导小组及其办公室",
          "Set up the reform leading group and its office", GOVERNMENT, "五/(一)",
          "领导小组下设办公室,办公室设在区教育局",
          extra=(C("五/(一)", "成立工作领导小组"), C("五/(一)", "组长:韦菲菲"),
                 C("五/(一)", "副组长:覃金辉"), C("五/(一)", "成员:韦定国"))),
    _duty("office_coordination", "领导小组办公室负责学区制管理改革的协调、联络和组织实施",
          "The leading group's office coordinates and organises the reform", OFFICE, "五/(一)",
          "具体负责学区制管理改革试点工作的协调、联络和组织实施"),
    _duty("funding", "统筹安排义务教育相关经费、项目，兼顾学区内和学区间相对均衡",
          "Fund the reform, balancing schools and zones", FINANCE, "五/(二)",
          "区财政要统筹安排义务教育相关经费、项目,保障学区制管理改革工作顺利推进",
          extra=(C("五/(二)", "经费项目安排要充分考虑学区内学校间及学区间的相对均衡"),)),
    _duty("evaluation_system", "建立与学区制改革相适应的考核评价体系和考核评估制度",
          "Build an evaluation system fitted to the reform", BUREAU, "五/(三)",
          "区教育行政部门要建立与学区制管理改革工作相适应的考核评价体系和考核评估制度"),
    _duty("inspection", "定期督导检查和考核评估学区制管理改革，科学运用督查结果",
          "Inspect and assess the reform regularly and use the results", INSPECTORATE, "五/(三)",
          "对学区制管理改革进行定期督导检查和考核评估",
          extra=(C("五/(三)", "教育督导部门要结合义务教育均衡发展及督学责任区工作"),
                 C("五/(三)", "科学合理运用督查结果"))),
    _duty("publicity", "加大宣传力度，动员教师参与学区制改革，营造良好舆论氛围",
          "Publicise the reform, mobilise teachers and build public support", DEPARTMENTS,
          "五/(四)", "全区各有关部门要加大宣传力度",
          extra=(C("五/(四)", "充分利用报纸、电视、广播、网络、微信、微博等媒体"),
                 C("五/(四)", "要广泛动员广大义务教育学校教师积极参与和投身到学区制管理改革事业中"),
                 C("五/(四)", "要在全社会营造重视、支持义务教育学区制管理改革的良好舆论氛围"))),
)
