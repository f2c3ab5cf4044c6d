"""The Caoxian checklist: procedural duties, attested by the party the clause names."""

from __future__ import annotations

from xuequ_policies.caoxian.common import (
    APPROVERS,
    FAMILY,
    NEW_PUPIL,
    PARENTS,
    PRINCIPAL,
    PUPIL,
    SCHOOL,
    C,
    span,
)

from xuequ_rules.document.document import Document
from xuequ_rules.policy.dsl import Modality, Rule, duty_maker, zh_en

_duty = duty_maker("caoxian")


def checklist(document: Document) -> list[Rule]:
    acceptance = (span(document, "三/(一)", "事先必须本校办理接", "收证")
                  if document.has_clause("三/(一)") else "事先必须本校办理接收证")
    return [
        _duty("registration_documents", "新生凭本学区户口、接种卡（或本）、照片报到",
              "New pupils register with local hukou, vaccination card and photo", NEW_PUPIL,
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
        _duty("suspension_approval", "休学经班主任签署意见或教导处审批，校长同意",
              "Suspension approval: the class teacher's opinion or the teaching office's "
              "approval, then the principal's consent", APPROVERS, "二/(二)",
              "经班主任签署意见,或教导处审批,校长同意后", modality=Modality.PROCEDURE,
              note=zh_en("“或”使班主任与教导处是择一还是依次不明（见文件问题 "
                         "caoxian.finding.suspension_approval_chain）；两种读法都要求校长同意，"
                         "核查时按实际所走的审批链证明。",
                         "Whether the class teacher and the office are alternatives or "
                         "successive steps is unclear (see finding "
                         "caoxian.finding.suspension_approval_chain); both readings need the "
                         "principal's consent, and the attestation covers the chain actually "
                         "followed.")),
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
        _duty("acceptance_certificate", "因父母调动转入本学区的，事先在本校办理接收证",
              "Pupils moving into the zone with their parents obtain this school's acceptance "
              "certificate first", zh_en("父母", "parents"), "三/(一)", acceptance,
              extra=(C("三/(一)", "因父母调动工作而需转入本学区的"),)),
        _duty("transfer_out_application", "转出须向教导处书面申请、说明缘由，经批准后到外校办理接收证",
              "Transfers out: written application to the teaching office, then the other "
              "school's acceptance certificate", zh_en("本校学生", "the school's pupils"),
              "三/(二)", "凡要求转到外校学习的本校学生,必须向教导处提出书面申请,说明缘由,"
              "经批准后才能到外校办理接收证"),
        _duty("transfer_certificate", "学生持有外校接收证后，学校方可签发转学证明并交学籍卡",
              "Only once the pupil holds the other school's acceptance certificate may the "
              "school issue the transfer certificate and hand over the record", SCHOOL,
              "三/(二)", "待学生持有外校的接收证后,学校方可签发转学证明,并将学籍卡交给该生",
              modality=Modality.PROCEDURE,
              note=zh_en("“方可”是先决条件：签发转学证明以学生持有外校接收证为前提；核查时证明每次签发前"
                         "均已查验外校接收证。",
                         "方可 sets a precondition: the transfer certificate is issued only "
                         "after the other school's acceptance certificate is shown; the "
                         "attestation covers every certificate issued.")),
        _duty("keep_enrolment_elsewhere", "保留学籍外出借读的，由家长申请、教务处备案、每年交纳集资款",
              "Pupils keeping their enrolment while studying elsewhere: parents apply, the "
              "office records, a yearly fee is paid", FAMILY, "三/(二)",
              "要求保留学籍外出借读的学生,由家长申请,教务处备案,每年交纳政府部门规定的集资款"),
        _duty("principal_decides_admission", "无正当理由要求转入的，视校情由校长决定是否接收",
              "The principal decides on transfers in without a proper reason", PRINCIPAL,
              "三/(六)", "视校情由校长决定是否接收", modality=Modality.PROCEDURE),
        _duty("illness_certificate", "因病退学须经医院证明短期内治疗不能痊愈",
              "Withdrawal for illness needs a hospital certificate", PUPIL,
              "四/(一)/1", "经医院证明,短期内治疗不能痊愈者"),
        _duty("withdrawal_application", "学生要求退学时提出书面报告，索取家长单位或村委证明及"
              "县团单位以上医院诊断证明",
              "A pupil asking to withdraw submits a written report with certificates from the "
              "parents' employer or village committee and a hospital diagnosis", PUPIL,
              "四/(二)", "学生要求退学时,提出书面报告,索取家长单位或村委的证明及县团单位以上的医院诊断证明",
              extra=(C("四/(二)", "学生退学必须办理下列手续"),)),
        _duty("withdrawal_approval", "退学由班主任签署意见、教导处调查核实、校长签署意见后报上级",
              "Withdrawal: the class teacher's opinion, the office's verification and the "
              "principal's opinion, then a report upwards", APPROVERS, "四/(二)",
              "班主任签署意见,教导处调查核实、校长签署意见,报上级", modality=Modality.PROCEDURE),
    ]
