"""Caoxian normal-school affiliated primary school: student rules, three captures.

One build function serves all three captures. Everything that can differ between them is
read from the capture's own text: the entry grade and age (and their quote), and which
provisions exist at all (the captures stop at different points). A provision is encoded
only if every quote it cites is present in that capture.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from xuequ_policies.caoxian.lifecycle import VALID_FROM, VALID_UNTIL, VALIDITY

from xuequ_rules.document.document import Document
from xuequ_rules.document.numerals import chinese_to_int
from xuequ_rules.errors import SourceError
from xuequ_rules.facts.model import Stage, WithdrawalReason
from xuequ_rules.policy.dsl import (
    Cite,
    CountClaim,
    DocumentFinding,
    Modality,
    Narrative,
    Parameter,
    Policy,
    Rule,
    Unencoded,
    Unit,
    duty_maker,
    f,
    zh_en,
)
from xuequ_rules.policy.policy import quote_in_clause

C = Cite
SCHOOL = zh_en("学校", "the school")
PRINCIPAL = zh_en("校长", "the principal")
PARENTS = zh_en("学生家长", "parents")
TEACHING_OFFICE = zh_en("教导处", "teaching affairs office")

_ENTRY = re.compile(r"(?P<grade>[一二三四五六七八九])年级,凡年满(?P<age>\d{1,2})周岁")

# ── parameters that are the same words in every capture ─────────────────────────
Q_SUSPENSION = "需要请假达三个月以上的准予休学"
Q_TERM = "休学期限为一年"
Q_EXTENSION = "一年后,仍不能到学校学习的可再延期休学一年"
SUSPENSION_MIN_ABSENCE = Parameter(
    id="caoxian.suspension.min_absence_months", value=3, unit=Unit.COUNT,
    label=zh_en("准予休学所需的请假时间下限（月）", "leave needed before suspension is granted "
                "(months)"),
    concept="student.suspension_min_absence_months", cites=(C("二/(一)", Q_SUSPENSION),))
SUSPENSION_TERM = Parameter(
    id="caoxian.suspension.term_years", value=1, unit=Unit.YEARS,
    label=zh_en("休学期限", "term of a suspension"), concept="student.suspension_term",
    cites=(C("二/(一)", Q_TERM),))
EXTENSION_YEARS = Parameter(
    id="caoxian.suspension.extension_years", value=1, unit=Unit.YEARS,
    label=zh_en("延期休学的期限", "length of an extension of suspension"),
    concept="student.suspension_extension", cites=(C("二/(一)", Q_EXTENSION),))
MAX_EXTENSIONS = Parameter(
    id="caoxian.suspension.max_extensions", value=1, unit=Unit.COUNT,
    label=zh_en("休学可延期的次数（“可再延期”一次）", "extensions allowed (one: 可再延期)"),
    concept="student.suspension_max_extensions", cites=(C("二/(一)", Q_EXTENSION),))

Q_ILLNESS = "因病休学两年以上,经医院证明,短期内治疗不能痊愈者"
Q_DEFORMITY = "一是身体发育畸形,年龄在16周岁以上,学生家长和学生本人要求退学者"
Q_MYOPIA = "三是高度近视(1200度)者"
WITHDRAWAL_ILLNESS_YEARS = Parameter(
    id="caoxian.withdrawal.illness_suspension_years", value=2, unit=Unit.YEARS,
    label=zh_en("因病退学所需的休学年限下限", "years of sick suspension before withdrawal"),
    concept="student.withdrawal_illness_years", cites=(C("四/(一)/1", Q_ILLNESS),))
DEFORMITY_MIN_AGE = Parameter(
    id="caoxian.withdrawal.deformity_min_age", value=16, unit=Unit.YEARS,
    label=zh_en("身体发育畸形学生退学的最低年龄（周岁）",
                "minimum age for withdrawal on developmental grounds"),
    concept="student.withdrawal_disability_min_age", cites=(C("四/(一)/2", Q_DEFORMITY),))
MYOPIA_DEGREES = Parameter(
    id="caoxian.withdrawal.myopia_degrees", value=1200, unit=Unit.COUNT,
    label=zh_en("可退学的高度近视度数（度）", "myopia (degrees) counted as severe"),
    concept="student.withdrawal_myopia_degrees", cites=(C("四/(一)/2", Q_MYOPIA),),
    note=zh_en("原文为“高度近视(1200度)”，未说明是1200度以上还是恰为1200度；按不低于1200度判定",
               "The text says 高度近视(1200度) without 以上; judged as at least 1200 degrees"))

REASON_CLAUSES: dict[WithdrawalReason, str] = {
    WithdrawalReason.LONG_ILLNESS: "四/(一)/1",
    WithdrawalReason.DEVELOPMENTAL_DISABILITY: "四/(一)/2",
    WithdrawalReason.SERIOUS_DISEASE: "四/(一)/2",
    WithdrawalReason.SEVERE_MYOPIA: "四/(一)/2",
    WithdrawalReason.FAMILY_HARDSHIP: "四/(一)/3",
    WithdrawalReason.EMPLOYMENT: "四/(一)/4",
}
REASON_QUOTES: dict[WithdrawalReason, str] = {
    WithdrawalReason.LONG_ILLNESS: "因病休学两年以上",
    WithdrawalReason.DEVELOPMENTAL_DISABILITY: "一是身体发育畸形",
    WithdrawalReason.SERIOUS_DISEASE: "二是因患流行性",
    WithdrawalReason.SEVERE_MYOPIA: "三是高度近视(1200度)者,严重红斑狼疮病者",
    WithdrawalReason.FAMILY_HARDSHIP: "因家庭情况突然变化",
    WithdrawalReason.EMPLOYMENT: "因家庭生活极端困难,劳动部门同意安排就业者",
}

TRANSFERRING = f.transfer_in.eq(True) | f.transfer_out.eq(True)


def _present(document: Document, cites: Iterable[Cite]) -> bool:
    return all(document.has_clause(c.clause) and quote_in_clause(document, c) for c in cites)


def _span(document: Document, clause_id: str, start: str, end: str) -> str:
    """The verbatim text of a clause from ``start`` to the end of ``end`` (page breaks kept)."""
    text = document.full_text(document.clause(clause_id))
    first = text.index(start)
    return text[first:text.index(end, first + len(start)) + len(end)]


def _entry_parameters(document: Document) -> tuple[Parameter, Parameter, str]:
    clause = document.clause("一/(一)")
    match = _ENTRY.search(clause.text)
    if match is None:
        raise SourceError(f"{document.name}@{document.version}：一/(一) 中找不到入学年级和年龄",
                          f"{document.name}@{document.version}: no entry grade and age in "
                          "一/(一)", field="一/(一)")
    quote = match.group()
    grade = chinese_to_int(match["grade"])
    age = int(match["age"])
    cite = (C("一/(一)", quote),)
    return (
        Parameter(id="caoxian.entry.grade", value=grade, unit=Unit.COUNT, cites=cite,
                  label=zh_en("新生入学年级", "grade new entrants join"),
                  concept="student.entry_grade"),
        Parameter(id="caoxian.entry.min_age", value=age, unit=Unit.YEARS, cites=cite,
                  label=zh_en("新生入学须年满的年龄（周岁）", "minimum entry age in full years"),
                  concept="student.entry_min_age"),
        quote,
    )


_duty = duty_maker("caoxian")


def _rules(document: Document, grade: Parameter, age: Parameter,
           entry_quote: str) -> list[Rule]:
    allowed = [r for r in WithdrawalReason if r is not WithdrawalReason.OTHER
               and _present(document, (C(REASON_CLAUSES[r], REASON_QUOTES[r]),))]
    not_listed = tuple(r.value for r in WithdrawalReason if r not in allowed)
    acceptance = (_span(document, "三/(一)", "事先必须本校办理接", "收证")
                  if document.has_clause("三/(一)") else "事先必须本校办理接收证")
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
             cites=(C("一/(一)", entry_quote),
                    C("一/(一)", "户口在本学区的正常儿童入学"))),
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
        Rule(id="caoxian.suspension.permitted",
             title=zh_en("需要请假达三个月以上的，准予休学",
                         "Suspension is granted when leave of three months or more is needed"),
             kind=Modality.PERMISSION, party=SCHOOL, subject="students",
             applies=f.suspended.eq(True),
             requires=f.absence_months >= SUSPENSION_MIN_ABSENCE,
             concept="student.suspension_condition",
             note=zh_en("原因（严重疾病或其他特殊原因）是开放的，未编码为条件。",
                        "The grounds (serious illness or other special reasons) are open-ended "
                        "and not encoded as a condition."),
             cites=(C("二/(一)", "因严重疾病或其他特殊原因,需要请假达三个月以上的准予休学"),)),
        Rule(id="caoxian.suspension.term",
             title=zh_en("休学期限为一年，延期一次再加一年",
                         "A suspension lasts one year, plus one year per extension"),
             kind=Modality.OBLIGATION, party=SCHOOL, subject="students",
             applies=f.suspended.eq(True),
             requires=f.suspension_years <= SUSPENSION_TERM + EXTENSION_YEARS * f.extensions,
             concept="student.suspension_term",
             cites=(C("二/(一)", Q_TERM), C("二/(一)", Q_EXTENSION))),
        Rule(id="caoxian.suspension.one_extension",
             title=zh_en("休学至多可再延期一次", "A suspension may be extended once at most"),
             kind=Modality.OBLIGATION, party=SCHOOL, subject="students",
             applies=f.suspended.eq(True), requires=f.extensions <= MAX_EXTENSIONS,
             concept="student.suspension_max_extensions",
             cites=(C("二/(一)", Q_EXTENSION),)),
        # 三、转学
        Rule(id="caoxian.transfer.no_incomplete_papers",
             title=zh_en("学校不得擅自接受转学手续不齐全的学生入学",
                         "The school must not admit a transfer pupil whose papers are incomplete"),
             kind=Modality.PROHIBITION, party=SCHOOL, subject="students",
             applies=f.transfer_in.eq(True),
             forbids=f.transfer_documents_complete.eq(False),
             concept="student.transfer_papers",
             cites=(C("三/(一)", "学校不得擅自接受转学手续不齐全的学生入学"),)),
        Rule(id="caoxian.transfer.registration_papers",
             title=zh_en("转入学生注册时须持接收证、转学证及德育考核手册",
                         "Transfer pupils register with acceptance and transfer certificates "
                         "and conduct record"),
             kind=Modality.OBLIGATION, party=zh_en("转入学生", "transferring pupils"),
             subject="students", applies=f.transfer_in.eq(True),
             requires=f.transfer_documents_complete.eq(True),
             concept="student.transfer_papers",
             cites=(C("三/(五)", "必须持我校接收证和原校开出的转学证及发放的在校德育考核手册"),)),
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
        Rule(id="caoxian.withdrawal.listed_reasons_only",
             title=zh_en("一般不准退学，仅列举原因之一方可考虑办理",
                         "No withdrawal, save for one of the listed reasons"),
             kind=Modality.PROHIBITION, party=SCHOOL, subject="students", in_principle=True,
             applies=f.withdrawn.eq(True), forbids=f.withdrawal_reason.isin(not_listed),
             concept="student.withdrawal_reasons",
             note=zh_en("允许的原因按本采集稿实际载有的各项确定："
                        + "、".join(r.value for r in allowed),
                        "The admissible reasons are those this capture contains: "
                        + ", ".join(r.value for r in allowed)),
             cites=(C("四/(一)", "学生在校期间,一般不准退学,对少数确有下列原因之一的,可以考虑办理退学手续"),)),
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
             title=zh_en("身体发育畸形者退学须年满16周岁且学生家长和本人要求",
                         "Withdrawal for a developmental condition: aged 16 or more and asked "
                         "for by parents and pupil"),
             kind=Modality.DEFINITION, party=SCHOOL, subject="students",
             applies=f.withdrawn.eq(True) & f.withdrawal_reason.eq(
                 WithdrawalReason.DEVELOPMENTAL_DISABILITY.value),
             requires=(f.age >= DEFORMITY_MIN_AGE)
             & f.withdrawal_requested_by_family.eq(True),
             concept="student.withdrawal_disability",
             cites=(C("四/(一)/2", Q_DEFORMITY),)),
        Rule(id="caoxian.withdrawal.severe_myopia",
             title=zh_en("高度近视退学以1200度为准", "Withdrawal for myopia: 1200 degrees"),
             kind=Modality.DEFINITION, party=SCHOOL, subject="students",
             applies=f.withdrawn.eq(True) & f.withdrawal_reason.eq(
                 WithdrawalReason.SEVERE_MYOPIA.value),
             requires=f.myopia_degrees >= MYOPIA_DEGREES,
             concept="student.withdrawal_myopia", cites=(C("四/(一)/2", Q_MYOPIA),)),
        # checklist
        _duty("registration_documents", "新生凭本学区户口、接种卡（或本）、照片报到",
              "New pupils register with local hukou, vaccination card and photo", PARENTS,
              "一/(二)", "新生一律凭本学区户口、接种卡(或本)、照片报到"),
        _duty("student_records", "学校填写学籍登记表，建立学籍档案或学籍卡片",
              "The school fills in the register and opens the pupil's record", SCHOOL,
              "一/(二)", "由学校填写学籍登记表,建立学籍档案或学籍卡片", "students.records"),
        _duty("lawful_admission", "依法招生", "Admit pupils according to law", SCHOOL, "一/(三)",
              "依法招生"),
        _duty("persuade_parents", "对符合条件未入学的学生，做好家长工作，及时让家长送孩子入学",
              "Persuade parents of eligible children not enrolled to send them to school",
              SCHOOL, "一/(三)", "学校尽力做好其家长工作,及时让家长送孩子入学",
              "enrolment.dropout_prevention"),
        _duty("report_non_attendance", "对无正当理由不送孩子上学者，学校有权依法向上反映",
              "The school may report parents who keep children from school without reason",
              SCHOOL, "一/(三)", "学校有权依法向上反映", modality=Modality.PERMISSION),
        _duty("suspension_application", "休学须持医院或有关单位证明，由家长申请",
              "Suspension: parents apply with a hospital or other certificate", PARENTS,
              "二/(二)", "须持医院或有关单位证明,由学生家长申请"),
        _duty("suspension_recorded", "休学经审批后记入学籍卡片或登记表并发给休学证书",
              "Approved suspensions are recorded and a suspension certificate issued", SCHOOL,
              "二/(二)", "记入学生学籍卡片或登记表中,再发给休学证书"),
        _duty("return_application", "复学由家长书面申请并缴验休学证明书，因病休学的持医院证明",
              "Return: parents apply in writing with the suspension certificate (and a "
              "hospital certificate after illness)", PARENTS, "二/(三)",
              "须由学生家长提出书面申请并缴验休学证明书,因病休学的还要持医院证明"),
        _duty("return_review", "学校审查后准予复学", "The school reviews and allows the return",
              SCHOOL, "二/(三)", "经学校审查,准予复学"),
        _duty("return_grade", "复学时原则上编入学时相衔接的年级",
              "On return, place the pupil in the grade that follows on from their studies",
              SCHOOL, "二/(三)", "原则上编入学时相衔接的年级学习", in_principle=True),
        _duty("acceptance_certificate", "因父母调动转入本学区的，事先办理接收证",
              "Pupils moving into the zone with their parents obtain an acceptance "
              "certificate first", PARENTS, "三/(一)", acceptance),
        _duty("transfer_out_application", "转出须向教导处书面申请、说明缘由，经批准后到外校办理接收证",
              "Transfers out: written application to the teaching office, then the other "
              "school's acceptance certificate", PARENTS, "三/(二)",
              "必须向教导处提出书面申请,说明缘由,经批准后才能到外校办理接收证"),
        _duty("transfer_certificate", "持外校接收证后签发转学证明并交学籍卡",
              "Issue the transfer certificate and hand over the record once accepted elsewhere",
              SCHOOL, "三/(二)", "学校方可签发转学证明,并将学籍卡交给该生"),
        _duty("keep_enrolment_elsewhere", "保留学籍外出借读的，由家长申请、教务处备案、每年交纳集资款",
              "Pupils keeping their enrolment while studying elsewhere: parents apply, the "
              "office records, a yearly fee is paid", PARENTS, "三/(二)",
              "要求保留学籍外出借读的学生,由家长申请,教务处备案,每年交纳政府部门规定的集资款"),
        _duty("principal_decides_admission", "无正当理由要求转入的，视校情由校长决定是否接收",
              "The principal decides on transfers in without a proper reason", PRINCIPAL,
              "三/(六)", "视校情由校长决定是否接收", modality=Modality.PROCEDURE),
        _duty("illness_certificate", "因病退学须经医院证明短期内治疗不能痊愈",
              "Withdrawal for illness needs a hospital certificate", PARENTS, "四/(一)/1",
              "经医院证明,短期内治疗不能痊愈者"),
        _duty("withdrawal_procedure", "退学须书面报告、家长单位或村委证明、县级以上医院诊断证明，班主任、"
              "教导处、校长签署意见后报上级",
              "Withdrawal: written report, certificates, signatures of class teacher, office and "
              "principal, then report upwards", SCHOOL, "四/(二)",
              "学生要求退学时,提出书面报告,索取家长单位或村委的证明及县团单位以上的医院诊断证明"),
    ]


def _truncation(document: Document) -> Unencoded:
    last = list(document.walk())[-1]
    tail = document.full_text(last).rstrip()[-12:]
    return Unencoded(C(last.id, tail), zh_en(
        f"本采集稿止于条款 {last.id}（“……{tail}”），其后条款缺失；三次采集中最完整的是 capture-3，"
        "止于四、退学（二）“报上级”，之后各条（包括退学手续的其余部分）在资料库中均无文本",
        f"this capture stops in clause {last.id} (…{tail}); everything after it is missing. "
        "The most complete capture (capture-3) stops in 四 (二) at 报上级; the rest of the "
        "rules, including the remainder of the withdrawal procedure, has no text in the "
        "library"))


COMMON_FINDINGS = (
    DocumentFinding(
        "caoxian.finding.undated", "undated_document",
        zh_en("学校内部制度，三次采集均无日期、文号或发布信息，是否仍在执行无法判断",
              "Internal school rules; no capture has a date, number or publication data, so "
              "whether they still apply cannot be told"),
        (C("一/(一)", "户口在本学区的正常儿童入学"),)),
    DocumentFinding(
        "caoxian.finding.hukou_property_gap", "gap",
        zh_en("入学条款只接收户口在本学区的儿童，借读条款只针对“无本学区户口和房产证”的新生；"
              "有房产证而无户口的新生两条都不适用，且“无户口和房产证”是两者皆无还是缺其一不明",
              "Entry covers children with local hukou, guest status covers new pupils with "
              "'no local hukou and property certificate'; a pupil with a certificate but no "
              "hukou falls under neither, and whether 'no A and B' means lacking both or "
              "either is unclear"),
        (C("一/(一)", "户口在本学区的正常儿童入学"),
         C("一/(四)", "凡无本学区户口和房产证的新生,作借读生处理"))),
    DocumentFinding(
        "caoxian.finding.suspension_approval_chain", "ambiguous_procedure",
        zh_en("休学审批写作“经班主任签署意见,或教导处审批,校长同意后”，“或”使审批链不明："
              "班主任与教导处是择一还是依次",
              "Suspension approval reads 'class teacher's opinion, or teaching office "
              "approval, then principal': whether the class teacher and the office are "
              "alternatives or successive steps is unclear"),
        (C("二/(二)", "经班主任签署意见,或教导处审批,校长同意后"),)),
    DocumentFinding(
        "caoxian.finding.office_names", "inconsistent_terms",
        zh_en("同一条中转学申请交“教导处”，借读备案却在“教务处”", "The same clause sends "
              "applications to the 教导处 but records guest study at the 教务处"),
        (C("三/(二)", "必须向教导处提出"), C("三/(二)", "教务处备案"))),
    DocumentFinding(
        "caoxian.finding.fee_for_keeping_enrolment", "legal_concern",
        zh_en("要求保留学籍外出借读的学生“每年交纳政府部门规定的集资款”；《义务教育法》第二条规定"
              "实施义务教育不收学费、杂费，此项收费的依据需核实",
              "Pupils keeping their enrolment while studying elsewhere pay a yearly "
              "'collection fee'; the Compulsory Education Law (art. 2) forbids tuition and "
              "miscellaneous fees, so the basis of this fee needs checking"),
        (C("三/(二)", "每年交纳政府部门规定的集资款"),)),
    DocumentFinding(
        "caoxian.finding.normal_children", "undefined_term",
        zh_en("入学条件“正常儿童”未定义；《义务教育法》规定适龄儿童（含残疾儿童）均有受教育权利，"
              "此条件不能作为拒绝入学的依据，本库未编码为条件",
              "'Normal children' is undefined; under the Compulsory Education Law every "
              "school-age child (disabled children included) has the right to schooling, so "
              "it is not encoded as an entry condition"),
        (C("一/(一)", "正常儿童"),)),
)

DIVERGENT_ENTRY = DocumentFinding(
    "caoxian.finding.divergent_entry_capture", "capture_divergence",
    zh_en("本采集稿入学条款作“六年级,凡年满12周岁”，另两次采集作“一年级,凡年满6周岁”；勘误 E02、E03 "
          "认为是传抄改动。按编码要求，本版本参数取本采集稿原文（六年级、12周岁），"
          "评估结果只在入学规则上与另两版不同",
          "This capture's entry clause reads 六年级,凡年满12周岁 where the two others read "
          "一年级,凡年满6周岁; errata E02/E03 treat it as an alteration in the copy. As "
          "encoded, this version's parameters follow its own captured text (grade 6, age 12), "
          "so its evaluation differs from the others only on the entry rule"),
    (C("一/(一)", "六年级,凡年满12周岁"),))


def build(document: Document) -> Policy:
    grade, age, entry_quote = _entry_parameters(document)
    parameters = [grade, age]
    parameters += [p for p in (SUSPENSION_MIN_ABSENCE, SUSPENSION_TERM, EXTENSION_YEARS,
                               MAX_EXTENSIONS, WITHDRAWAL_ILLNESS_YEARS, DEFORMITY_MIN_AGE,
                               MYOPIA_DEGREES) if _present(document, p.cites)]
    rules = [r for r in _rules(document, grade, age, entry_quote)
             if _present(document, r.cites)]
    declared = {p.id for p in parameters}
    rules = [r for r in rules if all(p.id in declared for p in r.parameters())]

    narratives: list[Narrative] = []
    if _present(document, (C("序", "550501"),)):
        narratives.append(Narrative(C("序", "学校学生管理制度550501 曹县"), zh_en(
            "文档分享网站给文件加的文件名编号，不属于制度内容",
            "the sharing site's file-name number, not part of the rules")))
    count_claims: list[CountClaim] = []
    three_cases = C("四/(一)/2", "此条一般指下述三种情况")
    if _present(document, (three_cases,)):
        listed = sum(1 for word in ("一是", "二是", "三是")
                     if word in document.full_text(document.clause("四/(一)/2")))
        if _present(document, (C("四/(一)/2", Q_MYOPIA),)):
            count_claims.append(CountClaim(
                "caoxian.withdrawal.health_cases", zh_en("第2项退学原因所指情况数",
                                                         "cases under withdrawal reason 2"),
                3, listed, (three_cases,)))
        else:
            narratives.append(Narrative(three_cases, zh_en(
                f"本采集稿在列举中截断（只见 {listed} 种），无法核对“三种”",
                f"the capture breaks off in the list ({listed} seen), so 'three' cannot be "
                "checked")))
    two_cases = C("四/(一)/3", "此一般指以下两种情况")
    if _present(document, (two_cases,)):
        listed = sum(1 for word in ("一是", "二是")
                     if word in document.full_text(document.clause("四/(一)/3")))
        count_claims.append(CountClaim(
            "caoxian.withdrawal.family_cases", zh_en("第3项退学原因所指情况数",
                                                     "cases under withdrawal reason 3"),
            2, listed, (two_cases,)))

    findings = [d for d in COMMON_FINDINGS if _present(document, d.cites)]
    if _present(document, DIVERGENT_ENTRY.cites):
        findings.append(DIVERGENT_ENTRY)
    unencoded = [
        Unencoded(C("一/(四)", "具体入学条件按上级有关精神办"), zh_en(
            "借读生的具体入学条件交由未指明的“上级有关精神”，文本中没有内容可编码",
            "guest pupils' conditions are left to unnamed 'instructions from above'; "
            "nothing to encode")),
        Unencoded(C("一/(一)", "正常儿童"), zh_en(
            "“正常儿童”未定义，不编码为入学条件（见文件问题 caoxian.finding.normal_children）",
            "'normal children' is undefined and not encoded as a condition")),
    ]
    if _present(document, (C("三/(六)", "具体转学条件按上级有关精神办"),)):
        unencoded.append(Unencoded(C("三/(六)", "具体转学条件按上级有关精神办"), zh_en(
            "具体转学条件交由未指明的“上级有关精神”", "transfer conditions are left to "
            "unnamed 'instructions from above'")))
    unencoded.append(_truncation(document))
    return Policy(
        name="caoxian", version=document.version, document=document,
        parameters=tuple(parameters), rules=tuple(rules), narratives=tuple(narratives),
        count_claims=tuple(count_claims), document_findings=tuple(findings),
        unencoded=tuple(unencoded), data={"stages": [Stage.PRIMARY.value]},
        valid_from=VALID_FROM, valid_until=VALID_UNTIL, validity=VALIDITY,
    )
