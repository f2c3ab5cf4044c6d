"""Caoxian's facts: a pupil's entry, suspension, transfer and withdrawal, as its school rules read them."""

from __future__ import annotations

from enum import StrEnum

from xuequ_rules.facts import fact_field, facts_schema
from xuequ_rules.facts.model import Student
from xuequ_rules.facts.quantities import Count, Flag, Number, YearsSpan


class WithdrawalReason(StrEnum):
    LONG_ILLNESS = "long_illness"                # 因病长期休学、短期内不能痊愈
    DEVELOPMENTAL_DISABILITY = "developmental_disability"  # 生理发育不全、身体发育畸形
    SERIOUS_DISEASE = "serious_disease"          # 所列严重疾病
    SEVERE_MYOPIA = "severe_myopia"              # 高度近视
    FAMILY_HARDSHIP = "family_hardship"          # 家庭突变、需负担家庭生活
    EMPLOYMENT = "employment"                    # 家庭极端困难、劳动部门安排就业
    OTHER = "other"


class CaoxianStudent(Student):
    """A pupil: entry, suspension, transfer, withdrawal."""

    new_entrant: Flag | None = fact_field("新生（新入学）", "new entrant")
    hukou_local: Flag | None = fact_field("户口在本学区", "household registration (户口) in the school's zone")
    property_local: Flag | None = fact_field("在本学区有房产（房产证）",
                                     "holds a property certificate in the school's zone")
    guest_student: Flag | None = fact_field("借读生", "admitted as a guest pupil (借读生)")
    absence_months: Number | None = fact_field("需请假时间（月）", "leave of absence needed, in months",
                                        ge=0)
    suspended: Flag | None = fact_field("休学", "suspension of schooling (休学) granted")
    suspension_years: YearsSpan | None = fact_field("休学时间（年）", "length of suspension in years")
    extensions: Count | None = fact_field("延期休学次数", "number of extensions of the suspension")
    transfer_in: Flag | None = fact_field("转入本校", "transferring into the school")
    transfer_out: Flag | None = fact_field("转出本校", "transferring out of the school")
    transfer_documents_complete: Flag | None = fact_field(
        "转学手续齐全（接收证、转学证等）", "transfer papers complete (acceptance and transfer "
        "certificates etc.)")
    transfer_reason_proper: Flag | None = fact_field(
        "转学有正当理由（如父母调动工作）", "the transfer has a proper reason (e.g. parents' job move)")
    transfer_during_term: Flag | None = fact_field("在学期中办理转学",
                                           "transfer handled during the term")
    graduating_class: Flag | None = fact_field("毕业班学生", "pupil in a graduating class")
    neighbouring_school_transfer: Flag | None = fact_field(
        "在本学区邻近学校之间转学", "transfer between neighbouring schools of the same zone")
    withdrawn: Flag | None = fact_field("退学", "withdrawn from school (退学)")
    withdrawal_reason: WithdrawalReason | None = fact_field("退学原因", "reason for withdrawal")
    withdrawal_requested_by_family: Flag | None = fact_field(
        "学生家长和学生本人要求退学", "parents and pupil themselves ask for withdrawal")
    myopia_degrees: Count | None = fact_field("近视度数（度）", "degree of myopia (度, e.g. 1200)")


FACTS = facts_schema("caoxian", extends={"students": CaoxianStudent})
