"""What the Caoxian text itself leaves open or gets wrong, and what is not encoded, and why."""

from __future__ import annotations

import re
from collections.abc import Iterable

from xuequ_policies.caoxian.common import C, present

from xuequ_rules.document.document import Document
from xuequ_rules.policy.dsl import Cite, DocumentFinding, Rule, Unencoded, zh_en

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
        "caoxian.finding.registration_all_local_vs_guests", "contradiction",
        zh_en("一/(二) 规定新生“一律”凭本学区户口报到，而一/(四) 又接收无本学区户口的新生作借读生；"
              "借读新生凭什么报到，文本自相矛盾",
              "一/(二) says new pupils register 'without exception' with local hukou, yet "
              "一/(四) admits new pupils with no local hukou as guest pupils; how a guest pupil "
              "registers is contradictory"),
        (C("一/(二)", "新生一律凭本学区户口"),
         C("一/(四)", "凡无本学区户口和房产证的新生,作借读生处理"))),
    DocumentFinding(
        "caoxian.finding.suspension_approval_chain", "ambiguous_procedure",
        zh_en("休学审批写作“经班主任签署意见,或教导处审批,校长同意后”，“或”使审批链不明："
              "班主任与教导处是择一还是依次",
              "Suspension approval reads 'class teacher's opinion, or teaching office "
              "approval, then principal': whether the class teacher and the office are "
              "alternatives or successive steps is unclear"),
        (C("二/(二)", "经班主任签署意见,或教导处审批,校长同意后"),),
        ("caoxian.duty.suspension_approval",)),
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
    DocumentFinding(
        "caoxian.finding.withdrawal_of_disabled_pupils", "legal_concern",
        zh_en("第2项以“显著痴、呆、傻、丧失学习能力”为退学原因；《义务教育法》和《残疾人教育条例》规定"
              "残疾儿童同样享有接受义务教育的权利（可送特殊教育学校或送教上门），以此为由退学与之冲突，"
              "本库按原文编码为准许的原因，但提示此法律问题",
              "Reason 2 lets a pupil withdraw for being 'markedly idiotic, dull, simple, unable "
              "to learn'; under the Compulsory Education Law and the Regulations on the "
              "Education of Persons with Disabilities disabled children keep the right to "
              "compulsory schooling (special schools, teaching at home), so this conflicts "
              "with them; the library encodes the reason as written and flags the concern"),
        (C("四/(一)/2", "致有显著痴、呆、傻、丧失学习能力者"),),
        ("caoxian.withdrawal.listed_reasons_only",)),
    DocumentFinding(
        "caoxian.finding.withdrawal_for_work", "legal_concern",
        zh_en("第3、4项允许小学生因需负担家庭生活或经劳动部门同意安排就业而退学；《义务教育法》要求"
              "保障适龄儿童完成义务教育，《未成年人保护法》《禁止使用童工规定》禁止招用未满16周岁的未成年人，"
              "小学生因就业退学与之冲突；本库按原文编码为准许的原因，但提示此法律问题",
              "Reasons 3 and 4 let a primary pupil withdraw to support the family or to take "
              "a job arranged with the labour department's consent; the Compulsory Education "
              "Law requires school-age children to complete compulsory schooling and child "
              "labour under 16 is prohibited, so withdrawal for work conflicts with them; the "
              "library encodes the reasons as written and flags the concern"),
        (C("四/(一)/3", "出现严重的特殊的困难而需要负担家庭生活,无法坚持学习者"),
         C("四/(一)/4", "因家庭生活极端困难,劳动部门同意安排就业者")),
        ("caoxian.withdrawal.listed_reasons_only",)),
    DocumentFinding(
        "caoxian.finding.county_regiment_level", "undefined_term",
        zh_en("退学手续要求“县团单位以上的医院诊断证明”；“县团单位”不是通行的医院等级（似为县级或部队团级单位），"
              "哪些医院符合要求不明",
              "Withdrawal needs a diagnosis from a hospital 'of county or regiment unit level "
              "or above'; this is not a usual hospital grade (county level, or an army "
              "regiment unit?), so which hospitals qualify is unclear"),
        (C("四/(二)", "县团单位以上的医院诊断证明"),),
        ("caoxian.duty.withdrawal_application",)),
)

DIVERGENT_ENTRY = DocumentFinding(
    "caoxian.finding.divergent_entry_capture", "capture_divergence",
    zh_en("本采集稿入学条款作“六年级,凡年满12周岁”，另两次采集作“一年级,凡年满6周岁”。这是版本之间的"
          "差别，不是采集缺陷，不以勘误改正：本版本的入学规则按本采集稿原文（六年级新生须年满12周岁）"
          "编码，版本比较（diff）显示这一差别。作为小学入学规定，“六年级新生”与第（二）款“新生一律……报到”"
          "和《义务教育法》第十一条（年满六周岁入学）均不相符，本采集稿的入学条款可能是传抄改动，"
          "但资料库中没有依据判断哪一版是原件",
          "This capture's entry clause reads 六年级,凡年满12周岁 where the two others read "
          "一年级,凡年满6周岁. This is a difference between versions, not a capture defect, and "
          "is not corrected by an erratum: this version's entry rule is encoded from its own "
          "text (a grade-6 new entrant must be 12), and diff shows the difference. As a "
          "primary-school entry rule, a 'grade-6 new entrant' fits neither 一/(二) (new pupils "
          "register…) nor the Compulsory Education Law art. 11 (school at six), so the clause "
          "may have been altered in copying; the library holds nothing that tells which "
          "version is the original"),
    (C("一/(一)", "六年级,凡年满12周岁"),),
    ("caoxian.entry.age_and_hukou", "caoxian.entry.grade", "caoxian.entry.min_age"))


CAPTURE_WITHOUT_TITLE = DocumentFinding(
    "caoxian.finding.capture_without_title", "capture_divergence",
    zh_en("本采集稿开头只有“学校学生管理制度”，没有另两次采集中的制度标题“曹县师范学校附属小学 学生管理制度”；"
          "第1次采集中同样的字是文档分享网站给文件加的文件名（“学校学生管理制度550501”），故本稿很可能缺了"
          "制度自身的标题，而不是标题有误，不以勘误从其他采集稿补入",
          "This capture opens with 学校学生管理制度 only, without the title the two other "
          "captures carry (曹县师范学校附属小学 学生管理制度); in capture 1 the same words are the "
          "sharing site's file name (学校学生管理制度550501), so this capture most likely lacks "
          "the document's own title rather than garbling it, and no erratum imports it from "
          "another capture"),
    (C("序", "学校学生管理制度"),))


def truncated_withdrawal_list() -> DocumentFinding:
    return DocumentFinding(
        "caoxian.finding.withdrawal_list_cut_off", "truncated",
        zh_en("本采集稿的退学原因列表止于第2项“二是因患流行性”；其后各项（第2项其余情况、第3、4项）"
              "不在本稿中。未见于本稿的原因不能据此判为不准退学，退学原因规则对其结论为无法判定",
              "This capture's list of withdrawal reasons stops in reason 2 at 二是因患流行性; "
              "the rest (the other cases of reason 2, reasons 3 and 4) is not in this capture. "
              "A reason not seen here cannot be judged inadmissible on this text: the "
              "withdrawal rule gives undetermined for it"),
        (C("四/(一)/2", "二是因患流行性"),), ("caoxian.withdrawal.listed_reasons_only",))


def unnamed_parties(document: Document, rules: Iterable[Rule]) -> DocumentFinding | None:
    """One finding listing every encoding whose party the cited clauses do not name."""
    missing = [rule.id for rule in rules if not _party_named(document, rule)]
    if not missing:
        return None
    return DocumentFinding(
        "caoxian.finding.party_unnamed", "missing_party",
        zh_en("以下编码所引条款（含上级条款）没有写明责任主体；本制度是学校的内部制度，本库以制定制度的"
              "学校为责任主体：" + "、".join(missing),
              "The clauses cited by these encodings (and their parent clauses) name no "
              "responsible party; these are the school's own rules, so the library takes the "
              "school that made them as responsible: " + ", ".join(missing)),
        (C("序", "学生管理制度"),), tuple(missing))


def _party_named(document: Document, rule: Rule) -> bool:
    """The party (or each of its parts) occurs in the clause holding a quote or its ancestors."""
    scopes = [_scope(document, cite) for cite in rule.cites]
    parts = [p for p in re.split(r"、|或|及|和|会同", rule.party.zh) if p.strip()]
    return (any(rule.party.zh in scope for scope in scopes)
            or (len(parts) > 1 and all(any(p in scope for scope in scopes) for p in parts)))


def _scope(document: Document, cite: Cite) -> str:
    """The deepest clause holding the quote (its own text) and the own text of its ancestors."""
    holder = document.clause(cite.clause)
    for node in holder.walk():
        if cite.quote in node.text or cite.quote in document.corrected_text(node):
            holder = node
    texts = [holder.text, document.corrected_text(holder)]
    parent = holder.parent_id
    while parent is not None:
        texts.append(document.corrected_text(document.clause(parent)))
        parent = document.clause(parent).parent_id
    return "\n".join(texts)


def unencoded(document: Document) -> list[Unencoded]:
    candidates = [
        Unencoded(C("一/(四)", "具体入学条件按上级有关精神办"), zh_en(
            "借读生的具体入学条件交由未指明的“上级有关精神”，文本中没有内容可编码",
            "guest pupils' conditions are left to unnamed 'instructions from above'; "
            "nothing to encode")),
        Unencoded(C("一/(一)", "正常儿童"), zh_en(
            "“正常儿童”未定义，不编码为入学条件（见文件问题 caoxian.finding.normal_children）",
            "'normal children' is undefined and not encoded as a condition")),
        Unencoded(C("三/(六)", "具体转学条件按上级有关精神办"), zh_en(
            "具体转学条件交由未指明的“上级有关精神”", "transfer conditions are left to "
            "unnamed 'instructions from above'")),
        Unencoded(C("四/(一)/2", "因生理发育不全,或因患各种疾病,致有显著痴、呆、傻、丧失学习能力者"),
                  zh_en("第2项的总条件（显著痴、呆、傻、丧失学习能力）是医学和教育上的个案判断，事实中没有"
                        "对应项；只编码了“一般指”的各情况（年龄、本人和家长要求、近视度数），"
                        "并见文件问题 caoxian.finding.withdrawal_of_disabled_pupils",
                        "the general condition of reason 2 (markedly idiotic, dull, unable to "
                        "learn) is a case-by-case medical and educational judgement with no "
                        "fact for it; only the cases it 'generally means' are encoded (age, "
                        "request, degrees of myopia); see also the legal-concern finding")),
        Unencoded(C("四/(一)/3", "此一般指以下两种情况:一是父母双方一方因故病残长期不能工作,致使全家生活水平极低者;二是无依无靠者"),
                  zh_en("家庭困难的两种情况（父母一方病残、全家生活水平极低；无依无靠）没有对应事实，"
                        "原因 family_hardship 按记录接受，不另判定这两种情况",
                        "the two cases of family hardship (a parent disabled and the family "
                        "very poor; no one to depend on) have no facts; a family_hardship "
                        "reason is taken as recorded")),
        Unencoded(C("四/(一)/4", "劳动部门同意安排就业者"), zh_en(
            "“劳动部门同意”没有对应事实，原因 employment 按记录接受；并见文件问题 "
            "caoxian.finding.withdrawal_for_work",
            "the labour department's consent has no fact; an employment reason is taken as "
            "recorded; see also the legal-concern finding")),
    ]
    return [u for u in candidates if present(document, (u.cite,))] + [_truncation(document)]


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
