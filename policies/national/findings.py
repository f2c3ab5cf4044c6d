"""What the transcription itself says about numbers, what it leaves out, and its oddities."""

from __future__ import annotations

import re

from xuequ_policies.national.indicators import INDICATORS, C
from xuequ_policies.national.rules import RULES

from xuequ_rules.document.document import Document
from xuequ_rules.errors import SourceError
from xuequ_rules.policy.dsl import CountClaim, DocumentFinding, Narrative, Unencoded, zh_en

NARRATIVES = (
    Narrative(C("序", "教督〔2017〕6号"), zh_en("本办法文号", "this method's document number")),
    Narrative(C("(七)", "(0.65 / 0.55 are the older 基本均衡 limits of"),
              zh_en("旧的基本均衡（教督〔2012〕3号）校际差异系数限值（小学0.65、初中0.55），不是本办法的参数",
                    "the older 基本均衡 limits of 教督〔2012〕3号 (0.65 primary, 0.55 junior), not "
                    "parameters of this method")),
    Narrative(C("(七)", "教督〔2012〕3号 — do not mix them up."),
              zh_en("旧办法的文号", "the older method's document number")),
)

_RESOURCES = re.compile(r"资源配置 \(resource allocation\), (?P<n>\d+) indicators")
_ALL = re.compile(r"The full method has (?P<total>\d+) indicators in (?P<parts>\d+) parts: "
                  r"(?P<listing>.+?)\. Only", re.S)
_OF_SEVEN = re.compile(r"at least \d+ of the (?P<n>\d+) indicators")
_PART = re.compile(r"([\u4e00-\u9fff]+)\s+(\d+)")


def _read(pattern: re.Pattern[str], text: str, where: str) -> re.Match[str]:
    match = pattern.search(text)
    if match is None:
        raise SourceError(f"national：{where} 中找不到指标数", f"national: no indicator count in "
                          f"{where}", field=where)
    return match


def count_claims(document: Document) -> tuple[CountClaim, ...]:
    """The counts the text states, against what its own table and listing show."""
    resources = _read(_RESOURCES, document.clause("序").text, "序")
    notes = _read(_ALL, document.full_text(document.clause("(七)")), "(七)")
    parts = _PART.findall(notes["listing"])
    of_seven = _read(_OF_SEVEN, document.clause("(七)").text, "(七)")
    listing = (C("(七)", "The full method has 32 indicators in 4 parts: 资源配置 7, 政府保障程度 15,"),
               C("(七)", "教育质量 9, 社会认可度"),
               C("(七)/1", "1. Only the 7 above are transcribed here."))
    return (
        CountClaim("national.resource_indicators",
                   zh_en("资源配置指标项数（对照表中各行）",
                         "number of resource-allocation indicators (against the table rows)"),
                   int(resources["n"]), len(INDICATORS),
                   (C("序", "资源配置 (resource allocation), 7 indicators, primary / junior middle:"),
                    C("(七)/1", "Only the 7 above are transcribed here."))),
        CountClaim("national.school_rule_indicators",
                   zh_en("每校达标规则所指的指标项数（对照表中各行）",
                         "indicators the per-school rule counts from (against the table rows)"),
                   int(of_seven["n"]), len(INDICATORS),
                   (C("(七)", "of the 7 indicators meet the standard"),)),
        CountClaim("national.resource_part_in_listing",
                   zh_en("分部列举中资源配置的项数（对照表中各行）",
                         "resource indicators in the listing of parts (against the table rows)"),
                   int(dict(parts).get("资源配置", "0")), len(INDICATORS), listing[:1]),
        CountClaim("national.all_indicators",
                   zh_en("办法全部指标项数（对照分部列举之和）",
                         "all indicators of the method (against the sum of the listed parts)"),
                   int(notes["total"]), sum(int(n) for _, n in parts), listing),
        CountClaim("national.parts",
                   zh_en("办法的部分数（对照分部列举）", "parts of the method (against the listing)"),
                   int(notes["parts"]), len(parts), listing),
    )


UNENCODED = (
    Unencoded(C("(七)/1", "Only the 7 above are transcribed here."),
              zh_en("办法其余25项指标（政府保障程度15项、教育质量9项、社会认可度1项）不在参考资料中，无法编码",
                    "the method's other 25 indicators (government assurance 15, quality 9, social "
                    "recognition 1) are not in the reference and cannot be encoded")),
)

_ALL_RULES = tuple(rule.id for rule in RULES)
_SCHOOL_RULES = tuple(rule.id for rule in RULES if not rule.grouped)
_NOTE_CITE = C("(七)", "- Each school: at least 6 of the 7 indicators meet the standard, and none of the rest")
_TITLE_CITE = C("序", "县域义务教育优质均衡发展督导评估办法 (教督〔2017〕6号) — the resource indicators")

DOCUMENT_FINDINGS = (
    DocumentFinding(
        "national.finding.secondary_transcription", "secondary_source",
        zh_en("本文本不是官方文本：指标据二手文本（转载本、河北省实施细则）转录，引文引用的是转录稿的措辞",
              "This is not the official text: the indicators were transcribed from secondary "
              "copies (a republication and Hebei's implementing rules); citations quote the "
              "transcription's wording"), (_TITLE_CITE,)),
    DocumentFinding(
        "national.finding.status_unverified", "unverified_status",
        zh_en("按现行有效记录，但未经核实：资料库中没有官方文本，也没有废止或修订的信息，转录稿也未写日期",
              "Recorded as in force but unverified: the library holds neither the official "
              "text nor any information on repeal or amendment, and the transcription gives "
              "no dates"), (_TITLE_CITE,)),
    DocumentFinding(
        "national.finding.issuer_inferred", "inferred_issuer",
        zh_en("转录稿没有写明发布机关；文号代字“教督”属教育督导部门，本库按通常引用记为教育部，未经核实",
              "The transcription names no issuer; the code 教督 belongs to the education "
              "inspectorate, and the library records the Ministry of Education as the method "
              "is commonly cited - not verified"), (C("序", "教督〔2017〕6号"),)),
    DocumentFinding(
        "national.finding.weighting_from_explanation", "secondary_source",
        zh_en("校际差异系数按在校生数加权的口径出自对办法的解释，而非办法正文；本库按此口径计算",
              "The enrolment weighting of the 校际差异系数 comes from an explanation of the method, "
              "not its text; the library computes it that way"),
        (C("(七)", "(From an explanation of the method, not the official text.)"),),
        tuple(rule.id for rule in RULES if rule.grouped)),
    DocumentFinding(
        "national.finding.exclusion_from_implementing_rules", "secondary_source",
        zh_en("不计特殊教育学校和学生数少于50人的教学点，是实施细则（河北）的常见做法，参考资料没有把它作为办法条文；"
              "本库采用这一排除，但它没有办法原文的依据",
              "Leaving out special-education schools and teaching points under 50 pupils is a "
              "common implementing rule (Hebei's); the reference does not give it as a clause of "
              "the method. The library applies it, without a citation to the method's own text"),
        (C("(七)", "Implementing rules commonly exclude special-education schools and 教学点 with fewer"),),
        _ALL_RULES),
    DocumentFinding(
        "national.finding.exclusion_scope_ambiguous", "ambiguous",
        zh_en("说明只说实施细则把特殊教育学校和少于50人的教学点排除在“计算”之外，未说明是只排除在校际差异系数之外，"
              "还是也不作每校“至少6项达标、其余不低于85%”的评判。本库两处都不计：这些学校不按每校规则评判"
              "（不适用，而不是不达标），是否应当评判由文本无法确定",
              "The note says implementing rules leave special-education schools and teaching "
              "points under 50 pupils out of 'the calculation' without saying whether that is "
              "only the 校际差异系数 or also the per-school test (6 of 7 met, the rest at 85% or "
              "more). The library leaves them out of both: such a school is not judged under "
              "the per-school rule (not applicable, never 'violated'); whether it should be "
              "judged cannot be settled from the text"),
        (C("(七)", "than 50 students from the calculation (Hebei's rules say so)"),),
        _SCHOOL_RULES),
    DocumentFinding(
        "national.finding.notes_under_item_7", "structure",
        zh_en("表格后的说明在转录稿中没有编号，条款解析把它们归入第(七)项，并把“社会认可度 1.”中的“1.”读作编号；"
              "引用“(七)”的每校规则和差异系数规则引用的是这些说明，而不是第(七)项指标",
              "The notes after the table have no numbering in the transcription, so the parser "
              "puts them under item (七) and reads the '1.' of '社会认可度 1.' as an item number; "
              "the per-school and 校际差异系数 rules citing '(七)' cite those notes, not indicator "
              "(七)"), (_NOTE_CITE,), _ALL_RULES),
    DocumentFinding(
        "national.finding.nine_year_schools_silent", "silent",
        zh_en("转录稿只分小学、初中两栏，没有说明九年一贯制学校如何计算；本库按学段记录计算（九年一贯制学校按小学部、"
              "初中部各记一条记录，分别计入小学、初中）",
              "The transcription has only primary and junior columns and does not say how "
              "nine-year schools count; the library counts them by their stage records (one "
              "record for the primary part, one for the junior part)"),
        (C("序", "primary / junior middle"),), _ALL_RULES),
    DocumentFinding(
        "national.finding.party_unnamed", "missing_party",
        zh_en("转录稿没有写明达标责任主体；督导评估的对象是县，本库按县级人民政府编码",
              "The transcription names no responsible party; the evaluation is of a county, so "
              "the library encodes the county government"),
        (C("(七)", "Each indicator, across the county's schools"),), _ALL_RULES),
)
