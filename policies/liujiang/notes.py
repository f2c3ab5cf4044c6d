"""Liujiang 2018: narrative numbers, declared terms, provisions left unencoded, and findings
about the document itself."""

from __future__ import annotations

from xuequ_policies.liujiang.parameters import BUREAU_UNNAMED, GOVERNMENT, C

from xuequ_rules.policy.dsl import DocumentFinding, Narrative, Rule, Unencoded, zh_en
from xuequ_rules.policy.policy import Term

NARRATIVES = (
    Narrative(C("序", "江政规〔2018〕1 号"), zh_en("本文件文号", "this document's number")),
    Narrative(C("序", "2018125"), zh_en("成文日期（见勘误 E02），为文件元数据",
                                        "date of the document (erratum E02), metadata")),
    Narrative(C("序", "区第一届人民政府第二十五次常务会"),
              zh_en("审议会议的名称", "name of the approving meeting")),
    Narrative(C("序", "桂政办发〔2016168号"), zh_en("上位文件文号", "parent document number")),
    Narrative(C("序", "柳政规〔201710号"), zh_en("上位文件文号", "parent document number")),
    Narrative(C("一", "“三个代表”"), zh_en("政治理论名称（亦声明为术语）",
                                        "name of a political theory (also declared a term)")),
    Narrative(C("一", "党的十九大"), zh_en("会议名称", "name of a congress")),
    Narrative(C("三/(一)/2/(2)", "2016年柳州市全面启动实施的各级各类公民办中小学结对帮扶为基本模式"),
              zh_en("历史事实：柳州市2016年启动结对帮扶", "history: Liuzhou started pairing in 2016")),
)

TERMS = (
    Term("三个代表", zh_en("政治理论的名称", "name of a political theory")),
    Term("两免一补", zh_en("政策名称（免学杂费、免教科书费、补助寄宿生生活费），不是数量",
                       "name of a policy (two fees waived, one subsidy), not a quantity")),
    Term("一校一特色", zh_en("口号：每校有自己的特色，不是数量要求",
                        "slogan: each school has its own character; not a quantity")),
    Term("第二中学", zh_en("学校名称（柳江区第二中学），序数是名称的一部分",
                       "a school's name (Liujiang No. 2 Middle School); the ordinal is part of "
                       "the name")),
    Term("每一所", zh_en("“每一所学校”即所有学校，是全称，不是数量",
                      "“每一所学校” means every school: a universal, not a quantity")),
    Term("一学区一品牌", zh_en("口号：每个学区有自己的品牌，不是数量要求",
                         "slogan: each zone has its own brand; not a quantity")),
)

_GOAL = zh_en("指导思想或总体目标，由“三、主要措施”中的各项措施落实，本身没有可单独检查的行为或责任主体",
              "a guiding principle or overall goal, carried out by the measures of part 三; it "
              "has no act or party of its own to check")

UNENCODED = (
    Unencoded(C("四", "学区制改革主要分三个阶段进行实施,具体如下:"),
              zh_en("引出下列三个实施阶段的导语；各阶段已编码为阶段（Phase）及其阶段规则",
                    "the lead-in to the three phases below, which are encoded as phases and "
                    "their phase rules"), kind="not_normative"),
    Unencoded(C("序", "请认真贯彻执行"),
              zh_en("印发通知对收文单位的总括要求，其内容就是本方案各项措施，已逐项编码",
                    "the notice's general instruction to its addressees; its content is the "
                    "plan's measures, each encoded on its own")),
    Unencoded(C("一", "以邓小平理论、“三个代表”重要思想和科学发展观为指导,深入贯彻落实党的十九大"
                     "及习近平总书记系列重要讲话精神,牢固树立优质均衡发展理念"), _GOAL),
    Unencoded(C("一", "坚持“改革创新、全面推进、城乡一体、资源共享、优质引领、提升质量”原则,"
                     "将学区制改革作为深化教育领域综合改革的重要内容"), _GOAL),
    Unencoded(C("一", "通过促进区域内学校间互相帮扶、优势互补、融合共生、内涵提升,"
                     "统筹推进区域内城乡义务教育一体化改革"), _GOAL),
    Unencoded(C("二", "构建区域、城乡、校际之间相互合作,优质学校和薄弱学校融合发展,"
                     "区域内义务教育城乡一体化改革发展新机制"), _GOAL),
    Unencoded(C("三/(一)/2/(2)", "(具体帮扶学校另行下文)"),
              zh_en("结对帮扶的具体学校名单由另一份文件规定，本文件没有给出，无从编码"
                    "（见文件问题 liujiang.finding.pairing_list_deferred）",
                    "the list of paired schools is left to a later document and is not in "
                    "this one (finding liujiang.finding.pairing_list_deferred)")),
    Unencoded(C("三/(一)/2/(2)", "2016年柳州市全面启动实施的各级各类公民办中小学结对帮扶为基本模式"),
              zh_en("说明城乡帮扶沿用柳州市2016年启动的结对帮扶作为基本模式，没有独立的可检查要求；"
                    "结对帮扶本身由 liujiang.pairing.* 和 liujiang.duty.pairing_* 编码。句首似缺“以”字"
                    "（见文件问题 liujiang.finding.basic_model_sentence）",
                    "says that assistance zones follow the pairing Liuzhou started in 2016 as "
                    "their basic model; nothing checkable of its own (pairing itself is encoded "
                    "by liujiang.pairing.* and liujiang.duty.pairing_*). The sentence seems to "
                    "lack its opening 以 (finding liujiang.finding.basic_model_sentence)")),
)


def missing_party(rules: tuple[Rule, ...]) -> DocumentFinding:
    """One finding listing every encoding whose party the text does not name."""
    unnamed = tuple(r.id for r in rules if r.party in (BUREAU_UNNAMED, GOVERNMENT))
    return DocumentFinding(
        "liujiang.finding.missing_party", "missing_party",
        zh_en("许多规定以无主语句写成，没有写明责任主体：学区划分与组建形式、教育集团目标、"
              "“六统一”、学区负责人、办学条件“四统一”、编制与教师配备、交流轮岗制度和10%/12%比例、"
              "待遇与补助、领导小组的设立和实施阶段等。本库把跨部门事项（部门职责、标准统一、"
              "“两免一补”、编制、岗位与职称、补助、周转房、领导小组）编码给区人民政府，其余编码给"
              "区教育行政部门，并在责任主体中注明“文件未写明”。",
              "Many provisions are written without a subject and name no responsible party: "
              "zoning and zone forms, the education-group targets, the six unifications, zone "
              "heads, the four unified standards, staffing, the rotation system and its "
              "10%/12% shares, allowances, the leading group and the phases. Cross-department "
              "matters are encoded to the district government, the rest to the district "
              "education authority, and the party says 'not named in the text'."),
        (C("三/(一)/1", "将城乡义务教育学校划分为若干个学区"),
         C("三/(三)/1", "要按照区域内城乡义务教育一体化改革发展要求"),
         C("三/(四)/2", "配齐配足各学科合格教师"),
         C("三/(四)/3", "全区每年交流轮岗教师的比例"),
         C("四", "学区制改革主要分三个阶段进行实施")),
        encodings=unnamed)


DOCUMENT_FINDINGS = (
    DocumentFinding(
        "liujiang.finding.enrolment_unaddressed", "promise_without_measure",
        zh_en("目标任务列出“学校招生”统一，但主要措施中没有任何关于学区招生的措施（仅有就近入学原则）",
              "The goals promise unified school enrolment (学校招生) but no measure addresses it "
              "(only the proximity principle)"),
        (C("二", "学校招生"), C("三/(一)/1", "学区内的学生按就近入学的原则安排在相应学校就读"))),
    DocumentFinding(
        "liujiang.finding.forms_named_three_ways", "inconsistent_terms",
        zh_en("“两种形式”之外又准许“学区联盟办学”和“其他有效模式”，且城乡帮扶又称“帮扶联盟”"
              "“结对帮扶形式”；本库把两种形式读作开放的清单（见 liujiang.zone.allowed_forms）",
              "Besides the 'two forms' the text permits zone alliances and other models, and "
              "names urban-rural assistance three ways (帮扶联盟, 结对帮扶形式); the two forms "
              "are read as an open list (liujiang.zone.allowed_forms)"),
        (C("三/(一)/2", "学区设置采取集团化办学和城乡帮扶两种形式"),
         C("三/(一)/2/(2)", "逐步推行学区联盟办学"), C("三/(二)/1/(1)", "采取结对帮扶形式")),
        encodings=("liujiang.zone.allowed_forms", "liujiang.pairing.coverage_for_alliance")),
    DocumentFinding(
        "liujiang.finding.town_school_both_roles", "ambiguous_role",
        zh_en("镇中心小学既是“龙头”学校，又与龙头学校组成学区，角色重叠",
              "Town central primary schools are both lead schools and members of another "
              "lead school's zone"),
        (C("三/(一)/2/(2)", "以办学质量较好的城区、镇中心小学和初中学校为龙头"),
         C("三/(一)/2/(2)", "镇中心小学在与龙头学校组成学区的同时"))),
    DocumentFinding(
        "liujiang.finding.pilot_wording", "inconsistent_terms",
        zh_en("标题为“全面推进”，而领导小组办公室负责“试点工作”",
              "The title says full roll-out, but the office handles a 'pilot'"),
        (C("五/(一)", "具体负责学区制管理改革试点工作的协调、联络和组织实施"),)),
    DocumentFinding(
        "liujiang.finding.pairing_list_deferred", "gap",
        zh_en("具体帮扶学校“另行下文”：本文件没有结对名单，哪所学校帮扶哪所学校须查另一份文件",
              "The paired schools are 'set out in a later document': this text has no pairing "
              "list, so who helps whom must be looked up elsewhere"),
        (C("三/(一)/2/(2)", "(具体帮扶学校另行下文)"),)),
    DocumentFinding(
        "liujiang.finding.basic_model_sentence", "wrong_word",
        zh_en("“2016年柳州市……结对帮扶为基本模式”缺少支配语（应为“以……为基本模式”），"
              "似为采集时丢失“以”字；未作勘误，因无其他文本可资核对，按原文理解为以结对帮扶为基本模式",
              "'…结对帮扶为基本模式' lacks its governing 以 (以…为基本模式), probably lost in "
              "capture; no erratum is recorded because no other copy confirms it, and the "
              "sentence is read as making pairing the basic model"),
        (C("三/(一)/2/(2)", "2016年柳州市全面启动实施的各级各类公民办中小学结对帮扶为基本模式"),)),
    DocumentFinding(
        "liujiang.finding.phase_three_before_issue", "dated_after_phase",
        zh_en("第三阶段“组织实施”自2018年1月开始，而文件于2018年1月25日才印发：该月前24天的实施"
              "早于方案本身（日期只写到月，影响很小）",
              "Phase 3 (implementation) starts in January 2018, but the plan was issued on "
              "25 January 2018, so its first days precede the plan (the dates are given to the "
              "month only; the effect is small)"),
        (C("四", "第三阶段:组织实施、整改提升阶段。(2018 1 月至2020 8月)"),),
        encodings=("liujiang.liujiang.phase.3.completed",)),
)
