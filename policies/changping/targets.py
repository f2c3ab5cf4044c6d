"""Changping: the 2020 goals, the tasks with a number, the 2+1 skills and teacher pay."""

from __future__ import annotations

from xuequ_policies.changping.parameters import (
    AFFILIATED_SCHOOLS,
    ART_SKILLS,
    BACKBONE_SHARE,
    BUREAU,
    CONSTRUCTION_PROJECTS,
    EXCELLENT_COURSES,
    FAMOUS_SCHOOLS,
    GOVERNMENT,
    LAST_COMPULSORY_GRADE,
    PLAN_EARLIEST_YEAR,
    PRIVATE_MIN,
    SCHOOLS,
    SPORTS_SKILLS,
    SUPPORTED_PRIMARY,
    TARGET_DEADLINE,
    TARGET_YEAR,
    YOUTH_PALACES,
    C,
)

from xuequ_rules.policy.dsl import Modality, Rule, f, zh_en
from xuequ_rules.policy.expr import Expr, Field
from xuequ_rules.policy.rule import ATTESTATIONS
from xuequ_rules.text import Text


def _target(key: str, zh: str, en: str, requires: Expr, concept: str, quote: str,
            measurable: Expr | None = None, note: Text | None = None) -> Rule:
    applies = f.year.eq(TARGET_YEAR) if measurable is None else (
        f.year.eq(TARGET_YEAR) & measurable)
    return Rule(id=f"changping.target.{key}", title=zh_en(zh, en), kind=Modality.TARGET,
                party=BUREAU, subject="district_indicators", applies=applies,
                requires=requires, deadline=TARGET_DEADLINE, concept=concept, note=note,
                cites=(C("二", "到2020年"), C("二", quote)))


def _goal(key: str, zh: str, en: str, quote: str) -> Rule:
    """A qualitative 2020 goal, judged at the deadline by the inspector's attestation."""
    rule_id = f"changping.goal.{key}"
    return Rule(id=rule_id, title=zh_en(zh, en), kind=Modality.TARGET, party=BUREAU,
                subject="", requires=Field((ATTESTATIONS, rule_id)), deadline=TARGET_DEADLINE,
                concept=f"plan.goal.{key}", cites=(C("二", "到2020年"), C("二", quote)),
                note=zh_en("定性目标：文件没有给出衡量标准或基数，由督导人员到期核实确认。",
                           "A qualitative goal with no measure or baseline in the text; an "
                           "inspector attests at the deadline whether it was reached."))


TARGETS: tuple[Rule, ...] = (
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
            "teachers.backbone_share", "市、区级骨干教师占专任教师比例达到30%",
            measurable=f.fulltime_teachers > 0,
            note=zh_en("没有专任教师时“占专任教师比例”无从计算，本目标不适用。",
                       "With no full-time teachers the share of them is undefined, so the "
                       "target does not apply.")),
)

GOALS: tuple[Rule, ...] = (
    _goal("quality_coverage", "到2020年优质教育资源覆盖面进一步扩大",
          "Wider coverage of quality resources by 2020", "昌平区优质教育资源覆盖面进一步扩大"),
    _goal("urban_rural_integration", "到2020年城乡教育一体化发展格局日益完善",
          "Urban-rural integration of education increasingly complete by 2020",
          "城乡教育一体化发展格局日益完善"),
    _goal("zones_and_groups", "到2020年学区制管理和集团化办学改革逐步实施",
          "School-zone management and education groups progressively in place by 2020",
          "学区制管理和集团化办学改革逐步实施"),
    _goal("gaps_narrowing", "到2020年校际差距、城乡差距不断缩小",
          "Gaps between schools and between town and country keep narrowing by 2020",
          "校际差距、城乡差距不断缩小"),
    _goal("sharing_and_allocation", "到2020年优质资源共享机制更加健全，办学资源和师资配置更加均衡",
          "Sharing of quality resources sounder, resources and teachers more evenly spread",
          "优质教育资源共享机制更加健全,办学资源和师资力量配置更加均衡"),
    _goal("conditions_improved", "到2020年办学条件、信息化建设和设施配备水平进一步提高",
          "School conditions, IT and facilities further improved by 2020",
          "办学条件、信息化建设和设施配备水平进一步提高"),
    _goal("quality_and_satisfaction",
          "到2020年义务教育质量全面提高，多样化、个性化需求得到更好满足，满意度进一步提升",
          "Quality raised across the board, diverse needs better met, satisfaction higher",
          "义务教育质量全面提高,多样化、个性化教育需求得到更好满足,义务教育满意度进一步提升"),
)

# Tasks in 三 with a number but no deadline. The plan is undated and written no earlier
# than 2018; its period ends with 2020 (到2020年; the 十三五 plans of 2016—2020 it joins).
# A record from before 2018 predates the plan: not applicable. A record from 2018 to 2020
# counts when the task is done, but a shortfall then is not judged (the plan may not yet
# have existed, and the task has no deadline). From 2021, after the plan's period, a
# shortfall is judged.
NO_DEADLINE = zh_en(
    "文件未给出期限，方案也没有日期（不早于2018年9月，见 changping.plan.earliest_year）："
    "2018年以前的年度记录早于方案，不适用；2018—2020年的记录达到要求即为符合，未达到不判定"
    "（方案当时可能尚未制定，任务也没有期限）；方案期（到2020年）结束后，即2021年起的记录"
    "才就未达到作出判定。见文件问题 changping.finding.targets_without_deadline。",
    "The text sets no deadline and the plan is undated (written no earlier than September "
    "2018, see changping.plan.earliest_year): a record from before 2018 predates the plan "
    "and is not applicable; a record from 2018 to 2020 is satisfied when the task is done, "
    "and a shortfall then is not judged (the plan may not yet have existed, and the task "
    "has no deadline); a shortfall is judged only in records from 2021 on, after the plan's "
    "period (到2020年). See document finding changping.finding.targets_without_deadline.")


def _task(rule_id: str, zh: str, en: str, done: Expr, concept: str, clause: str,
          quote: str, extra_note: str = "", extra_note_en: str = "") -> Rule:
    note = NO_DEADLINE if not extra_note else zh_en(
        extra_note + NO_DEADLINE.zh, extra_note_en + " " + NO_DEADLINE.en)
    return Rule(id=rule_id, title=zh_en(zh, en), kind=Modality.OBLIGATION, party=BUREAU,
                subject="district_indicators",
                applies=(f.year >= PLAN_EARLIEST_YEAR) & (done | (f.year > TARGET_YEAR)),
                requires=done, concept=concept, note=note, cites=(C(clause, quote),))


TASKS: tuple[Rule, ...] = (
    _task("changping.youth_palace.built", "建设一所软硬件达标的少年宫",
          "Build one youth palace meeting the standard",
          f.youth_palaces_up_to_standard >= YOUTH_PALACES, "district.youth_palaces",
          "三/(二)/4", "建设一所软硬件达标的少年宫"),
    _task("changping.school_courses.excellent", "培植100门校本课程成为区级优秀课程",
          "Develop 100 school-based courses into district-level excellent courses",
          f.excellent_school_based_courses >= EXCELLENT_COURSES,
          "curriculum.excellent_school_courses", "三/(二)/5",
          "培植涵盖各大学习领域、突出各校办学特色的100门校本课程成为区级优秀课程"),
    _task("changping.private_schools.quality", "打造3-5所高水平、有特色的民办中小学",
          "Build 3-5 high-level, distinctive private schools",
          f.quality_private_schools >= PRIVATE_MIN, "private_schools.quality_count",
          "三/(五)/15", "打造3-5所高水平、有特色的民办中小学",
          "按区间下限3所判定；上限5所不是禁止性上限。",
          "Judged against the lower end (3); the upper end (5) is not a cap."),
)

_SKILLS_MET = (f.sports_skills >= SPORTS_SKILLS) & (f.art_skills >= ART_SKILLS)

PUPILS_AND_PAY: tuple[Rule, ...] = (
    Rule(id="changping.students.two_plus_one",
         title=zh_en("每名学生至少学习掌握两项体育运动技能和一项艺术技能（“2+1”）",
                     "Every pupil masters at least two sports skills and one art skill (2+1)"),
         kind=Modality.OBLIGATION, party=SCHOOLS, subject="students",
         applies=_SKILLS_MET | f.grade.eq(LAST_COMPULSORY_GRADE),
         requires=_SKILLS_MET, concept="students.two_plus_one",
         note=zh_en("文件没有说明在哪个年级前须掌握：学生已掌握即为符合；未掌握的，只在义务教育"
                    "最后一个年级（九年级）判定，此前不判定。见文件问题 "
                    "changping.finding.two_plus_one_no_point。",
                    "The text names no point in schooling: a pupil who has the skills "
                    "satisfies it; a shortfall is judged only in the last grade of compulsory "
                    "education (grade 9), never earlier. See document finding "
                    "changping.finding.two_plus_one_no_point."),
         cites=(C("三/(二)/4", "保证每名学生至少学习掌握两项体育运动技能和一项艺术技能"),)),
    Rule(id="changping.teacher_pay.not_below_civil_servants",
         title=zh_en("教师平均工资不低于当地公务员平均工资水平",
                     "Average teacher pay is not below local civil servants' average pay"),
         kind=Modality.OBLIGATION, party=GOVERNMENT, subject="district_indicators",
         requires=f.teacher_average_pay >= f.civil_servant_average_pay,
         concept="teacher.pay_not_below_civil_servants",
         cites=(C("三/(四)/14", "依法保障落实教师平均工资不低于当地公务员平均工资水平"),)),
)

RULES: tuple[Rule, ...] = TARGETS + GOALS + TASKS + PUPILS_AND_PAY
