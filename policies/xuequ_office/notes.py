"""学区机关管理制度: narrative numbers, terms, unencoded provisions and document findings."""

from __future__ import annotations

from xuequ_rules.policy.dsl import Cite, DocumentFinding, Narrative, Unencoded, zh_en
from xuequ_rules.policy.policy import Term

C = Cite

NARRATIVES = (
    Narrative(C("序", "镇教体〔2016〕113号"), zh_en("依据文件的文号", "number of the basis document")),
)

TERMS = (
    Term("一时", zh_en("副词“一时”（暂时、一下子），“一时无法确定的事项”中的“一”不是数量",
                     "the adverb 一时 (for the moment) in 一时无法确定的事项: its 一 is not a "
                     "quantity")),
)

# Encodings whose responsible party the cited article does not name (the party is inferred).
UNNAMED_PARTY = (
    "xuequ_office.weekly_session.two_hours",
    "xuequ_office.duty.weekly_report_and_plan", "xuequ_office.study.absence_sanction",
    "xuequ_office.duty.study_in_annual_review",
    "xuequ_office.duty.punctuality", "xuequ_office.duty.no_leaving_post",
    "xuequ_office.duty.private_calls", "xuequ_office.duty.no_entertainment",
    "xuequ_office.duty.no_disturbing_activities",
    "xuequ_office.duty.commitment", "xuequ_office.duty.timely_completion",
    "xuequ_office.duty.orderly_work", "xuequ_office.duty.report_open_matters",
    "xuequ_office.duty.no_buck_passing", "xuequ_office.duty.accountability",
    "xuequ_office.duty.confidentiality",
)

UNENCODED = (
    Unencoded(C("序", "结合学区实际,特制定本制度"),
              zh_en("前言写明制定目的和依据，不设义务",
                    "the preamble states purpose and basis and sets no duty")),
    Unencoded(C("第一章/第一条", "重视工作人员政治和业务学习"),
              zh_en("第一条的总括语；其具体做法（每周星期一上午集中2小时汇报、部署、集体学习）已编码为"
                    "xuequ_office.weekly_session.* 和 xuequ_office.duty.weekly_report_and_plan，"
                    "“重视”本身没有可另行核查的内容",
                    "the heading sentence of article 1; what it requires in practice (the "
                    "2-hour Monday-morning session) is encoded as xuequ_office.weekly_session.* "
                    "and xuequ_office.duty.weekly_report_and_plan; 'value study' itself has "
                    "nothing further to check")),
    Unencoded(C("第一章/第三条", "业余自学具体时间由个人结合自身工作实际自行安排"),
              zh_en("把业余自学时间交由个人自行安排，是个人的自由，不设义务：无论怎样安排都不违反",
                    "leaves the time of spare-time study to each person: a freedom, not a duty; "
                    "no arrangement can breach it")),
    Unencoded(C("第一章/第三条", "学习内容包括时事政治、党纪、国法和相关的方针、政策、法规;上级党委、政府和"
                            "业务主管部门的有关文件;与教育教学相关的理论知识和业务技能;管理方面的知识等"),
              zh_en("列举学习内容，以“等”结尾，是开放列举，没有规定数量、比例或必学内容，无可核查的要求",
                    "lists what study covers, ending in 等 (an open list), with no quantity, "
                    "share or required subject: nothing to check")),
    Unencoded(C("第一章/第八条", "泄露尚未公开的工作机密和领导谈话、"),
              zh_en("第八条在“领导谈话、”处截断，其余部分及以后各条、各章缺失，无法编码",
                    "article 8 is cut off at 领导谈话、; its rest and any later articles or "
                    "chapters are missing and cannot be encoded")),
)

DOCUMENT_FINDINGS = (
    DocumentFinding(
        "xuequ_office.finding.issuer_and_date_unnamed", "missing_issuer",
        zh_en("制度没有写明制定的学区、印发日期和施行日期", "The rules name neither the issuing "
              "学区 nor any date of issue or effect"),
        (C("序", "结合学区实际,特制定本制度"),)),
    DocumentFinding(
        "xuequ_office.finding.basis_issuer_code_mismatch", "inconsistent_terms",
        zh_en("依据文件称由“县教体局”制定，而文号代字为“镇教体”（镇级代字），二者不一致",
              "The basis document is attributed to the county education-and-sports bureau (县教体局), "
              "but its number carries a town-level code (镇教体)"),
        (C("序", "根据县教体局《关于进一步强化学区职能全面提升小学教育质量的意见》(镇教体〔2016〕113号)"),)),
    DocumentFinding(
        "xuequ_office.finding.truncated", "truncated",
        zh_en("采集稿止于第八条“领导谈话、”，只有第一章的第一至七条完整", "The capture stops in "
              "article 8 at 领导谈话、; only articles 1-7 of chapter 1 are complete"),
        (C("第一章", "第一章学习及工作制度"), C("第一章/第八条", "泄露尚未公开的工作机密和领导谈话、"))),
    DocumentFinding(
        "xuequ_office.finding.sanction_threshold_ambiguous", "ambiguous_threshold",
        zh_en("“三次以上”未写明计数期间（按“当年”理解为一年内），“以上”是否含本数也未写明（按通常理解含三次）",
              "三次以上 states no counting period (read as one year, after 当年) and does not say "
              "whether 以上 includes three (read, as usual, to include it)"),
        (C("第一章/第二条", "三次以上取消当年评优晋级资格"),),
        encodings=("xuequ_office.study.absence_sanction", "xuequ_office.study.sanction_absences")),
    DocumentFinding(
        "xuequ_office.finding.missing_party", "missing_party",
        zh_en("多处条文没有写明责任主体：第一条的星期一集中汇报、学习未写明组织者（第二条规定集体学习由学区"
              "主任组织，本库按学区主任编码）；第二条未写明由谁取消评优晋级资格、第四条未写明由谁组织年度考核、"
              "第六条未写明由谁追究责任（均按学区机关编码）；第五条、第六条、第八条的行为要求未写明对象"
              "（按机关工作人员编码）",
              "Several articles name no responsible party: article 1's Monday session names no "
              "organiser (article 2 has the district head organise collective study, so the "
              "district head is encoded); article 2 does not say who cancels awards and "
              "promotion, article 4 who runs the annual review, article 6 who holds people to "
              "account (encoded as the district office); the conduct rules of articles 5, 6 "
              "and 8 name no addressee (encoded as the office staff)"),
        (C("第一章/第一条", "每周星期一上午集中2小时对上周工作进行汇报小结"),
         C("第一章/第五条", "按时上下班,坚守工作岗位"),
         C("第一章/第六条", "对因工作失误造成严重后果者,予以责任追究并严肃处理")),
        encodings=UNNAMED_PARTY),
    DocumentFinding(
        "xuequ_office.finding.security_for_secrecy", "wrong_word",
        zh_en("第八条标题作“保安纪律”，内容却是保密，应为“保密纪律”（见勘误 E01）",
              "Article 8 is headed 保安纪律 (security) but is about secrecy: 保密纪律 (erratum E01)"),
        (C("第一章/第八条", "严格执行保安纪律"),)),
)
