"""Ziyang's qualitative duties (an inspection checklist), one per normative sentence."""

from __future__ import annotations

from xuequ_policies.ziyang.parties import (
    BUREAU,
    BUREAU_PARTY,
    COMMUNITIES,
    COMMUNITY,
    COMMUNITY_PARTY,
    COMMUNITY_SCHOOLS,
    COMMUNITY_SCHOOLS_SHORT,
    CORE_SCHOOL,
    COUNTY_PARTY,
    DECISION_BODIES,
    DEPARTMENTS,
    EACH_SCHOOL,
    HEAD_SCHOOL,
    LEADING_GROUP,
    SCHOOLS,
    TOWN_SCHOOLS,
    TRAINING_CENTRE,
    C,
)

from xuequ_rules.policy.dsl import Cite, Modality, Rule, Text, duty_maker, zh_en

# Duties whose sentence (and its headings) name no responsible party: encoded with the most
# plausible party and listed in the missing_party finding (their citations and rule ids).
UNNAMED_CITES: list[Cite] = []
UNNAMED_RULES: list[str] = []


_make_duty = duty_maker("ziyang")
_UNNAMED_NOTE = zh_en("原文未写明责任主体，按最可能的主体编码",
                      "the text names no responsible party; the most plausible one is encoded")


def _duty(key: str, zh: str, en: str, party: Text, clause: str, quote: str,
          concept: str | None = None, modality: Modality = Modality.OBLIGATION,
          unnamed: bool = False, extra: tuple[str, ...] = ()) -> Rule:
    rule = _make_duty(key, zh, en, party, clause, quote, concept, modality=modality,
                      note=_UNNAMED_NOTE if unnamed else None,
                      extra=tuple(C(clause, more) for more in extra))
    if unnamed:
        UNNAMED_CITES.append(C(clause, quote))
        UNNAMED_RULES.append(rule.id)
    return rule


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
          COMMUNITY, "二/(一)/1", "各教共体分别成立党委(党总支)",
          extra=("作为功能型党组织负责教共体内重大事项的研究决策和保障落实",)),
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
          "community party committee collectively", DECISION_BODIES, "二/(一)/2",
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
          "推动教共体内部以及教共体之间城乡教师双向交流", "teacher_exchange.system", unnamed=True,
          extra=("健全教共体内部教师交流机制",)),
    _duty("exchange_principles", "按“总量控制、身份不变、结构合理、盘活优化、促进均衡”的原则开展教师交流（交流不改变教师身份）",
          "Teacher exchange keeps within the total, keeps teachers' employment status and "
          "balances the structure", BUREAU, "二/(二)/4",
          "按照“总量控制、身份不变、结构合理、盘活优化、促进均衡”的原则", unnamed=True),
    _duty("exchange_activities", "根据办学需要开展管理人员和学科教师交流轮岗、跟岗锻炼、走教支教等双向交流",
          "Run rotation, shadowing and itinerant teaching between schools as needed",
          COMMUNITY, "二/(二)/4",
          "开展教共体内学校管理人员和学科教师交流轮岗、跟岗锻炼、走教支教等双向交流互动",
          unnamed=True),
    _duty("teacher_learning_communities", "成立城乡教师学习共同体，吸纳乡村教师加入名优骨干教师学习共同体",
          "Set up urban-rural teacher learning communities open to rural teachers", COMMUNITY,
          "二/(二)/5", "成立城乡教师学习共同体", unnamed=True,
          extra=("吸纳一批乡村学校教师加入名师工作室、学带工作坊、能手工作站等名优骨干教师学习共同体",)),
    _duty("subject_groups", "组建教共体内学科小组，开展师徒结对、青蓝工程等活动",
          "Form subject groups and run mentoring programmes within the community", COMMUNITY,
          "二/(二)/5", "组建教共体内学科小组,发挥骨干教师示范引领作用", unnamed=True,
          extra=("开展师徒结对、青蓝工程、“三员”研训、骨干引领等活动",)),
    _duty("teacher_training", "统筹使用国培、省培等培训资源，加强教共体内教师分层分类培养培训",
          "Pool national and provincial training and train teachers by level and type",
          BUREAU, "二/(二)/6", "统筹使用国培、省培等各类培训资源,加强教共体内教师培养培训",
          unnamed=True),
    _duty("tiered_teacher_development", "根据教师专业成长需要分层分类培养，搭建多样化教师发展载体",
          "Develop teachers by level and type with varied development platforms", BUREAU,
          "二/(二)/6", "根据教师专业成长实际需要,进行分层分类培养,搭建多样化教师发展载体",
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
          "Schools' operating spending is managed by quotas", EACH_SCHOOL, "二/(三)/7",
          "教共体各校公用经费支出实行定额管理"),
    _duty("new_schools_in_spatial_plan", "研判学龄人口变化，将新建学校纳入全县国土空间总体规划",
          "Track school-age population and put new schools in the county spatial plan",
          BUREAU, "二/(三)/8", "将新建学校纳入全县国土空间总体规划", unnamed=True),
    _duty("layout_optimisation", "鼓励教共体内部优化教育布局，适当整合乡村小规模学校，改造提升寄宿制学校",
          "Communities are encouraged to optimise their layout, merge small rural schools and "
          "upgrade boarding schools", COMMUNITIES, "二/(三)/8",
          "鼓励教共体内部优化教育布局,适当整合小、散、弱的乡村小规模学校,改造提升乡镇寄宿制学校",
          modality=Modality.PERMISSION),
    _duty("weak_schools_support", "重点支持薄弱学校基础能力提升，力争功能部室、场地设施设备同步达标",
          "Support weak schools' basic capacity; strive for facilities to meet standards",
          BUREAU, "二/(三)/8", "重点支持薄弱学校基础能力提升", unnamed=True,
          extra=("力争体育、艺术、卫生、信息技术、综合实践以及图书馆、实验室等功能部室、场地设施设备同步达标",)),
    _duty("rural_canteens_dormitories", "加大乡村学校食堂、宿舍等标准化建设力度",
          "Step up standard canteens and dormitories in rural schools", BUREAU, "二/(三)/8",
          "加大乡村学校食堂、宿舍等标准化建设力度", unnamed=True),
    _duty("resource_sharing", "教共体内各学校教育教学设施设备、校本课程等教学资源实行共享",
          "Schools of a community share facilities, school-based courses and teaching "
          "resources", COMMUNITY_SCHOOLS, "二/(三)/9",
          "教共体内各学校教育教学设施设备、校本课程、教学设计、辅助资料、模拟题库等教学资源实行共享",
          "zone.resource_sharing"),
    _duty("digital_platforms", "充分利用智慧教育平台等资源，常态化按需应用“专递课堂”“名师课堂”“名校网络课堂”",
          "Use the smart-education platforms and online classrooms routinely", COMMUNITY_SCHOOLS_SHORT,
          "二/(三)/9", "教共体学校充分利用中小学智慧教育平台、陕西教育扶智平台等资源",
          extra=("开展“专递课堂”“名师课堂”“名校网络课堂”常态化按需应用",)),
    _duty("online_research", "教共体定期组织网络教研和教学诊断", "Communities hold regular online "
          "research and teaching diagnosis", COMMUNITIES, "二/(三)/9",
          "教共体定期组织网络教研和教学诊断"),
    # 二/(四) 文化共融
    _duty("teacher_ethics", "加强教共体师德师风建设", "Build teachers' professional ethics in the "
          "communities", COMMUNITY, "二/(四)/10", "加强教共体师德师风建设", unnamed=True,
          extra=("大力弘扬教育家精神",)),
    _duty("five_strands_of_education", "深化五育并举，推动立德树人根本任务落地生根",
          "Educate the whole child (moral, intellectual, physical, aesthetic, labour)",
          COMMUNITY_SCHOOLS, "二/(四)/11", "深化五育并举,推动立德树人根本任务落地生根", unnamed=True),
    _duty("cultural_integration", "强化教共体内文化融合共生，深入推进“一校一品”建设",
          "Integrate the communities' school cultures; one speciality per school", COMMUNITY,
          "二/(四)/11", "强化教共体内文化融合共生", unnamed=True,
          extra=("促进核心校与成员校在核心价值、管理机制、办学理念和文化体系等方面的合理再造与重构", "深入推进“一校一品”建设",)),
    _duty("inter_school_activities", "定期组织校际艺术节、体育节等活动和学生交流互动",
          "Hold regular inter-school festivals and pupil exchanges", COMMUNITY, "二/(四)/12",
          "定期组织校际间艺术节、体育节、科技节、文化节", unnamed=True,
          extra=("定期选派不同年级、不同层次学生进行学习交流、互动体验",)),
    _duty("pupil_practice_exchanges", "开展教共体内学生研学实践、劳动实践、联谊互助和展演竞赛等互动交流活动",
          "Run study trips, labour practice and shows for pupils across the community",
          COMMUNITY, "二/(四)/12",
          "开展教共体内学生研学实践、劳动实践、联谊互助和学生体艺特长展演、综合素质竞赛、劳动成果展示等互动交流活动",
          unnamed=True),
    # 二/(五) 考核共评
    _duty("evaluation_system", "建立教共体考核评价制度，实行捆绑式考核，把成员校发展作为核心校考核的重要依据",
          "Evaluate communities jointly, judging core schools by their members' progress",
          BUREAU, "二/(五)/13", "建立科学的教共体考核评价制度",
          extra=("实行捆绑式考核", "把成员校发展进步、办学水平提升等情况作为对核心校考核的重要依据", "县教体局负责",)),
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
          "community.action_plan_years",
          extra=("明确办学理念、发展目标、管理体制,建立健全议事规则、组织架构、运行机制、决策程序和相关管理制度",)),
    _duty("community_centres", "各教共体成立综合协调、教学协同、教师发展、资源保障等中心",
          "Each community sets up coordination, teaching, teacher-development and resource "
          "centres", COMMUNITY, "二/(六)/14",
          "各教共体成立综合协调中心、教学协同中心、教师发展中心、资源保障中心等机构",
          extra=("建立工作交流平台",)),
    _duty("operating_rules", "制定出台教共体运行管理办法及教师交流、财务管理、资产管理等配套制度",
          "Issue the communities' operating rules and supporting rules on exchange, finance "
          "and assets", BUREAU, "二/(六)/14",
          "制定出台教共体运行管理办法及教师交流、财务管理、资产管理等配套制度", unnamed=True),
    _duty("joint_meetings", "建立教共体党政联席会议、校长办公会议制度和议事规则",
          "Set up joint party-administration meetings, principals' meetings and rules of "
          "procedure", COMMUNITY, "二/(六)/14",
          "建立教共体党政联席会议、校长办公会议制度和议事规则", unnamed=True,
          extra=("健全完善集中决策、民主管理、组织协调等运行机制",)),
    # 二/(七) 教学管理一体化
    _duty("six_unifications", "教共体实行“六统一”管理", "Communities unify the six matters",
          COMMUNITY, "二/(七)/15", "教共体实行“六统一”管理", "community.six_unifications"),
    _duty("curriculum_and_plans", "各教共体统一制定课程设置方案和教学工作计划，统筹安排教学常规管理",
          "Each community sets one curriculum plan and teaching plan and coordinates routine "
          "teaching management", COMMUNITY, "二/(七)/15",
          "各教共体负责统一制定课程设置方案和教学工作计划",
          extra=("统筹安排各学校教育教学常规管理工作",)),
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
          "community", CORE_SCHOOL, "二/(八)/16", "核心校牵头建立同学段学科教研组、备课组",
          extra=("开展联合备课、教研协作、同课异构、同步课堂、学科沙龙、专题论坛等活动",)),
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
          "二/(九)/17", "依据考核情况兑现名优骨干教师津贴", unnamed=True,
          extra=("落实《紫阳县名优骨干教师奖励激励实施办法(试行)》",)),
    _duty("principal_grade_reform", "推进校长职级制改革，对优秀校长重点培养、优先选拔任用",
          "Advance the principal grade reform and promote excellent principals", BUREAU,
          "二/(九)/17", "积极推进中小学校长职级制改革", unnamed=True),
    # 二/(十) 工作督导清单化
    _duty("task_list_supervision", "形成重点工作任务清单，明确牵头部门、责任单位、督办领导、完成时限，定期督导检查",
          "Keep a task list naming lead units, responsible units, supervisors and deadlines, "
          "and inspect regularly", LEADING_GROUP, "二/(十)/18",
          "形成重点工作任务清单,明确牵头部门、责任单位、督办领导、完成时限,定期督导检查",
          unnamed=True,
          extra=("梳理教共体建设重点工作", "加强运行监测和跟踪指导,确保工作实效")),
)
