"""The Caoxian rules that judge a pupil's record: entry, suspension, transfer, withdrawal.

Each capture is encoded from its own text: the entry grade and age come from the capture's
entry clause, and a rule exists only if every quote it cites is in that capture.
"""

from __future__ import annotations

from xuequ_policies.caoxian.common import SCHOOL, TRANSFER_PUPIL, C, present
from xuequ_policies.caoxian.facts import WithdrawalReason
from xuequ_policies.caoxian.parameters import (
    DEFORMITY_MIN_AGE,
    EXTENSION_YEARS,
    MAX_EXTENSIONS,
    MYOPIA_DEGREES,
    Q_DEFORMITY,
    Q_EXTENSION,
    Q_ILLNESS,
    Q_MYOPIA,
    Q_TERM,
    SUSPENSION_MIN_ABSENCE,
    SUSPENSION_TERM,
    WITHDRAWAL_ILLNESS_YEARS,
)

from xuequ_rules.document.document import Document
from xuequ_rules.policy.dsl import Cite, Modality, Parameter, Rule, f, zh_en
from xuequ_rules.policy.expr import IsIn

# The withdrawal reasons of 四/(一) and the quotes that name them. The first quote decides
# whether a capture lists the reason. ``serious_disease`` is a disease named under reason 2
# (case 二, and the lupus of case 三, which the text lists beside myopia but which has no
# degree condition); ``severe_myopia`` is myopia alone.
REASONS: dict[WithdrawalReason, tuple[Cite, ...]] = {
    WithdrawalReason.LONG_ILLNESS: (C("四/(一)/1", "因病休学两年以上"),),
    WithdrawalReason.DEVELOPMENTAL_DISABILITY: (C("四/(一)/2", "一是身体发育畸形"),),
    WithdrawalReason.SERIOUS_DISEASE: (C("四/(一)/2", "二是因患流行性"),
                                       C("四/(一)/2", "严重红斑狼疮病者等")),
    WithdrawalReason.SEVERE_MYOPIA: (C("四/(一)/2", Q_MYOPIA),),
    WithdrawalReason.FAMILY_HARDSHIP: (C("四/(一)/3", "因家庭情况突然变化"),),
    WithdrawalReason.EMPLOYMENT: (C("四/(一)/4", "因家庭生活极端困难,劳动部门同意安排就业者"),),
}
Q_GENERALLY = "此条一般指下述三种情况"
Q_WITHDRAWAL = "学生在校期间,一般不准退学,对少数确有下列原因之一的,可以考虑办理退学手续"
TRANSFERRING = f.transfer_in.eq(True) | f.transfer_out.eq(True)


def listed_reasons(document: Document) -> list[WithdrawalReason]:
    return [reason for reason, cites in REASONS.items() if present(document, cites[:1])]


def withdrawal_list_complete(document: Document) -> bool:
    """The capture reaches past the list of 四/(一) (to 四/(二)), so the list is whole."""
    return document.has_clause("四/(二)")


def _withdrawal_rule(document: Document) -> Rule:
    allowed = listed_reasons(document)
    complete = withdrawal_list_complete(document)
    names = "、".join(r.value for r in allowed)
    if complete:
        note = zh_en(f"所列原因（本采集稿完整载有）：{names}；其他原因一般不准退学",
                     f"The listed reasons (complete in this capture): {names}; any other "
                     "reason is normally not admitted")
    else:
        note = zh_en(f"本采集稿的原因列表在第2项中被截断，只见：{names}。截断的列表不是封闭列表："
                     "未见于本稿的原因（包括第2项其余情况、第3、4项）无法判定是否列举，结论为无法判定",
                     f"This capture's list is cut off inside reason 2; only {names} are seen. A "
                     "list cut off by the capture is not closed: a reason not seen here (the "
                     "rest of reason 2, reasons 3 and 4) may be listed in the missing text, so "
                     "the answer is undetermined")
    listed = IsIn(f.withdrawal_reason, tuple(r.value for r in allowed), open=not complete)
    return Rule(
        id="caoxian.withdrawal.listed_reasons_only",
        title=zh_en("一般不准退学，仅列举原因之一方可考虑办理",
                    "No withdrawal, save for one of the listed reasons"),
        kind=Modality.PROHIBITION, party=SCHOOL, subject="students", in_principle=True,
        applies=f.withdrawn.eq(True), forbids=~listed, concept="student.withdrawal_reasons",
        note=note, cites=(C("四/(一)", Q_WITHDRAWAL),
                          *(c for r in allowed for c in REASONS[r] if present(document, (c,)))))


def student_rules(document: Document, grade: Parameter, age: Parameter,
                  entry_quote: str) -> list[Rule]:
    return [
        # 一、入学
        Rule(id="caoxian.entry.age_and_hukou",
             title=zh_en(f"户口在本学区的{grade.value}年级新生须年满{age.value}周岁",
                         f"A grade-{grade.value} new entrant with local hukou is at least "
                         f"{age.value}"),
             kind=Modality.DEFINITION, party=SCHOOL, subject="students",
             applies=f.new_entrant.eq(True) & f.grade.eq(grade) & f.hukou_local.eq(True),
             requires=f.age >= age, concept="student.entry_age",
             note=zh_en("“正常儿童”未定义，未作为条件编码（见未编码项）。",
                        "'Normal children' is undefined and not encoded as a condition."),
             cites=(C("一/(一)", entry_quote), C("一/(一)", "户口在本学区的正常儿童入学"))),
        Rule(id="caoxian.entry.guest_student",
             title=zh_en("无本学区户口和房产证的新生作借读生处理",
                         "A new entrant without local hukou and property certificate is a guest "
                         "pupil"),
             kind=Modality.OBLIGATION, party=SCHOOL, subject="students",
             applies=(f.new_entrant.eq(True) & f.hukou_local.eq(False)
                      & f.property_local.eq(False)),
             requires=f.guest_student.eq(True), concept="student.guest_status",
             cites=(C("一/(四)", "凡无本学区户口和房产证的新生,作借读生处理"),)),
        # 二、休学、复学
        Rule(id="caoxian.suspension.needs_three_months_leave",
             title=zh_en("准予休学的条件：需要请假达三个月以上",
                         "Suspension is granted only where leave of three months or more is "
                         "needed"),
             kind=Modality.DEFINITION, party=SCHOOL, subject="students",
             applies=f.suspended.eq(True),
             requires=f.absence_months >= SUSPENSION_MIN_ABSENCE,
             concept="student.suspension_condition",
             note=zh_en("“准予休学”以需要请假达三个月以上为条件：已准予休学而所需请假不足三个月，"
                        "不符合本条。原因（严重疾病或其他特殊原因）是开放的，未编码为条件。",
                        "Suspension is granted on the condition that leave of three months or "
                        "more is needed: a suspension granted for less does not meet this "
                        "clause. The grounds (serious illness or other special reasons) are "
                        "open-ended and not encoded as a condition."),
             cites=(C("二/(一)", "因严重疾病或其他特殊原因,需要请假达三个月以上的准予休学"),)),
        Rule(id="caoxian.suspension.term",
             title=zh_en("休学期限为一年，延期休学的再加一年（至多两年）",
                         "A suspension lasts one year, or two once it has been extended"),
             kind=Modality.OBLIGATION, party=SCHOOL, subject="students",
             applies=f.suspended.eq(True),
             requires=(f.suspension_years <= SUSPENSION_TERM)
             | ((f.extensions > 0) & (f.suspension_years <= SUSPENSION_TERM + EXTENSION_YEARS)),
             concept="student.suspension_term",
             note=zh_en("一年以内的休学不论是否延期都在期限内；延期的（原文“可再延期休学一年”，"
                        "只有一次）至多两年。再次延期本身由 caoxian.suspension.one_extension 判定，"
                        "不使期限再加长。",
                        "A suspension of a year or less is within the term whether or not it "
                        "was extended; an extended one (可再延期休学一年, once) lasts two years "
                        "at most. A further extension is judged by "
                        "caoxian.suspension.one_extension and does not lengthen the term."),
             cites=(C("二/(一)", Q_TERM), C("二/(一)", Q_EXTENSION))),
        Rule(id="caoxian.suspension.one_extension",
             title=zh_en("休学至多可再延期一次", "A suspension may be extended once at most"),
             kind=Modality.OBLIGATION, party=SCHOOL, subject="students",
             applies=f.suspended.eq(True), requires=f.extensions <= MAX_EXTENSIONS,
             concept="student.suspension_max_extensions", cites=(C("二/(一)", Q_EXTENSION),)),
        # 三、转学
        Rule(id="caoxian.transfer.no_incomplete_papers",
             title=zh_en("学校不得擅自接受转学手续不齐全的学生入学",
                         "The school must not admit a transfer pupil whose papers are incomplete"),
             kind=Modality.PROHIBITION, party=SCHOOL, subject="students",
             applies=f.transfer_in.eq(True), forbids=f.transfer_documents_complete.eq(False),
             concept="student.transfer_papers",
             cites=(C("三/(一)", "学校不得擅自接受转学手续不齐全的学生入学"),)),
        Rule(id="caoxian.transfer.registration_papers",
             title=zh_en("转入学生注册时须持接收证、转学证及德育考核手册",
                         "Transfer pupils register with acceptance and transfer certificates "
                         "and conduct record"),
             kind=Modality.OBLIGATION, party=TRANSFER_PUPIL, subject="students",
             applies=f.transfer_in.eq(True), requires=f.transfer_documents_complete.eq(True),
             concept="student.transfer_papers",
             cites=(C("三/(五)", "转入的学生在办理注册手续时,必须持我校接收证和原校开出的转学证及发放的在校德育考核手册"),)),
        Rule(id="caoxian.transfer.between_terms",
             title=zh_en("转学一般在学期结束后或开学前办理",
                         "Transfers are normally handled between terms"),
             kind=Modality.OBLIGATION, party=SCHOOL, subject="students", in_principle=True,
             applies=TRANSFERRING, requires=f.transfer_during_term.eq(False),
             concept="student.transfer_timing",
             cites=(C("三/(三)", "转学工作一般在学期结束后或开学前办理"),)),
        Rule(id="caoxian.transfer.not_graduating_class",
             title=zh_en("毕业班学生除特殊情况外一般不予转学",
                         "Pupils in a graduating class are normally not transferred"),
             kind=Modality.PROHIBITION, party=SCHOOL, subject="students", in_principle=True,
             applies=f.graduating_class.eq(True), forbids=TRANSFERRING,
             concept="student.transfer_graduating_class",
             cites=(C("三/(三)", "毕业班的学生,除特殊情况外,一般不予转学"),)),
        Rule(id="caoxian.transfer.not_between_neighbouring_schools",
             title=zh_en("本学区邻近学校之间一般不转学，情况十分特殊的可酌情考虑",
                         "No transfers between neighbouring schools of the zone, save very "
                         "special cases"),
             kind=Modality.PROHIBITION, party=SCHOOL, subject="students", in_principle=True,
             applies=TRANSFERRING, forbids=f.neighbouring_school_transfer.eq(True),
             concept="student.transfer_neighbouring_schools",
             cites=(C("三/(四)", "本学区邻近学校一般不存在转学问题,情况十分特殊的,可酌情考虑"),)),
        Rule(id="caoxian.transfer.no_reason_guest_student",
             title=zh_en("无正当理由转入而被接收的学生作借读生处理",
                         "A pupil admitted on transfer without a proper reason is a guest pupil"),
             kind=Modality.OBLIGATION, party=SCHOOL, subject="students",
             applies=f.transfer_in.eq(True) & f.transfer_reason_proper.eq(False),
             requires=f.guest_student.eq(True), concept="student.guest_status",
             cites=(C("三/(六)", "凡无正当理由要求转入我校学习的学生"),
                    C("三/(六)", "一旦接收作借读生处理"))),
        # 四、退学
        _withdrawal_rule(document),
        Rule(id="caoxian.withdrawal.long_illness",
             title=zh_en("因病退学须已因病休学两年以上", "Withdrawal for illness needs two "
                         "or more years of sick suspension"),
             kind=Modality.DEFINITION, party=SCHOOL, subject="students",
             applies=f.withdrawn.eq(True) & f.withdrawal_reason.eq(
                 WithdrawalReason.LONG_ILLNESS.value),
             requires=f.suspension_years >= WITHDRAWAL_ILLNESS_YEARS,
             concept="student.withdrawal_illness_years",
             note=zh_en("“经医院证明，短期内治疗不能痊愈”为证明要求，见核查清单。",
                        "The hospital certificate is a checklist item."),
             cites=(C("四/(一)/1", Q_ILLNESS),)),
        Rule(id="caoxian.withdrawal.developmental_age_and_request",
             title=zh_en("身体发育畸形者退学一般须年满16周岁且学生家长和本人要求",
                         "Withdrawal for a developmental condition: normally aged 16 or more "
                         "and asked for by parents and pupil"),
             kind=Modality.DEFINITION, party=SCHOOL, subject="students", in_principle=True,
             applies=f.withdrawn.eq(True) & f.withdrawal_reason.eq(
                 WithdrawalReason.DEVELOPMENTAL_DISABILITY.value),
             requires=(f.age >= DEFORMITY_MIN_AGE) & f.withdrawal_requested_by_family.eq(True),
             concept="student.withdrawal_disability",
             note=zh_en("原文“此条一般指下述三种情况”，所列情况是一般情形，故按原则上处理。",
                        "The text says the reason 'generally means' the cases listed, so the "
                        "case is treated as 'in principle'."),
             cites=(C("四/(一)/2", Q_DEFORMITY), C("四/(一)/2", Q_GENERALLY))),
        Rule(id="caoxian.withdrawal.severe_myopia",
             title=zh_en("高度近视退学一般以1200度为准",
                         "Withdrawal for myopia: normally 1200 degrees"),
             kind=Modality.DEFINITION, party=SCHOOL, subject="students", in_principle=True,
             applies=f.withdrawn.eq(True) & f.withdrawal_reason.eq(
                 WithdrawalReason.SEVERE_MYOPIA.value),
             requires=f.myopia_degrees >= MYOPIA_DEGREES, concept="student.withdrawal_myopia",
             note=zh_en("只针对高度近视；同一情况中的“严重红斑狼疮病者等”不以度数为条件，"
                        "按 serious_disease（第2项所列疾病）记录。",
                        "Myopia only; the lupus (严重红斑狼疮病者等) of the same case has no "
                        "degree condition and is recorded as serious_disease (a disease named "
                        "under reason 2)."),
             cites=(C("四/(一)/2", Q_MYOPIA), C("四/(一)/2", Q_GENERALLY))),
    ]
