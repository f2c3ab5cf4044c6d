"""Ziyang's quantitative rules: counts, community structure, the 10万元 decision, decline."""

from __future__ import annotations

from xuequ_policies.ziyang.annex import AnnexRow
from xuequ_policies.ziyang.facts import AccountabilityAction, ApprovalRoute
from xuequ_policies.ziyang.parameters import (
    APPROVAL_THRESHOLD,
    COMMUNITIES_NINE_YEAR,
    COMMUNITIES_PRIMARY,
    COMMUNITIES_TOTAL,
    CORE_SCHOOLS,
    DECLINE_YEARS,
    LAUNCH_DATE,
    MENTEES_MIN,
    PHASES,
)
from xuequ_policies.ziyang.parties import (
    BUREAU,
    BUREAU_PARTY,
    COMPULSORY_STAGES,
    MENTORS,
    C,
)

from xuequ_rules.facts.model import Stage
from xuequ_rules.policy.dsl import (
    Case,
    Decision,
    Modality,
    Outcome,
    Rule,
    f,
    length,
    phase_rules,
    zh_en,
)
from xuequ_rules.policy.expr import IsIn
from xuequ_rules.policy.sequence import consecutive

STAGE_RULE = "ziyang.community.stage"
EXPENDITURE_RULE = "ziyang.expenditure.approval_route"


def member_schools(rows: tuple[AnnexRow, ...]) -> tuple[str, ...]:
    """The member schools (成员校) the annex names, in annex order."""
    return tuple(member.school for row in rows for member in row.members)


def expenditure_route(rows: tuple[AnnexRow, ...]) -> Decision:
    """二/(三)/7: who signs a single item of spending.

    The lower band names only the member-school principal. A spending school the annex lists
    as a member school takes that route; for any other school (a core school, or a school the
    annex does not list as a member) the text does not say who signs, so the answer is
    undetermined rather than a guessed route.
    """
    members = member_schools(rows)
    return Decision(
        id=EXPENDITURE_RULE,
        title=zh_en("单项经费支出：成员校不足10万元由成员校校长按程序审签；10万元及以上按“三重一大”"
                    "集体决策并由核心校校长审签",
                    "Single-item spending: a member school's item below 100,000 yuan is signed "
                    "by its principal; from 100,000 yuan (inclusive) the collective 三重一大 "
                    "procedure and the core-school principal's signature"),
        party=zh_en("教共体各校（成员校校长、教共体党委、核心校校长）",
                    "schools of a community (member principals, community party committee, "
                    "core principal)"),
        subject="expenditures", question="expenditure.approval_route", actual=f.approval_route,
        concept="expenditure.approval_route",
        cases=(
            Case((f.amount < APPROVAL_THRESHOLD) & IsIn(f.school, members, open=True),
                 Outcome(ApprovalRoute.MEMBER_PRINCIPAL.value,
                         zh_en("成员校10万元以内的支出：由成员校校长按程序审签",
                               "a member school's item below 100,000 yuan: signed off by the "
                               "member-school principal following procedure")),
                 (C("二/(三)/7", "单项经费支出在 1 0万元以内的由成员校校长按程序审签"),
                  C("附件", "成员校"))),
            Case(f.amount >= APPROVAL_THRESHOLD,
                 Outcome(ApprovalRoute.COLLECTIVE_CORE_PRINCIPAL.value,
                         zh_en("10万元以上（含10万元）：按“三重一大”事项集体决策，由核心校校长审签",
                               "100,000 yuan or more: decided collectively as a 三重一大 matter "
                               "and signed off by the core-school principal")),
                 (C("二/(三)/7", "1 0万元以上(含 1 0万元)的经费支出按教共体内“三重一大”事项执行"
                                "并由核心校校长审签"),)),
        ),
        note=zh_en("10万元以内一档只写“成员校校长”：附件所列成员校的支出按此审签；核心校自身（及附件未列为"
                   "成员校的学校）不足10万元的支出由谁审签文件未规定，判定为无法确定，而不推定任何程序"
                   "（见文件问题 ziyang.finding.core_school_small_spending_signer）。",
                   "The lower band names only the member-school principal: the member schools "
                   "listed in the annex take that route; who signs the core school's own "
                   "spending below 100,000 yuan (or that of a school the annex does not list as "
                   "a member) is not stated, so it is undetermined rather than a guessed route "
                   "(see finding ziyang.finding.core_school_small_spending_signer)."),
        cites=(C("二/(三)/7", "教共体各校公用经费支出实行定额管理"),))

STRUCTURE: tuple[Rule, ...] = (
    Rule(id="ziyang.schools.all_in_communities",
         title=zh_en("全县义务教育学校全部纳入教共体",
                     "Every compulsory-education school of the county is in a community"),
         kind=Modality.OBLIGATION, party=BUREAU, subject="schools",
         applies=f.stage.isin(COMPULSORY_STAGES), requires=f.in_community.eq(True),
         concept="community.all_schools_included",
         cites=(C("一", "将全县义务教育学校全部纳入教共体建设"),)),
    Rule(id="ziyang.community.one_core_school",
         title=zh_en("每个教共体有且只有1所核心校", "Each community has exactly one core school"),
         kind=Modality.DEFINITION, party=BUREAU, subject="communities",
         requires=length(f.core_schools).eq(CORE_SCHOOLS), concept="community.core_schools",
         cites=(C("一", "每个教共体由 1所优质学校作为核心校"),
                C("二/(一)/1", "按照“1个核心校+若干成员校”模式,组建多个教共体"))),
    Rule(id="ziyang.community.has_members",
         title=zh_en("教共体由核心校和若干所成员校组成（至少1所成员校）",
                     "A community has member schools besides its core school"),
         kind=Modality.DEFINITION, party=BUREAU, subject="communities",
         requires=length(f.members) >= 1, concept="community.members",
         cites=(C("一", "其他若干所学校作为成员校"),
                C("二/(一)/1", "“1个核心校+若干成员校”"))),
    Rule(id=STAGE_RULE,
         title=zh_en("义务教育学段的教共体为小学教共体或九年制教共体",
                     "A compulsory-stage community is a primary-school or a nine-year community"),
         kind=Modality.DEFINITION, party=BUREAU, subject="communities",
         applies=f.stage.isin(COMPULSORY_STAGES),
         requires=f.stage.isin((Stage.PRIMARY.value, Stage.NINE_YEAR.value)),
         concept="community.stage",
         note=zh_en("正文把全县义务教育学校组建为小学、九年制两类教共体，并未限制其他学段能否组建教共体；"
                    "本规则只判断义务教育学段的教共体。附件另列高中、学前教共体各1个，正文未提及，"
                    "作为文件问题报告（ziyang.finding.annex_beyond_compulsory），不判为违反。",
                    "The text forms the county's compulsory-education schools into primary and "
                    "nine-year communities; it does not restrict whether other stages may form "
                    "communities, so only compulsory-stage communities are judged. The annex's "
                    "senior-secondary and preschool communities, which the text does not "
                    "mention, are reported as a document finding, not as violations."),
         cites=(C("一", "将全县义务教育学校全部纳入教共体建设,组建8个教共体。其中:小学教共体 3个、九年制教共体 5个"),
                C("二/(一)/3", "将初中、小学捆绑纳入九年制教共体"))),
    Rule(id="ziyang.community.head_principal_is_core_principal",
         title=zh_en("总校校长为教共体法定代表人并兼任核心校校长",
                     "The head principal is the community's legal representative and the "
                     "core school's principal"),
         kind=Modality.DEFINITION, party=BUREAU_PARTY, subject="communities",
         requires=f.legal_representative_is_core_principal.eq(True),
         concept="community.head_principal_is_core_principal",
         cites=(C("二/(一)/2", "总校校长为教共体法定代表人,并兼任核心校校长"),)),
    Rule(id="ziyang.communities.primary_count",
         title=zh_en("组建小学教共体3个", "Three primary-school communities formed"),
         kind=Modality.TARGET, party=BUREAU, subject="district_indicators",
         applies=f.year.eq(LAUNCH_DATE.year),
         requires=f.communities_primary.eq(COMMUNITIES_PRIMARY),
         deadline=LAUNCH_DATE, concept="community.count_primary",
         note=zh_en("按2024年10月底全面启动时组建计；此后可“适时优化调整”。",
                    "Judged at the full launch (end of October 2024); later adjustments are "
                    "allowed."),
         cites=(C("一", "其中:小学教共体 3个、九年制教共体 5个"),
                C("一", "2024年 1 0月底全面启动"))),
    Rule(id="ziyang.communities.nine_year_count",
         title=zh_en("组建九年制教共体5个", "Five nine-year communities formed"),
         kind=Modality.TARGET, party=BUREAU, subject="district_indicators",
         applies=f.year.eq(LAUNCH_DATE.year),
         requires=f.communities_nine_year.eq(COMMUNITIES_NINE_YEAR),
         deadline=LAUNCH_DATE, concept="community.count_nine_year",
         cites=(C("一", "其中:小学教共体 3个、九年制教共体 5个"),
                C("一", "2024年 1 0月底全面启动"))),
    Rule(id="ziyang.communities.total_count",
         title=zh_en("全县组建8个（义务教育）教共体", "Eight (compulsory-education) communities "
                     "formed in the county"),
         kind=Modality.TARGET, party=BUREAU, subject="district_indicators",
         applies=f.year.eq(LAUNCH_DATE.year),
         requires=(f.communities_primary + f.communities_nine_year).eq(COMMUNITIES_TOTAL),
         deadline=LAUNCH_DATE, concept="community.count_total",
         cites=(C("一", "将全县义务教育学校全部纳入教共体建设,组建8个教共体"),
                C("一", "2024年 1 0月底全面启动"))),
    Rule(id="ziyang.mentoring.young_teachers_per_year",
         title=zh_en("骨干校长、骨干教师每人每年培养指导本学科青年教师至少1名",
                     "Each backbone principal or teacher mentors at least one young teacher of "
                     "the same subject a year"),
         kind=Modality.OBLIGATION, party=MENTORS, subject="mentoring",
         requires=f.young_teachers_mentored >= MENTEES_MIN,
         concept="mentoring.min_young_teachers_per_year",
         cites=(C("二/(二)/5", "教共体内的骨干校长、骨干教师采取“导师制”对青年教师进行针对性培养,"
                              "每人每年培养指导本学科青年教师至少 1名"),)),
    Rule(id="ziyang.assessment.decline_consequence",
         title=zh_en("教学质量、管理水平连续两年下滑的核心校和成员校校长轮岗交流或降级处理",
                     "Core and member principals whose school declines two years running are "
                     "rotated or demoted"),
         kind=Modality.OBLIGATION, party=BUREAU, subject="assessments",
         applies=consecutive(f.declined, count=DECLINE_YEARS, per=f.school, order=f.year),
         requires=f.action.isin((AccountabilityAction.ROTATED.value,
                                 AccountabilityAction.DEMOTED.value)),
         concept="principal.accountability_for_decline",
         cites=(C("二/(五)/13", "对教学质量、管理水平连续两年下滑的核心校和成员校校长进行轮岗交流或降级处理"),
                C("二/(五)/13", "县教体局负责"))),
)

# Rules whose sentences (and headings) name no responsible party; encoded with the county
# bureau and listed in the missing_party finding.
UNNAMED_QUANTITATIVE: tuple[str, ...] = (
    "ziyang.schools.all_in_communities", "ziyang.community.one_core_school",
    "ziyang.community.has_members", STAGE_RULE, "ziyang.communities.primary_count",
    "ziyang.communities.nine_year_count", "ziyang.communities.total_count",
    *(f"ziyang.{phase.id}.completed" for phase in PHASES))


def quantitative_rules(rows: tuple[AnnexRow, ...]) -> tuple[Rule | Decision, ...]:
    """The quantitative rules, the 10万元 decision (which reads the annex) and the phase targets."""
    return (*STRUCTURE, expenditure_route(rows), *phase_rules("ziyang", PHASES, BUREAU))
