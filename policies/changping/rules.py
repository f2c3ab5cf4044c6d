"""Changping (republished text, undated): every normative provision, cited to its clause."""

from __future__ import annotations

from xuequ_policies.changping.lifecycle import VALID_FROM, VALID_UNTIL, VALIDITY

from xuequ_rules.document.document import Document
from xuequ_rules.facts.model import Stage
from xuequ_rules.policy.dsl import (
    Cite,
    Decimal,
    DocumentFinding,
    Modality,
    Narrative,
    Parameter,
    Policy,
    Rule,
    Unit,
    dt,
    duty_maker,
    f,
    zh_en,
)
from xuequ_rules.policy.expr import Expr

C = Cite
BUREAU = zh_en("区教委", "district education commission")
GOVERNMENT = zh_en("区政府", "district government")
SCHOOLS = zh_en("中小学校", "primary and secondary schools")
DEPARTMENTS = zh_en("发展改革、财政、人力社保、编制、规划、经济信息化等部门",
                    "development and reform, finance, human resources, staffing, planning, "
                    "economy and IT departments")
TARGET_DEADLINE = dt.date(2020, 12, 31)

# ── parameters ────────────────────────────────────────────────────────────────
TARGET_YEAR = Parameter(
    id="changping.targets.year", value=2020, unit=Unit.YEAR,
    label=zh_en("工作目标的目标年", "target year of the goals"),
    concept="plan.target_year", cites=(C("二", "到2020年"),))
FAMOUS_SCHOOLS = Parameter(
    id="changping.famous_schools.target", value=12, unit=Unit.SCHOOLS,
    label=zh_en("到2020年引进名校数", "renowned schools brought in by 2020"),
    concept="district.famous_schools_introduced", cites=(C("二", "引进名校达到12所"),))
AFFILIATED_SCHOOLS = Parameter(
    id="changping.affiliated_schools.target", value=6, unit=Unit.SCHOOLS,
    label=zh_en("到2020年大学与中小学合作建立的附中、附小数",
                "university-affiliated schools set up by 2020"),
    concept="district.university_affiliated_schools",
    cites=(C("二", "大学与中小学合作建立附中、附小达到6所"),))
SUPPORTED_PRIMARY = Parameter(
    id="changping.university_supported_primary.target", value=10, unit=Unit.SCHOOLS,
    label=zh_en("到2020年高校支持的小学数（高参小）",
                "primary schools supported by universities (高参小) by 2020"),
    concept="district.university_supported_primary_schools",
    cites=(C("二", "高校支持小学达到10所"),))
CONSTRUCTION_PROJECTS = Parameter(
    id="changping.construction_projects.target", value=17, unit=Unit.COUNT,
    label=zh_en("到2020年实施的中小学新建、改扩建项目数",
                "school new-build and rebuild/expansion projects by 2020"),
    concept="construction.projects", cites=(C("二", "实施中小学新建、改扩建项目17个"),))
BACKBONE_SHARE = Parameter(
    id="changping.backbone_teachers.share", value=Decimal("0.30"), unit=Unit.RATIO,
    label=zh_en("到2020年市、区级骨干教师占专任教师的比例",
                "share of city/district backbone teachers among full-time teachers by 2020"),
    concept="teachers.backbone_share",
    cites=(C("二", "市、区级骨干教师占专任教师比例达到30%"),))
SPORTS_SKILLS = Parameter(
    id="changping.students.sports_skills", value=2, unit=Unit.COUNT,
    label=zh_en("每名学生至少掌握的体育运动技能项数（“2+1”中的2）",
                "sports skills each pupil masters at least (the 2 of 2+1)"),
    concept="students.sports_skills_min",
    cites=(C("三/(二)/4", "实施体育、艺术“2+1”工程,保证每名学生至少学习掌握两项体育运动技能和一项艺术技能"),))
ART_SKILLS = Parameter(
    id="changping.students.art_skills", value=1, unit=Unit.COUNT,
    label=zh_en("每名学生至少掌握的艺术技能项数（“2+1”中的1）",
                "art skills each pupil masters at least (the 1 of 2+1)"),
    concept="students.art_skills_min",
    cites=(C("三/(二)/4", "实施体育、艺术“2+1”工程,保证每名学生至少学习掌握两项体育运动技能和一项艺术技能"),))
YOUTH_PALACES = Parameter(
    id="changping.youth_palace.count", value=1, unit=Unit.COUNT,
    label=zh_en("建设的软硬件达标少年宫数", "youth palaces meeting the standard to build"),
    concept="district.youth_palaces",
    cites=(C("三/(二)/4", "建设一所软硬件达标的少年宫"),))
EXCELLENT_COURSES = Parameter(
    id="changping.school_courses.excellent", value=100, unit=Unit.COUNT,
    label=zh_en("培植成为区级优秀课程的校本课程数（门）",
                "school-based courses to become district-level excellent courses"),
    concept="curriculum.excellent_school_courses",
    cites=(C("三/(二)/5", "突出各校办学特色的100门校本课程成为区级优秀课程"),))
PRIVATE_MIN = Parameter(
    id="changping.private_schools.min", value=3, unit=Unit.SCHOOLS,
    label=zh_en("打造高水平、有特色的民办中小学数（下限）",
                "high-level distinctive private schools to build (lower end)"),
    concept="private_schools.quality_count",
    cites=(C("三/(五)/15", "打造3-5所高水平、有特色的民办中小学"),))
PRIVATE_MAX = Parameter(
    id="changping.private_schools.max", value=5, unit=Unit.SCHOOLS,
    label=zh_en("打造高水平、有特色的民办中小学数（上限）",
                "high-level distinctive private schools to build (upper end)"),
    concept="private_schools.quality_count_upper",
    note=zh_en("“3-5所”是计划区间，上限不是禁止性上限，故不据以判定违规。",
               "The range 3-5 is a plan; its upper end is not a cap, so no rule tests it."),
    cites=(C("三/(五)/15", "打造3-5所高水平、有特色的民办中小学"),))

PARAMETERS = (TARGET_YEAR, FAMOUS_SCHOOLS, AFFILIATED_SCHOOLS, SUPPORTED_PRIMARY,
              CONSTRUCTION_PROJECTS, BACKBONE_SHARE, SPORTS_SKILLS, ART_SKILLS, YOUTH_PALACES,
              EXCELLENT_COURSES, PRIVATE_MIN, PRIVATE_MAX)

NO_DEADLINE = zh_en("文件未给出期限：每个年度记录都按本要求判定；见文件问题 "
                    "changping.finding.targets_without_deadline。",
                    "The text sets no deadline, so every yearly record is judged against it; "
                    "see document finding changping.finding.targets_without_deadline.")


def _target(key: str, zh: str, en: str, requires: Expr, concept: str,
            quote: str) -> Rule:
    return Rule(id=f"changping.target.{key}", title=zh_en(zh, en), kind=Modality.TARGET,
                party=BUREAU, subject="district_indicators", applies=f.year.eq(TARGET_YEAR),
                requires=requires, deadline=TARGET_DEADLINE, concept=concept,
                cites=(C("二", "到2020年"), C("二", quote)))


# ── quantitative rules ─────────────────────────────────────────────────────────
RULES: tuple[Rule, ...] = (
    _target("famous_schools", "到2020年引进名校达到12所",
            "12 renowned schools brought in by 2020",
            f.famous_schools_introduced >= FAMOUS_SCHOOLS,
            "district.famous_schools_introduced", "引进名校达到12所"),
    _target("affiliated_schools", "到2020年大学与中小学合作建立附中、附小达到6所",
            "6 university-affiliated schools by 2020",
            f.university_affiliated_schools >= AFFILIATED_SCHOOLS,
            "district.university_affiliated_schools",
            "借助北京市“高办小”项目,大学与中小学合作建立附中、附小达到6所"),
    _target("university_supported_primary", "到2020年高校支持小学达到10所（高参小）",
            "10 primary schools supported by universities (高参小) by 2020",
            f.university_supported_primary_schools >= SUPPORTED_PRIMARY,
            "district.university_supported_primary_schools",
            "借助“高参小”项目,高校支持小学达到10所"),
    _target("construction_projects", "到2020年实施中小学新建、改扩建项目17个",
            "17 school new-build or rebuild/expansion projects by 2020",
            f.construction_projects >= CONSTRUCTION_PROJECTS, "construction.projects",
            "实施中小学新建、改扩建项目17个"),
    _target("backbone_share", "到2020年市、区级骨干教师占专任教师比例达到30%",
            "City/district backbone teachers reach 30% of full-time teachers by 2020",
            f.backbone_teachers >= BACKBONE_SHARE * f.fulltime_teachers,
            "teachers.backbone_share", "市、区级骨干教师占专任教师比例达到30%"),
    Rule(id="changping.students.two_plus_one",
         title=zh_en("每名学生至少学习掌握两项体育运动技能和一项艺术技能（“2+1”）",
                     "Every pupil masters at least two sports skills and one art skill (2+1)"),
         kind=Modality.OBLIGATION, party=SCHOOLS, subject="students",
         requires=(f.sports_skills >= SPORTS_SKILLS) & (f.art_skills >= ART_SKILLS),
         concept="students.two_plus_one",
         cites=(C("三/(二)/4", "保证每名学生至少学习掌握两项体育运动技能和一项艺术技能"),)),
    Rule(id="changping.youth_palace.built",
         title=zh_en("建设一所软硬件达标的少年宫", "Build one youth palace meeting the standard"),
         kind=Modality.OBLIGATION, party=BUREAU, subject="district_indicators",
         requires=f.youth_palaces_up_to_standard >= YOUTH_PALACES,
         concept="district.youth_palaces", note=NO_DEADLINE,
         cites=(C("三/(二)/4", "建设一所软硬件达标的少年宫"),)),
    Rule(id="changping.school_courses.excellent",
         title=zh_en("培植100门校本课程成为区级优秀课程",
                     "Develop 100 school-based courses into district-level excellent courses"),
         kind=Modality.OBLIGATION, party=BUREAU, subject="district_indicators",
         requires=f.excellent_school_based_courses >= EXCELLENT_COURSES,
         concept="curriculum.excellent_school_courses", note=NO_DEADLINE,
         cites=(C("三/(二)/5", "培植涵盖各大学习领域、突出各校办学特色的100门校本课程成为区级优秀课程"),)),
    Rule(id="changping.private_schools.quality",
         title=zh_en("打造3-5所高水平、有特色的民办中小学",
                     "Build 3-5 high-level, distinctive private schools"),
         kind=Modality.OBLIGATION, party=BUREAU, subject="district_indicators",
         requires=f.quality_private_schools >= PRIVATE_MIN,
         concept="private_schools.quality_count",
         note=zh_en("按区间下限3所判定；上限5所不是禁止性上限。文件未给出期限。",
                    "Judged against the lower end (3); the upper end (5) is not a cap. The "
                    "text sets no deadline."),
         cites=(C("三/(五)/15", "打造3-5所高水平、有特色的民办中小学"),)),
    Rule(id="changping.teacher_pay.not_below_civil_servants",
         title=zh_en("教师平均工资不低于当地公务员平均工资水平",
                     "Average teacher pay is not below local civil servants' average pay"),
         kind=Modality.OBLIGATION, party=GOVERNMENT, subject="district_indicators",
         requires=f.teacher_average_pay >= f.civil_servant_average_pay,
         concept="teacher.pay_not_below_civil_servants",
         cites=(C("三/(四)/14", "依法保障落实教师平均工资不低于当地公务员平均工资水平"),)),
)


_duty = duty_maker("changping")


CHECKLIST: tuple[Rule, ...] = (
    # (一) 资源配置
    _duty("zones_and_groups", "开展学区制管理和集团化办学改革",
          "Carry out the school-zone and education-group reform", BUREAU, "三/(一)/1",
          "开展学区制管理和集团化办学改革", "zone.reform"),
    _duty("social_support", "发挥驻昌高校、科研院所和社会机构优势支持中小学发展",
          "Draw on universities, research institutes and social bodies to support schools",
          BUREAU, "三/(一)/2", "充分发挥驻昌高校、科研院所和社会机构优势参与支持中小学发展"),
    _duty("support_projects", "继续做好做强高校、教科研部门、民办机构支持中小学的项目",
          "Continue the university, research-unit and private-provider support projects",
          BUREAU, "三/(一)/2",
          "继续做好做强“高校支持中小学发展创办附中附小”“教科研部门支持中小学发展”“民办机构参与中小学学科教学改革”等项目"),
    _duty("digital_campus", "逐步完成校园数字化改造与升级",
          "Complete the digital upgrade of campuses step by step", BUREAU, "三/(一)/3",
          "逐步完成校园数字化改造与升级"),
    _duty("education_cloud", "整合区、校教育信息平台，建设昌平教育云中心",
          "Integrate information platforms and build the Changping education cloud centre",
          BUREAU, "三/(一)/3", "建设昌平教育云中心"),
    _duty("online_classes", "开通同步网络课堂，利用“北京数字学校”资源",
          "Open synchronous online classes using Beijing Digital School resources", BUREAU,
          "三/(一)/3", "开通同步网络课堂"),
    # (二) 育人质量
    _duty("moral_education", "把德育贯穿到育人的全过程", "Moral education throughout schooling",
          SCHOOLS, "三/(二)/4", "把德育贯穿到育人的全过程"),
    _duty("three_loves_mechanism", "建立爱祖国、爱学习、爱劳动的长效机制",
          "Build a lasting mechanism for love of country, learning and work", SCHOOLS,
          "三/(二)/4", "建立爱祖国、爱学习、爱劳动的长效机制"),
    _duty("conservation_and_safety", "开展节水、节电、节粮教育和安全教育",
          "Teach saving water, power and food, and safety", SCHOOLS, "三/(二)/4",
          "推动开展节水、节电、节粮教育和安全教育"),
    _duty("comprehensive_evaluation", "落实中小学生综合素质评价工作",
          "Carry out pupils' comprehensive quality evaluation", SCHOOLS, "三/(二)/4",
          "落实中小学生综合素质评价工作", "students.comprehensive_evaluation"),
    _duty("sports_programmes", "推动开展“三大球”、中华传统体育、冰雪运动等项目",
          "Promote football, basketball, volleyball, traditional and winter sports", SCHOOLS,
          "三/(二)/4",
          "加快推动开展“三大球”(足球、篮球、排球)、中华传统体育、冰雪运动等体育运动项目"),
    _duty("science_activities", "加强中小学科技活动管理，注重校外与校内衔接",
          "Manage science activities, linking in- and out-of-school activities", BUREAU,
          "三/(二)/4", "加强对中小学科技活动的管理,注重科技活动校外与校内的衔接"),
    _duty("curriculum_plan", "完善义务教育课程设置方案，整合三级课程",
          "Improve the curriculum plan and integrate the three curriculum levels", BUREAU,
          "三/(二)/5", "完善义务教育课程设置方案,深化国家课程、地方课程和校本课程整合"),
    _duty("three_level_curriculum", "加强三级课程一体化建设，建设区三级课程体系",
          "Integrate the three curriculum levels into a district system", BUREAU, "三/(二)/5",
          "加强三级课程一体化建设"),
    _duty("law_education", "落实《青少年法治教育大纲》，推进法治教育系统化",
          "Implement the youth rule-of-law education outline", SCHOOLS, "三/(二)/5",
          "落实教育部《青少年法治教育大纲》,推进中小学法治教育内容系统化、科学化"),
    _duty("encourage_social_venues", "鼓励社会资源、公共文化体育机构为学校提供场所和便利",
          "Encourage social and public cultural/sports bodies to provide venues", BUREAU,
          "三/(二)/6", "鼓励社会资源、社会公共文化体育机构为学校教育教学提供场所和便利条件"),
    _duty("free_museums", "推动区级博物馆、纪念馆、图书馆、文化馆等向中小学生免费开放",
          "District museums, memorials, libraries and cultural centres free for pupils",
          BUREAU, "三/(二)/6", "推动区级博物馆、纪念馆、图书馆、文化馆等向中小学生免费开放"),
    _duty("practice_activities", "发挥初中开放性科学实践和综合社会实践活动的育人功能",
          "Use the junior-middle open science practice and social practice activities",
          SCHOOLS, "三/(二)/6",
          "充分发挥“初中开放性科学实践活动”和“初中综合社会实践活动”的育人功能"),
    _duty("family_education", "加强家庭教育指导，建设家长学校，搭建家校沟通平台",
          "Guide family education, set up parents' schools and home-school platforms",
          SCHOOLS, "三/(二)/6", "加强家庭教育指导,建设家长学校"),
    # (三) 入学与减负
    _duty("exam_free_proximity", "坚持免试就近入学原则",
          "Admission without entrance exams, to the nearest school", BUREAU, "三/(三)/7",
          "坚持免试就近入学原则", "enrolment.exam_free_proximity"),
    _duty("admission_routes", "完善学区就近入学、随迁子女派位、对口直升、九年一贯制等入学方式",
          "Improve the admission routes (zone proximity, lottery for migrant children, "
          "direct progression, nine-year schools)", BUREAU, "三/(三)/7",
          "完善学区就近入学、符合入学条件随迁子女学区派位入学、对口直升、九年一贯制等入学方式",
          "enrolment.routes"),
    _duty("planned_admission", "入学实行计划管理，使用全市统一的入学服务系统",
          "Planned admission using the city-wide admission service system", BUREAU,
          "三/(三)/7",
          "全区义务教育阶段入学实行计划管理,使用全市统一的小学和初中入学服务系统",
          "enrolment.planned"),
    _duty("admission_monitoring", "科学预测入学人数，全程监控入学过程",
          "Forecast enrolment and monitor the whole admission process", BUREAU, "三/(三)/7",
          "科学预测入学人数,全程监控入学过程"),
    _duty("student_records", "完善学籍管理平台，规范学生学籍管理",
          "Improve the student-record platform and regulate student records", BUREAU,
          "三/(三)/7", "完善学籍管理平台,规范中小学校学生学籍管理", "students.records"),
    _duty("host_area_public_schools", "坚持以流入地为主、以公办学校为主",
          "Host area and public schools take primary responsibility for migrant children",
          BUREAU, "三/(三)/7", "坚持以流入地为主、以公办学校为主的政策",
          "enrolment.migrant_two_mains"),
    _duty("resident_population_planned", "将常住人口全部纳入区域教育发展规划",
          "Plan education for the whole resident population", BUREAU, "三/(三)/7",
          "将常住人口全部纳入区域教育发展规划"),
    _duty("migrant_children_funded", "将随迁子女全部纳入财政保障范围",
          "Fund all migrant children from the public budget", GOVERNMENT, "三/(三)/7",
          "将随迁子女全部纳入财政保障范围", "enrolment.migrant_funding"),
    _duty("joint_eligibility_review", "完善随迁子女入学资格联审机制",
          "Improve the joint review of migrant children's eligibility", BUREAU, "三/(三)/7",
          "完善随迁子女入学资格联审机制"),
    _duty("migrant_equal_access", "依法保障符合条件的随迁子女平等接受义务教育",
          "Guarantee equal compulsory education for eligible migrant children", BUREAU,
          "三/(三)/7", "依法保障符合条件的来京务工人员随迁子女平等接受义务教育",
          "enrolment.migrant_equal_access"),
    _duty("core_competences", "根据中考命题改革要求，突出主干知识和核心能力培养",
          "Stress core knowledge and abilities as the senior-high exam reform requires",
          SCHOOLS, "三/(三)/8", "突出对学生主干知识和核心能力的培养"),
    _duty("quality_senior_high", "扩大优质高中教育资源，引进市名校到本区办高中",
          "Expand quality senior-high places and bring renowned city schools in", BUREAU,
          "三/(三)/8", "积极引进市名校到本区办高中"),
    _duty("quota_allocation", "逐步扩大优质高中招生名额分配比例，继续施行校额到校政策",
          "Widen quota allocation of quality senior-high places and keep per-school quotas",
          BUREAU, "三/(三)/8", "逐步扩大优质高中招生计划名额分配比例", "enrolment.quota_allocation"),
    _duty("teaching_norms", "规范教学管理，严格执行课程计划，依据课程标准教学",
          "Follow the curriculum plan and standards", SCHOOLS, "三/(三)/9",
          "严格执行课程计划,依据课程标准教学"),
    _duty("homework", "科学确定作业形式和内容", "Set homework form and content scientifically",
          SCHOOLS, "三/(三)/9", "科学确定作业形式和内容", "students.homework"),
    _duty("burden_monitoring", "建立健全中小学生课业负担监测制度",
          "Monitor pupils' study load", BUREAU, "三/(三)/9", "建立健全中小学生课业负担监测制度",
          "students.workload_monitoring"),
    _duty("burden_inspection", "把减轻课业负担作为教育督导重要内容，进行专项督导",
          "Inspect study-load reduction specifically", BUREAU, "三/(三)/9",
          "把减轻课业负担作为教育督导的重要内容,进行专项督导"),
    # (四) 师资
    _duty("rotation", "引导城区优秀干部教师到农村学校交流轮岗，逐步制度化常态化",
          "Rotate good urban leaders and teachers to rural schools as a regular system",
          BUREAU, "三/(四)/10", "引导城区优秀干部教师到农村学校交流轮岗",
          "teacher_exchange.system"),
    _duty("teacher_entry", "严格落实教师准入与招聘制度", "Apply teacher entry and recruitment rules",
          BUREAU, "三/(四)/11", "严格落实教师准入与招聘制度"),
    _duty("recruit_talent", "把学历高、师德优、能力强的人员聘入教师队伍",
          "Recruit well-qualified, ethical, able people as teachers", BUREAU, "三/(四)/11",
          "把一批学历高、师德优、能力强,有志在教育系统工作的人员聘入教师队伍"),
    _duty("title_review", "改革完善特级教师、学科教学带头人和骨干教师评审办法",
          "Reform the review of master, lead and backbone teachers", BUREAU, "三/(四)/11",
          "改革完善特级教师、学科教学带头人和骨干教师评审办法"),
    _duty("evaluation_and_exit", "完善教师考评体系和退出机制，加强三级监督与评价",
          "Teacher evaluation and exit mechanism; three-level supervision", BUREAU,
          "三/(四)/11", "完善教师考评体系和退出机制"),
    _duty("rural_staff_priority", "优先保障乡村学校教师的调配使用",
          "Staff rural schools first", BUREAU, "三/(四)/12", "优先保障乡村学校教师的调配使用",
          "teacher.rural_priority"),
    _duty("non_beijing_colleges", "建立与非京师范院校的联系，引进非京优秀师资",
          "Link with normal colleges outside Beijing and recruit their graduates", BUREAU,
          "三/(四)/12", "建立与非京师范院校的联系"),
    _duty("open_recruitment", "面向全市公开招聘综合院校优秀学生，解决农村学科教师短缺",
          "Recruit university graduates city-wide to fill rural subject gaps", BUREAU,
          "三/(四)/12", "通过面向全市公开招聘综合院校的优秀学生补充师资队伍"),
    _duty("training_model", "探索研、训结合的教师培训模式", "Combine research and training",
          BUREAU, "三/(四)/13", "探索研、训结合的教师培训模式"),
    _duty("pyramid_project", "实施教师队伍建设“金字塔工程”", "Run the 'pyramid' teacher project",
          BUREAU, "三/(四)/13", "实施教师队伍建设“金字塔工程”"),
    _duty("new_teacher_training", "对新入职教师和非师范毕业从教人员进行系统培训",
          "Train new teachers and non-normal-college graduates systematically", BUREAU,
          "三/(四)/13", "对新入职教师和非师范类院校毕业从教人员进行系统培训",
          "teacher.induction_training"),
    _duty("rural_training", "落实乡村教师培训计划，把培训送到基层学校",
          "Carry out the rural teacher training plan on site", BUREAU, "三/(四)/13",
          "落实乡村教师培训计划", "teacher.rural_training"),
    _duty("expert_team", "联合组建专家指导团队，深入乡村学校开展研修",
          "Expert teams run whole-subject training in rural schools", BUREAU, "三/(四)/13",
          "联合组建专家指导团队,深入乡村学校开展全学科推进的研修活动"),
    _duty("merit_pay", "按多劳多得、优绩优酬向一线教师、骨干教师倾斜",
          "Merit pay favouring front-line and backbone teachers", BUREAU, "三/(四)/14",
          "按照多劳多得、优绩优酬的原则"),
    _duty("rural_teacher_support", "落实《北京市乡村教师支持计划》，对农村教师工资、职称实行倾斜",
          "Apply the Beijing rural teacher support plan: pay and title advantages", GOVERNMENT,
          "三/(四)/14", "依法落实《北京市乡村教师支持计划》系列配套文件,对农村教师的工资、职称等实行倾斜政策",
          "teacher.rural_allowance"),
    # (五) 民办
    _duty("private_in_plan", "将民办中小学发展纳入优质均衡发展整体规划",
          "Include private schools in the overall plan", BUREAU, "三/(五)/15",
          "将民办中小学发展纳入义务教育优质均衡发展整体规划"),
    _duty("quality_schools_help_private", "组织优质学校走进民办中小学，指导培训与管理",
          "Quality schools guide private schools", BUREAU, "三/(五)/15",
          "组织优质学校走进民办中小学,指导教育教学培训与管理"),
    _duty("purchase_places", "学位不足地区经公开招投标向民办学校购买义务教育学位",
          "Buy compulsory-education places from private schools by open tender where "
          "public places are short", GOVERNMENT, "三/(五)/16",
          "通过公开透明的招投标程序,由政府向符合条件的民办学校购买义务教育学位"),
    _duty("private_funding_policy", "完善公共财政扶持义务教育阶段民办学校的相关政策",
          "Improve public funding policy for private compulsory schools", GOVERNMENT,
          "三/(五)/16", "完善公共财政扶持义务教育阶段民办学校的相关政策"),
    _duty("encourage_private_providers", "鼓励民办教育机构向公办中小学输出管理经验和优质课程",
          "Encourage private providers to share management and courses with public schools",
          BUREAU, "三/(五)/17", "鼓励有资质、信誉好的民办教育机构"),
    # (六) 办学活力
    _duty("management_standard", "贯彻《义务教育学校管理标准》", "Apply the school management "
          "standard", SCHOOLS, "三/(六)/18", "贯彻教育部《义务教育学校管理标准》"),
    _duty("separation_reform", "推进管、办、评分离体制改革，保障学校依法自主办学",
          "Separate administration, running and evaluation; guarantee school autonomy",
          BUREAU, "三/(六)/18", "推进昌平教育系统管、办、评分离体制改革"),
    _duty("school_autonomy", "扩大学校在教育教学、选人用人、考核评价、职称评定、经费使用等方面的自主权",
          "Widen school autonomy in teaching, staffing, evaluation, titles and spending",
          BUREAU, "三/(六)/19",
          "依法依规进一步扩大学校在教育教学、选人用人、考核评价、职称评定、经费使用等方面的办学自主权"),
    _duty("monitoring_centre", "成立昌平区教育督导与教育质量评价监测中心",
          "Set up the district inspection and quality monitoring centre", BUREAU, "三/(六)/20",
          "成立昌平区教育督导与教育质量评价监测中心"),
    _duty("third_party_evaluation", "引入第三方专业机构参与教育评估监测",
          "Bring third-party bodies into evaluation", BUREAU, "三/(六)/20",
          "引入第三方专业机构参与教育评估监测"),
    _duty("monitoring_tools", "研究开发教育督导与质量评价监测标准和评价工具",
          "Develop monitoring standards and tools", BUREAU, "三/(六)/20",
          "研究开发教育督导与质量评价监测标准和评价工具"),
    # 四、保障措施
    _duty("coordination_mechanism", "建立“区级统领、条块联动、教委主责、学校主体”工作机制",
          "Set up the district-led coordination mechanism", GOVERNMENT, "四/(一)",
          "建立“区级统领、条块联动、教委主责、学校主体”的统筹推进工作机制"),
    _duty("into_plans", "将优质均衡发展工作纳入区“十三五”规划纲要和教育规划",
          "Include the work in the district's 13th five-year plans", GOVERNMENT, "四/(一)",
          "将推进义务教育优质均衡发展工作纳入"),
    _duty("implementation_plan", "区教委统筹制定工作实施方案，整体设计工作目标与任务",
          "The commission draws up the implementation plan", BUREAU, "四/(二)",
          "区教委统筹制定工作实施方案,整体设计工作目标与任务"),
    _duty("departments_cooperate", "各部门各负其责，研究制定具体政策措施和实施办法",
          "Departments each make specific policies and measures", DEPARTMENTS, "四/(二)",
          "发展改革、财政、人力社保、编制、规划、经济信息化等部门各负其责,密切配合"),
    _duty("performance_assessment", "将落实情况纳入区政府绩效考核内容",
          "Count the work in the district government's performance assessment", GOVERNMENT,
          "四/(二)", "将义务教育优质均衡发展工作落实情况纳入区政府绩效考核内容"),
    _duty("priority_funding", "把义务教育优质均衡发展作为教育支出重点领域优先保障",
          "Fund the work as a priority of education spending", GOVERNMENT, "四/(三)",
          "把义务教育优质均衡发展作为教育支出重点领域予以优先保障,加大资金投入",
          "funding.priority"),
    _duty("rural_special_funds", "投入专项资金支持农村学校建设和发展",
          "Earmarked funds for rural schools", GOVERNMENT, "四/(三)",
          "投入专项资金支持农村学校建设和发展"),
    _duty("budget_management", "完善义务教育经费预算管理制度，提高经费使用效益",
          "Improve budget management and spending efficiency", BUREAU, "四/(三)",
          "进一步完善义务教育经费预算管理制度,提高经费使用效益"),
    _duty("publicity", "大力宣传义务教育优质均衡发展，加强舆论引导",
          "Publicise the work and guide public opinion", BUREAU, "四/(四)",
          "大力宣传义务教育优质均衡发展的特色亮点、创新举措、优质学校和典型人物"),
)

NARRATIVES = (
    Narrative(C("三/(二)/4", "“三大球”"), zh_en("项目名称（足球、篮球、排球）",
                                               "name of a programme (three ball games)")),
    Narrative(C("三/(二)/5", "三级课程一体化"), zh_en("国家、地方、校本三级课程，为名称",
                                                  "the three curriculum levels, a name")),
    Narrative(C("三/(二)/5", "区三级课程体系"), zh_en("三级课程体系的名称", "name of the system")),
    Narrative(C("三/(四)/11", "校三级监督"), zh_en("区、学区（片）、校三个层级，为描述",
                                               "the three levels (district, zone, school)")),
    Narrative(C("三/(四)/13", "市、区、校三级联动"), zh_en("市、区、校三个层级，为描述",
                                                   "the three levels (city, district, school)")),
    Narrative(C("三/(三)/7", "九年一贯制"), zh_en("学校类型名称（九年一贯制学校）",
                                           "name of a school type (nine-year school)")),
    Narrative(C("四/(一)", "《昌平区国民经济和社会发展第十三个五年规划纲要(2016—2020年)》"),
              zh_en("所纳入规划的名称及期间", "title and period of a plan")),
    Narrative(C("四/(一)", "《昌平区“十三五”时期教育改革和发展规划(2016—2020年)》"),
              zh_en("所纳入规划的名称及期间", "title and period of a plan")),
)

DOCUMENT_FINDINGS = (
    DocumentFinding(
        "changping.finding.undated", "undated_document",
        zh_en("采集稿无文号、落款和任何日期，效力状态不明；“到2020年”的目标期限已过，"
              "本库以2020-12-31为目标期限，政策本身不设生效日期",
              "The capture has no number, signature or date, and its status is unknown; the "
              "'by 2020' targets are judged at 2020-12-31 and the policy itself has no start "
              "date"),
        (C("二", "到2020年"),)),
    DocumentFinding(
        "changping.finding.targets_without_deadline", "target_without_deadline",
        zh_en("少年宫、100门校本课程、3-5所民办中小学等目标不在“到2020年”工作目标中，文件未给出"
              "完成期限；本库按无期限义务编码",
              "The youth palace, 100 school-based courses and 3-5 private schools are not "
              "among the 'by 2020' goals and have no deadline; encoded as obligations without "
              "a deadline"),
        (C("三/(二)/4", "建设一所软硬件达标的少年宫"),
         C("三/(二)/5", "100门校本课程成为区级优秀课程"),
         C("三/(五)/15", "打造3-5所高水平、有特色的民办中小学"))),
    DocumentFinding(
        "changping.finding.range_target", "ambiguous_number",
        zh_en("“3-5所”为区间，未说明达到3所即算完成还是须达到5所；本库按下限3所判定",
              "'3-5 schools' is a range; the text does not say whether 3 suffices; judged "
              "against 3"),
        (C("三/(五)/15", "打造3-5所"),)),
    DocumentFinding(
        "changping.finding.missing_party", "missing_party",
        zh_en("三、主要任务各项大多未写明责任主体（仅四(二)写明区教委统筹、各部门各负其责）；本库把"
              "教学类职责编码给中小学校，其余给区教委，经费和工资保障给区政府",
              "Most tasks in part 三 name no responsible party (only 四(二) names the "
              "commission and departments); teaching duties are encoded as the schools', "
              "funding and pay as the district government's, the rest as the commission's"),
        (C("四/(二)", "区教委统筹制定工作实施方案"),
         C("三/(四)/14", "依法保障落实教师平均工资不低于当地公务员平均工资水平"),
         C("三/(二)/4", "保证每名学生至少学习掌握两项体育运动技能和一项艺术技能"))),
    DocumentFinding(
        "changping.finding.measure_undefined", "undefined_term",
        zh_en("“掌握”运动/艺术技能、“软硬件达标”、“市名校”“名校”均无认定标准",
              "No criterion is given for 'mastering' a skill, a youth palace 'meeting the "
              "standard', or what counts as a renowned school"),
        (C("三/(二)/4", "至少学习掌握两项体育运动技能"), C("二", "引进名校达到12所"))),
)


def build(document: Document) -> Policy:
    return Policy(
        name="changping", version=document.version, document=document,
        parameters=PARAMETERS, rules=RULES + CHECKLIST, narratives=NARRATIVES,
        document_findings=DOCUMENT_FINDINGS,
        data={"stages": [s.value for s in (Stage.PRIMARY, Stage.JUNIOR)]},
        valid_from=VALID_FROM, valid_until=VALID_UNTIL, validity=VALIDITY,
    )
