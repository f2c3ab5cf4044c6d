"""Nantong's rules on teachers, principals, titles and education groups (二/(二), 二/(三))."""

from __future__ import annotations

from xuequ_policies.nantong.facts import TitleLevel
from xuequ_policies.nantong.parameters import (
    EXCHANGE_MIN,
    MAX_TERMS,
    TERM_MAX,
    TERM_MIN,
    TRAINING_CYCLE,
    TRAINING_HOURS,
    WEAK_SCHOOL_YEARS,
)
from xuequ_policies.nantong.parties import (
    DISTRICTS,
    TWO_LEVEL_EDU,
    C,
)

from xuequ_rules.facts.model import ZoneForm
from xuequ_rules.policy.dsl import (
    Modality,
    Rule,
    f,
    zh_en,
)

TEACHER_FLOW_NOTE = zh_en(
    "文件未写明责任主体，本库按市、区两级教育部门编码（见文件问题 missing_party）。",
    "The text names no party; encoded as the city and district education departments "
    "(see the missing_party finding).")

STAFF_RULES: tuple[Rule, ...] = (
    Rule(id="nantong.training.cycle_length",
         title=zh_en("教师全员培训以5年为一周期", "Teacher training runs in five-year cycles"),
         kind=Modality.DEFINITION, party=TWO_LEVEL_EDU, subject="training_records",
         requires=f.cycle_years.eq(TRAINING_CYCLE), concept="training.cycle_years",
         note=TEACHER_FLOW_NOTE,
         cites=(C("二/(三)", "严格实施5年一周期不少于360学时的教师全员培训制度"),)),
    Rule(id="nantong.training.min_hours",
         title=zh_en("每名教师每5年周期培训不少于360学时",
                     "Each teacher trains at least 360 class hours per five-year cycle"),
         kind=Modality.OBLIGATION, party=TWO_LEVEL_EDU, subject="training_records",
         applies=f.cycle_years.eq(TRAINING_CYCLE),
         requires=f.hours >= TRAINING_HOURS, concept="training.min_hours_per_cycle",
         note=TEACHER_FLOW_NOTE,
         cites=(C("二/(三)", "严格实施5年一周期不少于360学时的教师全员培训制度"),)),
    Rule(id="nantong.principal.max_consecutive_terms",
         title=zh_en("校长在同一所学校的连续任期原则上不超过2届",
                     "A principal serves in principle at most two consecutive terms at one "
                     "school"),
         kind=Modality.OBLIGATION, party=TWO_LEVEL_EDU, subject="principal_terms",
         requires=f.consecutive_term <= MAX_TERMS, in_principle=True,
         concept="principal.max_consecutive_terms", note=TEACHER_FLOW_NOTE,
         cites=(C("二/(三)", "校长在同一所学校的连续任期原则上不超过2届"),)),
    Rule(id="nantong.principal.term_length",
         title=zh_en("校长每届任期原则上为3~5年", "A principal's term is in principle 3 to 5 years"),
         kind=Modality.OBLIGATION, party=TWO_LEVEL_EDU, subject="principal_terms",
         requires=(f.term_years >= TERM_MIN) & (f.term_years <= TERM_MAX), in_principle=True,
         concept="principal.term_years",
         note=zh_en("“每届3~5年”规定的是每届任期的长度：所判断的事实“本届任期（年）”是这一届任命的任期年限，"
                    "不是已任职的时间，故正在任期第一年的校长（如任期4年）并不违反；任命的任期不足3年或"
                    "超过5年才不符合。" + TEACHER_FLOW_NOTE.zh,
                    "'每届3~5年' sets the length of each term: the fact judged, term_years, is "
                    "the length of the term as appointed, not the time served so far, so a "
                    "principal in the first year of a four-year term is no breach; only a term "
                    "appointed for less than 3 or more than 5 years is. " + TEACHER_FLOW_NOTE.en),
         cites=(C("二/(三)", "校长在同一所学校的连续任期原则上不超过2届,每届3~5年"),)),
    Rule(id="nantong.teacher_exchange.min_share",
         title=zh_en("教师原则上每年按不低于15%的比例进行交流",
                     "In principle at least 15% of teachers are exchanged each year"),
         kind=Modality.OBLIGATION, party=TWO_LEVEL_EDU, subject="teacher_exchanges",
         applies=f.eligible > 0,
         requires=f.rotated >= EXCHANGE_MIN * f.eligible, in_principle=True,
         concept="teacher_exchange.min_share_per_year",
         note=zh_en("基数未写明，按符合交流条件的教师数计算（见文件问题）。" + TEACHER_FLOW_NOTE.zh,
                    "The base is not stated; computed over eligible teachers (see the "
                    "document finding). " + TEACHER_FLOW_NOTE.en),
         cites=(C("二/(三)", "教师包括骨干教师原则上应按每年不低于15%的比例进行交流"),)),
    Rule(id="nantong.teacher_exchange.backbone_min_share",
         title=zh_en("骨干教师也原则上每年按不低于15%的比例进行交流",
                     "Backbone teachers too: in principle at least 15% exchanged each year"),
         kind=Modality.OBLIGATION, party=TWO_LEVEL_EDU, subject="teacher_exchanges",
         applies=f.backbone_eligible > 0,
         requires=f.backbone_rotated >= EXCHANGE_MIN * f.backbone_eligible, in_principle=True,
         concept="teacher_exchange.backbone_min_share_of_backbone_per_year",
         note=zh_en("“教师包括骨干教师”理解为15%的比例同样适用于骨干教师（不能只交流一般教师）；"
                    "基数按符合交流条件的骨干教师数计算。",
                    "'Teachers including backbone teachers' read as: the 15% applies to backbone "
                    "teachers as well; computed over eligible backbone teachers."),
         cites=(C("二/(三)", "教师包括骨干教师原则上应按每年不低于15%的比例进行交流"),)),
    Rule(id="nantong.title.senior_requires_weak_school",
         title=zh_en("城区中小学教师评聘高级职称原则上须有在薄弱学校任教2年以上的经历",
                     "Urban teachers applying for a senior title need in principle at least two "
                     "years at a weak school"),
         kind=Modality.OBLIGATION, party=zh_en("人事部门和教育部门（评聘）",
                                               "personnel and education departments"),
         subject="title_applications",
         applies=f.urban_school.eq(True) & f.level.eq(TitleLevel.SENIOR.value),
         requires=f.years_in_weak_school >= WEAK_SCHOOL_YEARS, in_principle=True,
         concept="title.senior_requires_weak_school_years",
         note=zh_en("“2年以上”含2年；“薄弱学校”文件未定义。",
                    "'2 years or more' includes 2; the text never defines a weak school."),
         cites=(C("二/(三)", "城区中小学教师评聘高级职务(职称),原则上须有在薄弱学校任教2年以上的经历"),)),
    Rule(id="nantong.group.has_core_school",
         title=zh_en("教育集团以优质名校或办学水平相对较高的学校为骨干",
                     "An education group is built around a quality school or a school of "
                     "relatively high standing"),
         kind=Modality.DEFINITION, party=DISTRICTS, subject="zones",
         applies=f.form.eq(ZoneForm.EDUCATION_GROUP.value),
         requires=f.lead_school.ne(""), concept="zone.group_lead_school",
         note=zh_en("只判断集团是否有骨干（牵头）校，不判断其是否为“优质”学校：文件允许以“办学水平相对较高"
                    "的学校”为骨干，这一标准文件未定义，集团中没有认定的优质学校并不构成违反，按优质学校数"
                    "判断会比文件更严。未报骨干（牵头）校的集团无法判定，而不是不符合；骨干校名称为空才不符合。"
                    "文件未写明由谁组建集团，本库按各区编码（见文件问题 missing_party）。",
                    "Only whether a group has a core (lead) school is judged, not whether it is a "
                    "'quality' school: the text also allows 'a school of relatively high standing', "
                    "which it does not define, so a group without a designated quality school is "
                    "no breach, and judging by the count of quality schools would be stricter "
                    "than the text. A group whose core school is not reported is undetermined, "
                    "not a breach; only an empty core-school name is. "
                    "The text does not say who forms groups; encoded as the "
                    "districts (see the missing_party finding)."),
         cites=(C("二/(二)", "以优质名校和办学水平相对较高的学校为骨干,联合若干学校"),)),
)

# Rules whose sentences name no responsible party (listed in the missing_party finding).
UNNAMED_STAFF_RULES: tuple[str, ...] = (
    "nantong.training.cycle_length", "nantong.training.min_hours",
    "nantong.principal.max_consecutive_terms", "nantong.principal.term_length",
    "nantong.teacher_exchange.min_share", "nantong.teacher_exchange.backbone_min_share",
    "nantong.title.senior_requires_weak_school", "nantong.group.has_core_school")
