"""The shared fact models. One scenario can be evaluated under every district's policy.

Every record has an ``id``; every field is optional unless it identifies the record —
a missing fact makes a finding *undetermined*, never satisfied. Field titles are the
Chinese labels, descriptions the English ones; both reach the JSON Schema and the
explanations.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from xuequ_rules.facts.quantities import (
    ClassHours,
    Count,
    Flag,
    Number,
    Ratio,
    Whole,
    YearsSpan,
    Yuan,
)


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    id: str = Field(min_length=1, max_length=200, title="标识", description="record id")


def _f(zh: str, en: str, **kwargs: Any) -> Any:
    return Field(default=None, title=zh, description=en, **kwargs)


class Stage(StrEnum):
    PRIMARY = "primary"              # 小学
    JUNIOR = "junior"                # 初中
    NINE_YEAR = "nine_year"          # 九年一贯制
    SENIOR = "senior"                # 高中
    PRESCHOOL = "preschool"          # 学前
    TEACHING_POINT = "teaching_point"  # 教学点
    SPECIAL = "special"              # 特殊教育


class Location(StrEnum):
    URBAN = "urban"      # 城区
    TOWN = "town"        # 镇区
    RURAL = "rural"      # 乡村


class Quality(StrEnum):
    WEAK = "weak"          # 薄弱学校
    ORDINARY = "ordinary"
    QUALITY = "quality"    # 优质学校


class School(_Record):
    name: str | None = _f("校名", "school name")
    stage: Stage | None = _f("学段", "stage")
    location: Location | None = _f("城乡", "urban or rural")
    quality: Quality | None = _f("办学质量", "weak or quality school")
    public: Flag | None = _f("公办", "public school")
    students: Count | None = _f("在校学生数", "enrolled students")
    in_community: Flag | None = _f("已纳入教共体（教育集团、学区）",
                                   "the school belongs to an education community, group or zone")
    county: str | None = _f("所在县（市、区）", "county-level division the school belongs to "
                            "(groups schools for county-wide 校际差异系数)")
    special_education: Flag | None = _f("特殊教育学校", "special-education school")
    teaching_point: Flag | None = _f("教学点", "teaching point (教学点, a small village teaching site)")
    # 优质均衡 resource indicators (教督〔2017〕6号), as the school's TOTALS; the per-100-pupil and
    # per-pupil values are computed exactly from these and ``students``. A nine-year school is
    # recorded as one record per stage section (its primary part and its junior part).
    teachers_above_required_qualification: Count | None = _f(
        "高于规定学历的教师数", "teachers with a qualification above the required level (total)")
    backbone_teachers_county_level: Count | None = _f(
        "县级以上骨干教师数", "backbone teachers recognised at county level or above (total)")
    pe_art_teachers: Count | None = _f(
        "体育、艺术（美术、音乐）专任教师数", "full-time PE and art (fine art, music) teachers (total)")
    teaching_space_m2: Number | None = _f(
        "教学及辅助用房面积（平方米）", "floor area of teaching and auxiliary rooms in m² (total)", ge=0)
    sports_space_m2: Number | None = _f(
        "体育运动场馆面积（平方米）", "area of sports grounds and halls in m² (total)", ge=0)
    equipment_value: Yuan | None = _f(
        "教学仪器设备值（元）", "value of teaching instruments and equipment in yuan (total)")
    multimedia_classrooms: Count | None = _f(
        "网络多媒体教室数（间）", "networked multimedia classrooms (total)")


class ZoneForm(StrEnum):
    EDUCATION_GROUP = "education_group"              # 集团化办学
    URBAN_RURAL_ASSISTANCE = "urban_rural_assistance"  # 城乡帮扶（帮扶联盟、结对）
    SCHOOL_ALLIANCE = "school_alliance"              # 学校联盟 / 学区联盟
    OTHER = "other"


class SchoolZone(_Record):
    """A 学区 (or 教育集团 / 帮扶联盟 organised as a 学区)."""

    name: str | None = _f("学区名称", "zone name")
    form: ZoneForm | None = _f("组建形式", "form of the zone")
    sub_form: str | None = _f("具体形式", "sub-form (e.g. a kind of 城乡帮扶)")
    lead_school: str | None = _f("牵头学校", "lead school")
    schools: list[str] | None = _f("学区内学校", "schools in the zone")
    principal_heads: Count | None = _f("主要负责人人数", "number of principal heads (主要负责人)")
    quality_school_count: Count | None = _f("优质学校（龙头校）数", "quality (lead) schools in the zone")
    stage: Stage | None = _f("学段", "stage")


class CommunityMember(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    school: str = Field(min_length=1, title="成员校", description="member school")
    attached: list[str] = Field(default_factory=list, title="下属村小、教学点",
                                description="village schools and teaching points attached")


class EducationCommunity(_Record):
    """A 教共体 (or 教育集团): one core school and member schools."""

    name: str | None = _f("教共体名称", "community name")
    core_schools: list[str] | None = _f("核心校", "core school(s)")
    members: list[CommunityMember] | None = _f("成员校", "member schools")
    stage: Stage | None = _f("学段", "stage")
    legal_representative_is_core_principal: Flag | None = _f(
        "总校长为法定代表人并兼任核心校校长", "the head principal is legal representative and "
        "principal of the core school")


class Pairing(_Record):
    """A 结对帮扶 pair: a helping school and an assisted school."""

    helper_school: str | None = _f("帮扶学校", "helping school")
    assisted_school: str | None = _f("受援学校", "assisted school")
    agreement_signed: Flag | None = _f("已签订帮扶协议", "assistance agreement signed")


class TeacherExchange(_Record):
    """One year's teacher rotation / exchange figures for an area (区、学区、教共体)."""

    area: str | None = _f("范围", "area")
    year: Whole | None = _f("年度", "year", ge=1949, le=2200)
    eligible: Count | None = _f("符合交流条件教师数", "teachers eligible for exchange")
    rotated: Count | None = _f("交流轮岗教师数", "teachers rotated or exchanged")
    backbone_rotated: Count | None = _f("交流轮岗的骨干教师数", "backbone teachers among the rotated")
    backbone_eligible: Count | None = _f("符合交流条件的骨干教师数",
                                         "backbone teachers eligible for exchange")

    @model_validator(mode="after")
    def _backbone_within_rotated(self) -> TeacherExchange:
        if (self.backbone_rotated is not None and self.rotated is not None
                and self.backbone_rotated > self.rotated):
            raise ValueError(
                f"交流轮岗的骨干教师数（{self.backbone_rotated}）不能多于交流轮岗教师数"
                f"（{self.rotated}） / backbone_rotated ({self.backbone_rotated}) cannot exceed "
                f"rotated ({self.rotated})")
        if (self.rotated is not None and self.eligible is not None
                and self.rotated > self.eligible):
            raise ValueError(
                f"交流轮岗教师数（{self.rotated}）不能多于符合交流条件教师数（{self.eligible}） / "
                f"rotated ({self.rotated}) cannot exceed eligible ({self.eligible})")
        return self


class PrincipalTerm(_Record):
    """One term of a principal at one school."""

    principal: str | None = _f("校长", "principal")
    school: str | None = _f("学校", "school")
    consecutive_term: Count | None = _f("在同一学校连续第几届", "which consecutive term at this school")
    term_years: YearsSpan | None = _f("本届任期（年）", "length of this term in years")


class ApprovalRoute(StrEnum):
    MEMBER_PRINCIPAL = "member_principal"            # 成员校校长按程序审签
    COLLECTIVE_CORE_PRINCIPAL = "collective_core_principal"  # 三重一大集体决策，核心校校长审签


class Expenditure(_Record):
    community: str | None = _f("教共体", "community")
    school: str | None = _f("支出学校", "spending school")
    amount: Yuan | None = _f("支出金额（元）", "amount in yuan")
    approval_route: ApprovalRoute | None = _f("实际审批程序", "approval route actually taken")


class TitleLevel(StrEnum):
    SENIOR = "senior"            # 高级
    INTERMEDIATE = "intermediate"
    JUNIOR = "junior"


class TitleApplication(_Record):
    teacher: str | None = _f("教师", "teacher")
    level: TitleLevel | None = _f("申报职称等级", "title level applied for")
    urban_school: Flag | None = _f("城区中小学教师", "teacher at an urban school")
    years_in_weak_school: YearsSpan | None = _f("在薄弱学校任教年限", "years taught at a weak school")


class TrainingRecord(_Record):
    teacher: str | None = _f("教师", "teacher")
    cycle_start_year: Whole | None = _f("培训周期起始年", "first year of the cycle", ge=1949, le=2200)
    cycle_years: YearsSpan | None = _f("培训周期（年）", "length of the cycle in years")
    hours: ClassHours | None = _f("周期内培训学时", "training hours in the cycle")


class Mentoring(_Record):
    teacher: str | None = _f("骨干教师", "backbone teacher")
    year: Whole | None = _f("年度", "year", ge=1949, le=2200)
    young_teachers_mentored: Count | None = _f("当年结对培养青年教师数",
                                               "young teachers mentored that year")


class PrincipalRole(StrEnum):
    CORE = "core"       # 核心校校长
    MEMBER = "member"   # 成员校校长


class AccountabilityAction(StrEnum):
    ROTATED = "rotated"   # 轮岗交流
    DEMOTED = "demoted"   # 降级处理
    NONE = "none"


class SchoolAssessment(_Record):
    """A school's yearly comprehensive assessment and what was done about its principal."""

    school: str | None = _f("学校", "school")
    year: Whole | None = _f("学年", "school year", ge=1949, le=2200)
    principal_role: PrincipalRole | None = _f("校长类别", "core or member school principal")
    declined: Flag | None = _f("考核结果较上年下滑", "result declined from the year before")
    consecutive_declines: Count | None = _f("连续下滑年数", "consecutive years of decline")
    action: AccountabilityAction | None = _f("对校长的处理", "action taken on the principal")


class DistrictIndicators(_Record):
    """A district's measured figures in a year, for targets."""

    district: str | None = _f("区（县）", "district")
    year: Whole | None = _f("年度", "year", ge=1949, le=2200)
    schools_total: Count | None = _f("义务教育学校总数", "compulsory-education schools")
    schools_meeting_standard: Count | None = _f(
        "达到省定现代化办学标准的学校数", "schools meeting the provincial modernisation standard")
    quality_balance_accepted: Flag | None = _f(
        "通过优质均衡发展验收", "passed the high-quality balanced development acceptance")
    satisfaction_with_schools: Ratio | None = _f(
        "学生家长和社会对学校的满意度", "satisfaction of students, parents and society with schools")
    satisfaction_with_government: Ratio | None = _f(
        "学校和社会对政府管理义务教育的满意度",
        "satisfaction of schools and society with the government's management")
    fulltime_teachers: Count | None = _f("专任教师数", "full-time teachers")
    education_groups_primary: Count | None = _f("小学教育集团数", "primary education groups")
    education_groups_junior: Count | None = _f("初中教育集团数", "junior-middle education groups")
    communities_primary: Count | None = _f("小学教共体数", "primary-school education communities")
    communities_nine_year: Count | None = _f("九年制教共体数",
                                             "nine-year (primary + junior) education communities")
    pairing_coverage: Ratio | None = _f("结对帮扶覆盖率", "share of schools covered by pairing")
    backbone_teachers: Count | None = _f("市、区级骨干教师数", "city and district backbone teachers")
    famous_schools_introduced: Count | None = _f(
        "引进的名校数", "renowned schools brought into the district (引进名校)")
    university_affiliated_schools: Count | None = _f(
        "大学与中小学合作建立的附中、附小数",
        "affiliated secondary and primary schools set up with universities")
    university_supported_primary_schools: Count | None = _f(
        "高校支持的小学数（高参小）", "primary schools supported by universities (高参小)")
    construction_projects: Count | None = _f(
        "实施的中小学新建、改扩建项目数", "school new-build and rebuild/expansion projects carried out")
    youth_palaces_up_to_standard: Count | None = _f(
        "软硬件达标的少年宫数", "youth palaces meeting the facility and programme standard")
    excellent_school_based_courses: Count | None = _f(
        "成为区级优秀课程的校本课程数", "school-based courses rated excellent at district level")
    quality_private_schools: Count | None = _f(
        "高水平、有特色的民办中小学数", "high-level, distinctive private primary and secondary schools")
    teacher_average_pay: Yuan | None = _f("教师平均工资（元）", "average teacher pay in yuan")
    civil_servant_average_pay: Yuan | None = _f(
        "当地公务员平均工资（元）", "average pay of local civil servants in yuan")
    broadband_every_school: Flag | None = _f(
        "宽带网络校校通", "broadband network reaches every school")
    quality_resources_every_class: Flag | None = _f(
        "优质资源班班通", "quality digital resources reach every class")
    learning_space_everyone: Flag | None = _f(
        "网络学习空间人人通", "every teacher and pupil has an online learning space")
    resource_service_platform_built: Flag | None = _f(
        "已建成教育资源公共服务平台", "public service platform for education resources built")
    management_service_platform_built: Flag | None = _f(
        "已建成教育管理公共服务平台", "public service platform for education management built")

    @model_validator(mode="after")
    def _within_totals(self) -> DistrictIndicators:
        if (self.schools_meeting_standard is not None and self.schools_total is not None
                and self.schools_meeting_standard > self.schools_total):
            raise ValueError("达标学校数不能多于学校总数 / schools_meeting_standard cannot "
                             "exceed schools_total")
        if (self.backbone_teachers is not None and self.fulltime_teachers is not None
                and self.backbone_teachers > self.fulltime_teachers):
            raise ValueError("骨干教师数不能多于专任教师数 / backbone_teachers cannot exceed "
                             "fulltime_teachers")
        return self


class ConstructionPlan(_Record):
    """A district's school construction over a plan period: planned or done."""

    district: str | None = _f("区", "district")
    new_schools: Count | None = _f("新建学校数", "new schools")
    expanded_schools: Count | None = _f("改扩建学校数", "schools rebuilt or expanded")
    relocated_schools: Count | None = _f("迁建学校数", "schools relocated")
    annual_plan_made: Flag | None = _f("已排出年度建设计划", "annual construction plan drawn up")


class Milestone(_Record):
    """A plan phase or milestone: when it really started and finished (id = phase id)."""

    started_on: dt.date | None = _f("实际开始日期", "actual start date")
    completed_on: dt.date | None = _f("实际完成日期", "actual completion date")


class WithdrawalReason(StrEnum):
    LONG_ILLNESS = "long_illness"                # 因病长期休学、短期内不能痊愈
    DEVELOPMENTAL_DISABILITY = "developmental_disability"  # 生理发育不全、身体发育畸形
    SERIOUS_DISEASE = "serious_disease"          # 所列严重疾病
    SEVERE_MYOPIA = "severe_myopia"              # 高度近视
    FAMILY_HARDSHIP = "family_hardship"          # 家庭突变、需负担家庭生活
    EMPLOYMENT = "employment"                    # 家庭极端困难、劳动部门安排就业
    OTHER = "other"


class Student(_Record):
    """One pupil (identified by a pseudonymous id): entry, suspension, transfer, withdrawal."""

    school: str | None = _f("学校", "school")
    age: Count | None = _f("年龄（周岁）", "age in full years (周岁)")
    grade: Whole | None = _f("年级", "grade", ge=1, le=12)
    new_entrant: Flag | None = _f("新生（新入学）", "new entrant")
    hukou_local: Flag | None = _f("户口在本学区", "household registration (户口) in the school's zone")
    property_local: Flag | None = _f("在本学区有房产（房产证）",
                                     "holds a property certificate in the school's zone")
    guest_student: Flag | None = _f("借读生", "admitted as a guest pupil (借读生)")
    absence_months: Number | None = _f("需请假时间（月）", "leave of absence needed, in months",
                                        ge=0)
    suspended: Flag | None = _f("休学", "suspension of schooling (休学) granted")
    suspension_years: YearsSpan | None = _f("休学时间（年）", "length of suspension in years")
    extensions: Count | None = _f("延期休学次数", "number of extensions of the suspension")
    sports_skills: Count | None = _f("掌握的体育运动技能项数", "sports skills mastered")
    art_skills: Count | None = _f("掌握的艺术技能项数", "art skills mastered")
    transfer_in: Flag | None = _f("转入本校", "transferring into the school")
    transfer_out: Flag | None = _f("转出本校", "transferring out of the school")
    transfer_documents_complete: Flag | None = _f(
        "转学手续齐全（接收证、转学证等）", "transfer papers complete (acceptance and transfer "
        "certificates etc.)")
    transfer_reason_proper: Flag | None = _f(
        "转学有正当理由（如父母调动工作）", "the transfer has a proper reason (e.g. parents' job move)")
    transfer_during_term: Flag | None = _f("在学期中办理转学",
                                           "transfer handled during the term")
    graduating_class: Flag | None = _f("毕业班学生", "pupil in a graduating class")
    neighbouring_school_transfer: Flag | None = _f(
        "在本学区邻近学校之间转学", "transfer between neighbouring schools of the same zone")
    withdrawn: Flag | None = _f("退学", "withdrawn from school (退学)")
    withdrawal_reason: WithdrawalReason | None = _f("退学原因", "reason for withdrawal")
    withdrawal_requested_by_family: Flag | None = _f(
        "学生家长和学生本人要求退学", "parents and pupil themselves ask for withdrawal")
    myopia_degrees: Count | None = _f("近视度数（度）", "degree of myopia (度, e.g. 1200)")


class StaffYear(_Record):
    """One staff member of an office (e.g. a 学区 office) in one year: study, discipline, sign-in."""

    staff: str | None = _f("工作人员", "staff member")
    office: str | None = _f("机关（单位）", "office")
    year: Whole | None = _f("年度", "year", ge=1949, le=2200)
    unexcused_study_absences: Count | None = _f("无故不参加集体学习次数",
                                                "collective study sessions missed without cause")
    unexcused_late_or_early: Count | None = _f("集体学习无故迟到、早退次数",
                                               "study sessions come late to or left early without cause")
    written_explanations: Count | None = _f("书面情况说明份数", "written explanations submitted")
    award_promotion_disqualified: Flag | None = _f(
        "已取消当年评优晋级资格", "disqualified from that year's awards and promotion")
    study_notes_kept: Flag | None = _f("有学习笔记", "keeps study notes")
    reflections_written: Count | None = _f("当年撰写心得体会篇数", "reflection essays written that year")
    workdays: Count | None = _f("当年工作日数", "working days that year")
    days_signed_in: Count | None = _f("在工作日志上签到天数", "working days signed in on the work log")

    @model_validator(mode="after")
    def _signed_within_workdays(self) -> StaffYear:
        if (self.days_signed_in is not None and self.workdays is not None
                and self.days_signed_in > self.workdays):
            raise ValueError("签到天数不能多于工作日数 / days_signed_in cannot exceed workdays")
        return self


class OfficeWeek(_Record):
    """One week of an office's routine: its weekly meeting and study, and the duty rota."""

    office: str | None = _f("机关（单位）", "office")
    week_start: dt.date | None = _f("本周星期一的日期", "date of the week's Monday")
    study_session_weekday: Whole | None = _f("集中学习在星期几（1=星期一）",
                                           "weekday of the collective session (1 = Monday)",
                                           ge=1, le=7)
    study_session_morning: Flag | None = _f("集中学习在上午", "the session is held in the morning")
    study_session_hours: Number | None = _f("集中学习时长（小时）", "length of the session in hours",
                                             ge=0)
    duty_staff: str | None = _f("本周值班人员", "staff member on duty this week")
    handover_weekday: Whole | None = _f("值班交接在星期几（1=星期一）",
                                      "weekday of the duty handover (1 = Monday)", ge=1, le=7)
    handover_morning: Flag | None = _f("值班交接在早晨", "the handover is in the early morning")
    daily_log_kept: Flag | None = _f("专人逐日记载当日主要工作事务",
                                     "the day's main business is logged daily by a designated person")


class Facts(BaseModel):
    """A scenario: everything known about a jurisdiction, by collection."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    jurisdiction: str | None = _f("地区", "jurisdiction")
    schools: list[School] = Field(default_factory=list, title="学校", description="schools")
    zones: list[SchoolZone] = Field(default_factory=list, title="学区", description="school zones")
    communities: list[EducationCommunity] = Field(
        default_factory=list, title="教共体/教育集团", description="education communities")
    pairings: list[Pairing] = Field(default_factory=list, title="结对帮扶", description="pairs")
    teacher_exchanges: list[TeacherExchange] = Field(
        default_factory=list, title="教师交流轮岗", description="teacher exchange figures")
    principal_terms: list[PrincipalTerm] = Field(
        default_factory=list, title="校长任期", description="principal terms")
    expenditures: list[Expenditure] = Field(
        default_factory=list, title="经费支出", description="expenditures")
    title_applications: list[TitleApplication] = Field(
        default_factory=list, title="职称申报", description="title applications")
    training_records: list[TrainingRecord] = Field(
        default_factory=list, title="教师培训", description="training records")
    mentoring: list[Mentoring] = Field(
        default_factory=list, title="师徒结对", description="mentoring records")
    assessments: list[SchoolAssessment] = Field(
        default_factory=list, title="学校年度考核", description="yearly school assessments")
    district_indicators: list[DistrictIndicators] = Field(
        default_factory=list, title="区域指标", description="district indicators")
    construction: list[ConstructionPlan] = Field(
        default_factory=list, title="学校建设", description="school construction")
    students: list[Student] = Field(
        default_factory=list, title="学生", description="pupils (pseudonymous)")
    milestones: list[Milestone] = Field(
        default_factory=list, title="实施进度", description="plan milestones")
    staff_years: list[StaffYear] = Field(
        default_factory=list, title="机关工作人员年度记录", description="office staff, per year")
    office_weeks: list[OfficeWeek] = Field(
        default_factory=list, title="机关每周工作记录", description="office routine, per week")
    attestations: dict[str, Flag | None] = Field(
        default_factory=dict, title="职责落实确认", description="attested checklist duties")

    @model_validator(mode="after")
    def _unique_ids(self) -> Facts:
        for name in COLLECTIONS:
            seen: set[str] = set()
            repeated: set[str] = set()
            for record in getattr(self, name):   # one pass: linear in the number of records
                (repeated if record.id in seen else seen).add(record.id)
            duplicates = sorted(repeated)
            if duplicates:
                raise ValueError(f"{name} 中标识重复：{duplicates} / duplicate ids in {name}: "
                                 f"{duplicates}")
        return self


COLLECTIONS: dict[str, type[_Record]] = {
    "schools": School,
    "zones": SchoolZone,
    "communities": EducationCommunity,
    "pairings": Pairing,
    "teacher_exchanges": TeacherExchange,
    "principal_terms": PrincipalTerm,
    "expenditures": Expenditure,
    "title_applications": TitleApplication,
    "training_records": TrainingRecord,
    "mentoring": Mentoring,
    "assessments": SchoolAssessment,
    "district_indicators": DistrictIndicators,
    "construction": ConstructionPlan,
    "milestones": Milestone,
    "students": Student,
    "staff_years": StaffYear,
    "office_weeks": OfficeWeek,
}


def field_label(collection: str, name: str) -> tuple[str, str]:
    """The (Chinese, English) label of a fact field, for explanations."""
    model: type[BaseModel] = COLLECTIONS.get(collection, Facts)
    info = model.model_fields.get(name)
    if info is None:
        return name, name
    return info.title or name, info.description or name
