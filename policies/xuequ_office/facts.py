"""The 学区 office's facts: its staff's yearly study and sign-in records, and its weekly routine."""

from __future__ import annotations

import datetime as dt

from xuequ_rules.facts import Collection, Record, fact_field, facts_schema
from xuequ_rules.facts.constraints import Constraint
from xuequ_rules.facts.quantities import Count, Flag, Number, Whole
from xuequ_rules.policy.expr import f
from xuequ_rules.text import Text


class StaffYear(Record):
    """One staff member of an office (e.g. a 学区 office) in one year: study, discipline, sign-in."""

    staff: str | None = fact_field("工作人员", "staff member")
    office: str | None = fact_field("机关（单位）", "office")
    year: Whole | None = fact_field("年度", "year", ge=1949, le=2200)
    unexcused_study_absences: Count | None = fact_field("无故不参加集体学习次数",
                                                "collective study sessions missed without cause")
    unexcused_late_or_early: Count | None = fact_field("集体学习无故迟到、早退次数",
                                               "study sessions come late to or left early without cause")
    written_explanations: Count | None = fact_field("书面情况说明份数", "written explanations submitted")
    award_promotion_disqualified: Flag | None = fact_field(
        "已取消当年评优晋级资格", "disqualified from that year's awards and promotion")
    study_notes_kept: Flag | None = fact_field("有学习笔记", "keeps study notes")
    reflections_written: Count | None = fact_field("当年撰写心得体会篇数", "reflection essays written that year")
    workdays: Count | None = fact_field("当年工作日数", "working days that year")
    days_signed_in: Count | None = fact_field("在工作日志上签到天数", "working days signed in on the work log")

    constraints = (
        Constraint(f.days_signed_in <= f.workdays, Text(
            "签到天数（{days_signed_in}）不能多于工作日数（{workdays}）",
            "days_signed_in ({days_signed_in}) cannot exceed workdays ({workdays})")),
    )


class OfficeWeek(Record):
    """One week of an office's routine: its weekly meeting and study, and the duty rota."""

    office: str | None = fact_field("机关（单位）", "office")
    week_start: dt.date | None = fact_field("本周星期一的日期", "date of the week's Monday")
    study_session_weekday: Whole | None = fact_field("集中学习在星期几（1=星期一）",
                                           "weekday of the collective session (1 = Monday)",
                                           ge=1, le=7)
    study_session_morning: Flag | None = fact_field("集中学习在上午", "the session is held in the morning")
    study_session_hours: Number | None = fact_field("集中学习时长（小时）", "length of the session in hours",
                                             ge=0)
    duty_staff: str | None = fact_field("本周值班人员", "staff member on duty this week")
    handover_weekday: Whole | None = fact_field("值班交接在星期几（1=星期一）",
                                      "weekday of the duty handover (1 = Monday)", ge=1, le=7)
    handover_morning: Flag | None = fact_field("值班交接在早晨", "the handover is in the early morning")
    daily_log_kept: Flag | None = fact_field("专人逐日记载当日主要工作事务",
                                     "the day's main business is logged daily by a designated person")


FACTS = facts_schema(
    "xuequ_office",
    own={
        "staff_years": Collection(StaffYear, "机关工作人员年度记录", "office staff, per year"),
        "office_weeks": Collection(OfficeWeek, "机关每周工作记录", "office routine, per week"),
    },
)
