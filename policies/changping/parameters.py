"""Changping: the parties, the numbers of the plan, the names with numerals in them."""

from __future__ import annotations

from xuequ_rules.policy.dsl import Cite, Decimal, Narrative, Parameter, Unit, dt, zh_en
from xuequ_rules.policy.policy import Term

C = Cite
BUREAU = zh_en("区教委", "district education commission")
GOVERNMENT = zh_en("区政府", "district government")
SCHOOLS = zh_en("中小学校", "primary and secondary schools")
DEPARTMENTS = zh_en("发展改革、财政、人力社保、编制、规划、经济信息化等部门",
                    "development and reform, finance, human resources, staffing, planning, "
                    "economy and IT departments")
TARGET_DEADLINE = dt.date(2020, 12, 31)

# ── the plan's period ─────────────────────────────────────────────────────────
TARGET_YEAR = Parameter(
    id="changping.targets.year", value=2020, unit=Unit.YEAR,
    label=zh_en("工作目标的目标年", "target year of the goals"),
    concept="plan.target_year", cites=(C("二", "到2020年"),))
PLAN_EARLIEST_YEAR = Parameter(
    id="changping.plan.earliest_year", value=2018, unit=Unit.YEAR,
    label=zh_en("方案最早可能成文的年份", "earliest year the plan can have been written"),
    concept="plan.earliest_year",
    derived=zh_en("文件没有日期；正文要求“深入贯彻落实全国教育大会精神”，该会于2018年9月召开，"
                  "故方案不早于2018年9月成文。2018取自会议日期，不是引文中的数字",
                  "The plan is undated; it implements the spirit of the National Education "
                  "Conference, held in September 2018, so it was written no earlier than "
                  "September 2018. 2018 is the conference's year, not a number in the quote"),
    cites=(C("一", "深入贯彻落实全国教育大会精神"),))

# ── 二、工作目标 (到2020年) ──────────────────────────────────────────────────────
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

# ── 三、主要任务 ─────────────────────────────────────────────────────────────────
SPORTS_SKILLS = Parameter(
    id="changping.students.sports_skills", value=2, unit=Unit.COUNT,
    label=zh_en("每名学生至少掌握的体育运动技能项数（“2+1”中的2）",
                "sports skills each pupil masters at least (the 2 of 2+1)"),
    concept="students.sports_skills_min",
    note=zh_en("单位为“项”，按计数编码", "the unit is 项 (items), encoded as a count"),
    cites=(C("三/(二)/4", "至少学习掌握两项体育运动技能"),))
ART_SKILLS = Parameter(
    id="changping.students.art_skills", value=1, unit=Unit.COUNT,
    label=zh_en("每名学生至少掌握的艺术技能项数（“2+1”中的1）",
                "art skills each pupil masters at least (the 1 of 2+1)"),
    concept="students.art_skills_min",
    note=zh_en("单位为“项”，按计数编码", "the unit is 项 (items), encoded as a count"),
    cites=(C("三/(二)/4", "和一项艺术技能"),))
LAST_COMPULSORY_GRADE = Parameter(
    id="changping.students.two_plus_one_grade", value=9, unit=Unit.COUNT,
    label=zh_en("判定“2+1”是否做到的年级（义务教育最后一个年级）",
                "grade at which 2+1 is judged (the last grade of compulsory education)"),
    concept="students.two_plus_one_checkpoint",
    derived=zh_en("文件没有说明学生应在哪个年级前掌握“2+1”技能；本方案的范围是义务教育，"
                  "义务教育为九年，故以其最后一个年级（九年级）为判定点。9不是引文中的数字",
                  "The text names no point in schooling by which the 2+1 skills are "
                  "mastered; the plan covers compulsory education, which lasts nine years, "
                  "so its last grade (grade 9) is where a shortfall is judged. 9 is not a "
                  "number in the quote"),
    cites=(C("三/(二)/4", "保证每名学生至少学习掌握两项体育运动技能和一项艺术技能"),))
YOUTH_PALACES = Parameter(
    id="changping.youth_palace.count", value=1, unit=Unit.SCHOOLS,
    label=zh_en("建设的软硬件达标少年宫数", "youth palaces meeting the standard to build"),
    concept="district.youth_palaces",
    cites=(C("三/(二)/4", "建设一所软硬件达标的少年宫"),))
EXCELLENT_COURSES = Parameter(
    id="changping.school_courses.excellent", value=100, unit=Unit.COUNT,
    label=zh_en("培植成为区级优秀课程的校本课程数（门）",
                "school-based courses to become district-level excellent courses"),
    concept="curriculum.excellent_school_courses",
    note=zh_en("单位为“门”，按计数编码", "the unit is 门 (courses), encoded as a count"),
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

PARAMETERS = (TARGET_YEAR, PLAN_EARLIEST_YEAR, FAMOUS_SCHOOLS, AFFILIATED_SCHOOLS,
              SUPPORTED_PRIMARY, CONSTRUCTION_PROJECTS, BACKBONE_SHARE, SPORTS_SKILLS,
              ART_SKILLS, LAST_COMPULSORY_GRADE, YOUTH_PALACES, EXCELLENT_COURSES, PRIVATE_MIN,
              PRIVATE_MAX)

# ── numerals that are names, and numbers that are not parameters ─────────────
TERMS = (
    Term("三大球", zh_en("体育项目的名称（足球、篮球、排球），不是数量",
                       "name of a sports programme (football, basketball, volleyball)")),
    Term("十三五", zh_en("“第十三个五年规划”时期的名称（2016—2020年）",
                       "name of the 13th Five-Year Plan period (2016-2020)")),
    Term("九年一贯制", zh_en("学校类型和入学方式的名称（九年一贯制学校）",
                        "name of a school type and admission route (nine-year schools)")),
    Term("三级课程", zh_en("国家、地方、校本三级课程的名称",
                       "name of the national, local and school-based curriculum levels")),
    Term("“2+1”工程", zh_en("体育、艺术“2+1”工程的名称；其中的2和1由两项体育技能、一项艺术技能"
                          "两个参数表示", "name of the sports-and-arts 2+1 programme; its 2 and "
                          "1 are the parameters for two sports skills and one art skill")),
)

NARRATIVES = (
    Narrative(C("三/(二)/4", "“三大球”"), zh_en("项目名称（足球、篮球、排球）",
                                               "name of a programme (three ball games)")),
    Narrative(C("三/(二)/5", "三级课程一体化"), zh_en("国家、地方、校本三级课程，为名称",
                                                  "the three curriculum levels, a name")),
    Narrative(C("三/(二)/5", "区三级课程体系"), zh_en("三级课程体系的名称", "name of the system")),
    Narrative(C("三/(三)/7", "九年一贯制"), zh_en("学校类型名称（九年一贯制学校）",
                                           "name of a school type (nine-year school)")),
    Narrative(C("一", "努力办好每一所学校"), zh_en("“每一所”意为“每所”，不是数量",
                                            "'每一所' means 'every', not a count")),
    Narrative(C("一", "促进每一名学生"), zh_en("“每一名”意为“每名”，不是数量",
                                        "'每一名' means 'every', not a count")),
    Narrative(C("三/(四)/11", "把一批学历高"), zh_en("“一批”是不定数量，文件没有给出人数",
                                             "'一批' is an unstated number of people")),
    Narrative(C("三/(四)/13", "送到一线课堂"), zh_en("“一线”意为教学第一线，不是数量",
                                            "'一线' means the front line of teaching")),
    Narrative(C("三/(四)/14", "一线教师"), zh_en("“一线”意为教学第一线，不是数量",
                                         "'一线' means the front line of teaching")),
    Narrative(C("三/(六)/20", "第三方专业机构"), zh_en("“第三方”指独立机构，不是数量或序号",
                                              "'第三方' means an independent party")),
    Narrative(C("四/(四)", "百姓宣讲团"), zh_en("宣讲团的名称（“百姓”意为群众），不是数量",
                                          "name of a lecture group ('百姓' means the public)")),
    Narrative(C("三/(四)/11", "校三级监督"), zh_en("区、学区（片）、校三个层级，为描述",
                                               "the three levels (district, zone, school)")),
    Narrative(C("三/(四)/13", "市、区、校三级联动"), zh_en("市、区、校三个层级，为描述",
                                                   "the three levels (city, district, school)")),
    Narrative(C("四/(一)", "《昌平区国民经济和社会发展第十三个五年规划纲要(2016—2020年)》"),
              zh_en("所纳入规划的名称及期间", "title and period of a plan")),
    Narrative(C("四/(一)", "《昌平区“十三五”时期教育改革和发展规划(2016—2020年)》"),
              zh_en("所纳入规划的名称及期间", "title and period of a plan")),
)
