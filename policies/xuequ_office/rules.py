"""学区机关管理制度 (capture, undated, issuer unnamed): every provision, cited to its article.

The capture runs the whole text into one paragraph; the parser splits it at the inline
第一章 and 第一条…第八条, and every rule cites its article (e.g. ``第一章/第二条``). Facts: ``staff_years`` (one staff member in one year) and
``office_weeks`` (one week of the office's routine).
"""

from __future__ import annotations

from xuequ_policies.xuequ_office.concepts import CONCEPTS
from xuequ_policies.xuequ_office.facts import FACTS
from xuequ_policies.xuequ_office.lifecycle import VALID_FROM, VALID_UNTIL, VALIDITY
from xuequ_policies.xuequ_office.notes import DOCUMENT_FINDINGS, NARRATIVES, TERMS, UNENCODED

from xuequ_rules.document.document import Document
from xuequ_rules.policy.dsl import (
    Cite,
    Modality,
    Parameter,
    Policy,
    Rule,
    Unit,
    duty_maker,
    f,
    zh_en,
)
from xuequ_rules.text import Text

C = Cite
HEAD = zh_en("学区主任", "head of the school district")
OFFICE_HEAD = zh_en("办公室负责人", "head of the office")
STAFF = zh_en("机关工作人员", "office staff")
MEMBERS = zh_en("机关成员", "office members")
INDIVIDUAL = zh_en("个人", "each staff member")
EACH = zh_en("各人", "each staff member")
WORKERS = zh_en("工作人员", "the staff")
DESIGNATED = zh_en("专人", "a designated person")
ORGAN = zh_en("机关", "the school-district office (学区机关)")
OFFICE = zh_en("学区机关", "the school-district office")
ON_DUTY = zh_en("值班人员", "staff on duty")

# ── parameters ────────────────────────────────────────────────────────────────
SESSION_WEEKDAY = Parameter(
    id="xuequ_office.weekly_session.weekday", value=1, unit=Unit.COUNT,
    label=zh_en("每周集中学习、汇报的日子（星期几，1=星期一）",
                "weekday of the weekly report and study session (1 = Monday)"),
    concept="office.weekly_session.weekday",
    cites=(C("第一章/第一条", "每周星期一上午集中2小时"),))
SESSION_HOURS = Parameter(
    id="xuequ_office.weekly_session.hours", value=2, unit=Unit.HOURS,
    label=zh_en("每周星期一上午集中的时长（小时）", "length of the Monday-morning session (hours)"),
    concept="office.weekly_session.hours",
    note=zh_en("原文“集中2小时”，按不少于2小时判断；单位为小时（钟点），不是培训学时。",
               "The text says 集中2小时 (meet for 2 hours); judged as at least 2 hours. The unit "
               "is clock hours, not training class hours."),
    cites=(C("第一章/第一条", "每周星期一上午集中2小时"),))
SANCTION_ABSENCES = Parameter(
    id="xuequ_office.study.sanction_absences", value=3, unit=Unit.COUNT,
    label=zh_en("取消当年评优晋级资格的无故不参加学习次数（含本数）",
                "unexcused study absences (this many or more) that cancel the year's awards "
                "and promotion"),
    concept="office.study.sanction_absences",
    note=zh_en("“三次以上”按法律文件通常的理解包括本数（三次即取消）；次数按年度计（“当年”）。",
               "三次以上 is read, as usual in Chinese legal texts, to include three; absences "
               "are counted per year (当年)."),
    cites=(C("第一章/第二条", "三次以上取消当年评优晋级资格"),))
MIN_REFLECTIONS = Parameter(
    id="xuequ_office.study.min_reflections", value=2, unit=Unit.COUNT,
    label=zh_en("每人每年撰写心得体会的最少篇数", "minimum reflection essays per person per year"),
    concept="office.study.min_reflections_per_year",
    cites=(C("第一章/第四条", "每年撰写心得体会不少于两篇"),))
HANDOVER_WEEKDAY = Parameter(
    id="xuequ_office.duty.handover_weekday", value=1, unit=Unit.COUNT,
    label=zh_en("周值班交接班的日子（星期几，1=星期一）", "weekday of the weekly duty handover "
                "(1 = Monday)"),
    concept="office.duty.handover_weekday",
    cites=(C("第一章/第七条", "每周星期一早晨交接班"),))

PARAMETERS = (SESSION_WEEKDAY, SESSION_HOURS, SANCTION_ABSENCES, MIN_REFLECTIONS, HANDOVER_WEEKDAY)

# ── quantitative rules ─────────────────────────────────────────────────────────
RULES: tuple[Rule, ...] = (
    Rule(id="xuequ_office.weekly_session.monday_morning",
         title=zh_en("第一条：每周星期一上午集中汇报小结、安排部署并集体学习",
                     "Art. 1: the weekly report, planning and study session is on Monday morning"),
         kind=Modality.OBLIGATION, party=HEAD, subject="office_weeks",
         requires=f.study_session_weekday.eq(SESSION_WEEKDAY) & f.study_session_morning.eq(True),
         concept="office.weekly_session.weekday",
         cites=(C("第一章/第一条", "每周星期一上午集中2小时对上周工作进行汇报小结"),
                C("第一章/第二条", "集体学习由学区主任组织进行"))),
    Rule(id="xuequ_office.weekly_session.two_hours",
         title=zh_en("第一条：星期一上午集中2小时", "Art. 1: the Monday session lasts 2 hours"),
         kind=Modality.OBLIGATION, party=HEAD, subject="office_weeks",
         requires=f.study_session_hours >= SESSION_HOURS, concept="office.weekly_session.hours",
         cites=(C("第一章/第一条", "每周星期一上午集中2小时"),)),
    Rule(id="xuequ_office.study.no_unexcused_absence",
         title=zh_en("第二条：机关成员不得无故缺席、迟到、早退集体学习",
                     "Art. 2: no unexcused absence, lateness or early leaving at collective study"),
         kind=Modality.PROHIBITION, party=MEMBERS, subject="staff_years",
         forbids=(f.unexcused_study_absences > 0) | (f.unexcused_late_or_early > 0),
         concept="office.study.attendance",
         note=zh_en("缺席、迟到早退各自都是违反：记有一次无故缺席即不符合，不论迟到早退次数是否记录；"
                    "两项都记为0为符合。",
                    "Absence and lateness are each a breach on their own: one recorded unexcused "
                    "absence breaks the rule whether or not lateness was recorded; both recorded "
                    "as 0 meets it."),
         cites=(C("第一章/第二条", "机关成员须按时参加,不得无故缺席、迟到、早退"),)),
    Rule(id="xuequ_office.study.written_explanation",
         title=zh_en("第二条：每次无故不参加学习都要有书面情况说明",
                     "Art. 2: each unexcused absence needs a written explanation"),
         kind=Modality.OBLIGATION, party=MEMBERS, subject="staff_years",
         applies=f.unexcused_study_absences > 0,
         requires=f.written_explanations >= f.unexcused_study_absences,
         concept="office.study.written_explanation",
         cites=(C("第一章/第二条", "凡无故不参加学习者,要有书面情况说明"),)),
    Rule(id="xuequ_office.study.absence_sanction",
         title=zh_en("第二条：无故不参加学习三次以上，取消当年评优晋级资格",
                     "Art. 2: three or more unexcused absences cancel that year's awards and "
                     "promotion"),
         kind=Modality.OBLIGATION, party=OFFICE, subject="staff_years",
         applies=f.unexcused_study_absences >= SANCTION_ABSENCES,
         requires=f.award_promotion_disqualified.eq(True),
         concept="office.study.sanction_absences",
         cites=(C("第一章/第二条", "凡无故不参加学习者,要有书面情况说明,三次以上取消当年评优晋级资格"),)),
    Rule(id="xuequ_office.study.notes_kept",
         title=zh_en("第四条：个人要有学习笔记", "Art. 4: each person keeps study notes"),
         kind=Modality.OBLIGATION, party=INDIVIDUAL, subject="staff_years",
         requires=f.study_notes_kept.eq(True), concept="office.study.notes",
         cites=(C("第一章/第四条", "个人要有学习笔记"),)),
    Rule(id="xuequ_office.study.reflections",
         title=zh_en("第四条：每年撰写心得体会不少于两篇",
                     "Art. 4: at least two reflection essays a year"),
         kind=Modality.OBLIGATION, party=INDIVIDUAL, subject="staff_years",
         requires=f.reflections_written >= MIN_REFLECTIONS,
         concept="office.study.min_reflections_per_year",
         cites=(C("第一章/第四条", "每年撰写心得体会不少于两篇"),)),
    Rule(id="xuequ_office.duty.daily_sign_in",
         title=zh_en("第七条：各人每天在工作日志上签到",
                     "Art. 7: everyone signs in on the work log every day"),
         kind=Modality.OBLIGATION, party=EACH, subject="staff_years",
         applies=f.workdays > 0, requires=f.days_signed_in >= f.workdays,
         concept="office.duty.daily_sign_in",
         note=zh_en("按工作日计：签到天数不少于当年工作日数。", "Counted over working days: days "
                    "signed in at least the year's working days."),
         cites=(C("第一章/第七条", "工作日志上各人每天要签到"),)),
    Rule(id="xuequ_office.duty.daily_log",
         title=zh_en("第七条：由专人做好当日主要工作事务记载",
                     "Art. 7: a designated person logs the day's main business"),
         kind=Modality.OBLIGATION, party=DESIGNATED, subject="office_weeks",
         requires=f.daily_log_kept.eq(True), concept="office.duty.daily_log",
         cites=(C("第一章/第七条", "由专人做好当日主要工作事务记载"),)),
    Rule(id="xuequ_office.duty.weekly_rota",
         title=zh_en("第七条：工作人员实行轮流周值班，每周有值班人员",
                     "Art. 7: staff take weekly duty in turn; every week has someone on duty"),
         kind=Modality.OBLIGATION, party=WORKERS, subject="office_weeks",
         requires=f.duty_staff.ne(""), concept="office.duty.weekly_rota",
         note=zh_en("每周是否有值班人员按记录判断：记有值班人员为符合，记为空（无人值班）为不符合，"
                    "没有记录为待定；是否“轮流”由检查清单 xuequ_office.duty.rotation 确认。",
                    "Whether each week has someone on duty is judged from the records: a named "
                    "person on duty meets it, an empty entry (nobody on duty) does not, no entry "
                    "is undetermined; whether duty rotates is attested by the checklist duty "
                    "xuequ_office.duty.rotation."),
         cites=(C("第一章/第七条", "工作人员实行轮流周值班制度"),)),
    Rule(id="xuequ_office.duty.monday_handover",
         title=zh_en("第七条：每周星期一早晨交接班", "Art. 7: duty is handed over on Monday morning"),
         kind=Modality.OBLIGATION, party=ON_DUTY, subject="office_weeks",
         requires=f.handover_weekday.eq(HANDOVER_WEEKDAY) & f.handover_morning.eq(True),
         concept="office.duty.handover_weekday",
         cites=(C("第一章/第七条", "每周星期一早晨交接班"),)),
)


_make_duty = duty_maker("xuequ_office")


def _duty(key: str, zh: str, en: str, party: Text, clause: str, quote: str,
          modality: Modality = Modality.OBLIGATION, note: Text | None = None,
          extra: tuple[Cite, ...] = ()) -> Rule:
    return _make_duty(key, zh, en, party, clause, quote, modality=modality, note=note,
                      extra=extra)


P = Modality.PROHIBITION
CHECKLIST: tuple[Rule, ...] = (
    _duty("weekly_report_and_plan", "第一条：星期一集中时汇报小结上周工作、部署本周重点工作并组织集体学习",
          "Art. 1: the Monday session reviews last week, plans this week and holds collective "
          "study", HEAD, "第一章/第一条", "对上周工作进行汇报小结,对本周重点工作进行具体安排部署,并组织集体学习"),
    _duty("study_organised", "第二条：集体学习由学区主任组织进行",
          "Art. 2: the district head organises collective study", HEAD,
          "第一章/第二条", "集体学习由学区主任组织进行"),
    _duty("study_assessed", "第二条：办公室负责人负责考核集体学习",
          "Art. 2: the office head assesses study attendance", OFFICE_HEAD,
          "第一章/第二条", "办公室负责人负责考核"),
    _duty("study_diligently", "第三条：机关工作人员认真钻研业务，努力提高各方面业务能力水平",
          "Art. 3: staff study their work diligently and improve their skills", STAFF,
          "第一章/第三条", "机关工作人员要认真钻研业务,努力提高各方面业务能力水平"),
    _duty("mutual_and_self_study", "第三条：提倡业务互学及自学（倡导，不是义务）",
          "Art. 3: mutual and self-study are encouraged (not a duty)", STAFF,
          "第一章/第三条", "提倡业务互学及自学", modality=Modality.PERMISSION,
          note=zh_en("“提倡”是倡导，没有开展互学、自学不判为不符合。",
                     "提倡 encourages; not doing mutual or self-study is never a breach.")),
    _duty("study_per_plan", "第四条：机关学习按照计划安排进行", "Art. 4: study follows a plan",
          ORGAN, "第一章/第四条", "机关学习按照计划安排进行"),
    _duty("study_in_annual_review", "第四条：个人学习情况纳入年度考核",
          "Art. 4: each person's study counts in the annual review", OFFICE,
          "第一章/第四条", "个人学习情况和学区全体教职工同时纳入年度考核"),
    _duty("punctuality", "第五条：按时上下班，坚守工作岗位，提高工作效率",
          "Art. 5: keep office hours, stay at the post, work efficiently", STAFF,
          "第一章/第五条", "按时上下班,坚守工作岗位,注意提高工作效率"),
    _duty("no_leaving_post", "第五条：上班时间不得随意脱岗", "Art. 5: do not leave the post at "
          "will in working hours", STAFF, "第一章/第五条", "上班时间不得随意脱岗", P),
    _duty("private_calls", "第五条：尽量减少私人电话及聊天时间",
          "Art. 5: keep private calls and chatting to a minimum", STAFF,
          "第一章/第五条", "尽量减少私人电话及聊天时间"),
    _duty("no_entertainment", "第五条：不得在电脑和手机上玩游戏、看电影、聊天、网购或看与工作无关的书报",
          "Art. 5: no games, films, chat, online shopping or unrelated reading at work", STAFF,
          "第一章/第五条", "不得在电脑和手机上玩游戏、看电影、聊QQ和微信、逛淘宝等,或者看一些与工作内容无关的书报杂志", P),
    _duty("no_disturbing_activities", "第五条：不得在办公室从事妨碍他人或与工作无关的活动",
          "Art. 5: no activities in the office that disturb others or are unrelated to work",
          STAFF, "第一章/第五条", "不得在办公室从事妨碍他人或与正常工作无关的活动", P),
    _duty("commitment", "第六条：爱岗敬业，乐于奉献，有担当和责任意识",
          "Art. 6: dedication and a sense of responsibility", STAFF,
          "第一章/第六条", "爱岗敬业,乐于奉献,要有担当和责任意识"),
    _duty("task_allocation", "第六条：业务工作由主任或办公室负责人协调分配专人办理，分工协作",
          "Art. 6: the head or office head assigns each task to a named person; clear division "
          "and close cooperation", zh_en("主任或办公室负责人", "district head or office head"),
          "第一章/第六条", "业务工作由主任或办公室负责人协调分配专人办理,既有明确分工又要密切协作"),
    _duty("timely_completion", "第六条：及时、高效完成工作任务，勇于担当负责",
          "Art. 6: finish tasks promptly and efficiently and take responsibility", STAFF,
          "第一章/第六条", "要及时、高效完成工作任务,勇于担当负责"),
    _duty("orderly_work", "第六条：工作主次分明、步骤明确，尽量不打扰他人和基层学校教学秩序",
          "Art. 6: orderly work that as far as possible does not disturb others or schools' "
          "teaching", STAFF, "第一章/第六条", "开展工作要主次分明、思路清晰、步骤明确,尽量以不打扰他人或基层学校正常教学秩序为前提"),
    _duty("report_open_matters", "第六条：一时无法确定的事项及时汇报学区主任研究解决",
          "Art. 6: report undecided matters promptly to the district head", STAFF,
          "第一章/第六条", "对一时无法确定的事项要及时汇报学区主任研究解决"),
    _duty("no_buck_passing", "第六条：不得推诿扯皮、拖延应付", "Art. 6: no buck-passing or "
          "stalling", STAFF, "第一章/第六条", "不得推诿扯皮、拖延应付", P),
    _duty("accountability", "第六条：对因工作失误造成严重后果者追究责任并严肃处理",
          "Art. 6: hold to account those whose mistakes cause serious consequences", OFFICE,
          "第一章/第六条", "对因工作失误造成严重后果者,予以责任追究并严肃处理"),
    _duty("duty_system", "第七条：机关建立值日值班制度", "Art. 7: the office sets up a duty system",
          ORGAN, "第一章/第七条", "机关建立值日值班制度"),
    _duty("rotation", "第七条：周值班由工作人员轮流担任", "Art. 7: weekly duty rotates among the "
          "staff", WORKERS, "第一章/第七条", "工作人员实行轮流周值班制度"),
    _duty("on_duty_tasks", "第七条：值班人员早到开门、迟走关锁门窗，及时打扫卫生",
          "Art. 7: the person on duty opens early, locks up late and cleans", ON_DUTY,
          "第一章/第七条", "值班人员坚持早到开门、迟走关锁门窗等,并及时打扫卫生"),
    _duty("delegate_when_away", "第七条：值班人员外出或离开单位时委托他人值班",
          "Art. 7: the person on duty hands over to someone else when away", ON_DUTY,
          "第一章/第七条", "若因公因私外出或者离开单位时要委托他人值班"),
    _duty("first_contact", "第七条：实行值班人员首问、接待制度，文明办公，礼貌待人",
          "Art. 7: first-contact and reception by the person on duty; courteous service",
          ON_DUTY, "第一章/第七条", "并实行值班人员首问、接待制度,文明办公,礼貌待人"),
    _duty("confidentiality", "第八条：严格执行保密纪律，严禁谈论、泄露尚未公开的工作机密和领导谈话",
          "Art. 8: keep confidentiality; never discuss or leak unpublished work secrets or "
          "leaders' talks", STAFF,
          "第一章/第八条", "严禁公共场所或在家人、子女、亲友、同事等面前谈论、泄露尚未公开的工作机密和领导谈话", P,
          note=zh_en("“保安纪律”按勘误 E01 读作“保密纪律”；第八条在采集中截断。",
                     "保安纪律 reads 保密纪律 (erratum E01); article 8 is cut off in the capture."),
          extra=(C("第一章/第八条", "严格执行保密纪律"),)),
)

def build(document: Document) -> Policy:
    return Policy(
        name="xuequ_office", version=document.version, document=document,
        parameters=PARAMETERS, rules=RULES + CHECKLIST, narratives=NARRATIVES,
        document_findings=DOCUMENT_FINDINGS, unencoded=UNENCODED, terms=TERMS,
        data={"articles_complete": 7, "truncated_in_article": 8},
        valid_from=VALID_FROM, valid_until=VALID_UNTIL, validity=VALIDITY,
        facts_model=FACTS,
        concepts=CONCEPTS,
    )
