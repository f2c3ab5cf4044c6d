"""What Nantong's text says about itself: narrative numbers, terms, findings, unencoded."""

from __future__ import annotations

from xuequ_policies.nantong.checklist import UNNAMED_DUTIES
from xuequ_policies.nantong.parties import (
    C,
)
from xuequ_policies.nantong.staff import UNNAMED_STAFF_RULES
from xuequ_policies.nantong.targets import UNNAMED_TARGETS

from xuequ_rules.policy.dsl import (
    DocumentFinding,
    Narrative,
    Unencoded,
    zh_en,
)
from xuequ_rules.policy.policy import Term

NARRATIVES = (
    Narrative(C("序", "通政发〔2013〕51号"), zh_en("本文件文号", "this document's number")),
    Narrative(C("序", "2013年8月21日"), zh_en("成文日期，为文件元数据",
                                           "date of the document, metadata")),
    Narrative(C("序", "国发〔2012〕48号"), zh_en("上位文件文号", "parent document number")),
    Narrative(C("序", "苏政发〔2012〕148号"), zh_en("上位文件文号", "parent document number")),
    Narrative(C("一/(一)", "党的十八大"), zh_en("会议名称", "name of a congress")),
    Narrative(C("一/(一)", "“三个代表”"), zh_en("政治理论名称", "name of a political theory")),
    Narrative(C("二/(一)", "《南通市主城区中小学布局规划(2012~2020)》"),
              zh_en("所引规划的名称（含规划期）", "title of the cited layout plan (with its period)")),
    Narrative(C("二/(一)", "从硬件、软件两方面"),
              zh_en("计数的是随后列出的两个方面（硬件、软件），不是另设的数量要求",
                    "counts the two aspects it names (hardware, software); no separate "
                    "quantity requirement")),
    Narrative(C("二/(四)", "整合市、区、校三级教学科研力量"),
              zh_en("管理层级的名称（市、区、校）", "names of the administrative tiers")),
    Narrative(C("三/(一)", "市、区两级政府(管委会)"),
              zh_en("管理层级的名称（市、区）", "names of the administrative tiers")),
    Narrative(C("三/(一)", "市、区两级教育部门"),
              zh_en("管理层级的名称（市、区）", "names of the administrative tiers")),
)

DOCUMENT_FINDINGS = (
    DocumentFinding(
        "nantong.finding.area_names", "inconsistent_terms",
        zh_en("同一区域有多个名称：主送机关写“市经济技术开发区管委会”“南通苏通科技产业园区管委会”"
              "“南通滨海园区管委会”，正文写“南通开发区”“苏通科技产业园区”“滨海园区”；三个园区在主送"
              "中与“各区人民政府”并列，正文中对“各区”的要求是否包括园区不明。本库把这些名称视为同一区域。",
              "One area, several names: the addressees say 市经济技术开发区, 南通苏通科技产业园区 and "
              "南通滨海园区, the body 南通开发区, 苏通科技产业园区 and 滨海园区; the parks are "
              "addressed beside the district governments, so whether duties of 各区 bind them is "
              "unclear. The library treats the names as one area each."),
        (C("序", "市经济技术开发区管委会"), C("一/(二)", "南通开发区"),
         C("序", "南通苏通科技产业园区管委会"), C("一/(二)", "苏通科技产业园区"),
         C("序", "南通滨海园区管委会"), C("一/(二)", "滨海园区"))),
    DocumentFinding(
        "nantong.finding.five_years_no_start", "missing_date",
        zh_en("“今后五年”的学校建设计划没有写明起止年份；本库自印发日 2013-08-21 起算，"
              "期限定为 2018-08-21。",
              "The five-year construction plan ('the next five years') states no start or end "
              "year; the library counts from the issue date 2013-08-21 to 2018-08-21."),
        (C("二/(一)", "今后五年"),)),
    DocumentFinding(
        "nantong.finding.training_cycle_no_start", "missing_date",
        zh_en("“5年一周期”的教师全员培训未写明周期的起算年份；本库按每条培训记录自带的周期评判。",
              "The five-year training cycle has no stated start year; each training record's "
              "own cycle is judged."),
        (C("二/(三)", "严格实施5年一周期不少于360学时的教师全员培训制度"),)),
    DocumentFinding(
        "nantong.finding.exchange_base_unstated", "unstated_base",
        zh_en("“每年不低于15%的比例”未写明基数（全体教师、在编教师还是符合交流条件的教师），"
              "也未写明“包括骨干教师”是指骨干教师同样按15%交流还是计入总数；本库按符合交流条件的"
              "教师数为基数（与柳江一致），并对骨干教师另按符合条件的骨干教师数适用15%。",
              "The 15% has no stated base (all teachers, established posts or those eligible), "
              "and 'including backbone teachers' may mean they also rotate at 15% or merely count "
              "in the total; encoded over eligible teachers (as Liujiang), and the 15% also "
              "applied to eligible backbone teachers."),
        (C("二/(三)", "教师包括骨干教师原则上应按每年不低于15%的比例进行交流"),)),
    DocumentFinding(
        "nantong.finding.weak_school_undefined", "undefined_term",
        zh_en("“薄弱学校”贯穿全文（帮扶、资源倾斜、编制、经费、高级职称评聘条件），但文件从未定义，"
              "也未指明由谁认定；高级职称的“2年以上薄弱学校任教经历”因此依赖外部认定。",
              "'Weak school' runs through the text (support, resources, posts, funds, the "
              "senior-title condition) but is never defined, nor is it said who designates one; "
              "the two-year condition for senior titles depends on an outside designation."),
        (C("二/(三)", "原则上须有在薄弱学校任教2年以上的经历"),
         C("二/(一)", "加大薄弱学校的改造力度"),
         C("三/(二)", "适当向薄弱学校倾斜"))),
    DocumentFinding(
        "nantong.finding.parks_related_district_unnamed", "ambiguous_reference",
        zh_en("滨海园区与苏通科技产业园区“纳入相关区域一并通过验收”，未写明并入哪个区域。",
              "The Binhai and Sutong parks pass acceptance 'together with the related area', "
              "which is not named."),
        (C("一/(二)", "纳入相关区域一并通过验收"),)),
    DocumentFinding(
        "nantong.finding.missing_party", "missing_party",
        zh_en("以下规定以无主语句写成，未写明责任主体，本库按最可能的主体编码：2015年、2018年主要目标"
              "（按第三部分（一）统筹推进的市、区两级政府（管委会）），“力争到2018年”的信息化目标"
              "（教育部门），培训学时、校长任期、教师交流比例、高级职称评聘条件（市、区两级教育部门；"
              "职称评聘按人事部门和教育部门），集团化办学的骨干校，以及第二部分多数措施（现代化建设"
              "工程、标准班额、信息化、课程与评价改革、特殊教育等）和若干鼓励性条款。",
              "These provisions are written without a subject and name no responsible party; "
              "the most plausible party is encoded: the 2015 and 2018 targets (the city and "
              "district governments that lead the work under part 三 (一)), the 2018 "
              "informatisation aim (education departments), training hours, principal terms, "
              "the exchange share and the senior-title condition (city and district education "
              "departments; personnel and education departments for titles), the core of an "
              "education group, most measures of part 二 (modernisation programme, class "
              "sizes, IT, curriculum and evaluation reform, special education …) and several "
              "encouragements."),
        (C("一/(二)", "到2015年"), C("二/(二)", "力争到2018年"),
         C("二/(三)", "严格实施5年一周期不少于360学时的教师全员培训制度"),
         C("二/(三)", "校长在同一所学校的连续任期原则上不超过2届"),
         C("二/(三)", "教师包括骨干教师原则上应按每年不低于15%的比例进行交流"),
         C("二/(三)", "城区中小学教师评聘高级职务(职称)"),
         C("二/(二)", "以优质名校和办学水平相对较高的学校为骨干"),
         C("二/(一)", "实施义务教育学校现代化建设工程"), C("二/(一)", "合理控制学校规模"),
         C("二/(二)", "大力推进数字化教学试点"), C("二/(四)", "全面实施素质教育"),
         C("二/(四)", "加大特殊教育投入"), C("三/(四)", "大力宣传义务教育优质均衡发展的理念")),
        encodings=(*UNNAMED_TARGETS, *UNNAMED_STAFF_RULES, *UNNAMED_DUTIES)),
    DocumentFinding(
        "nantong.finding.provincial_standard_names", "inconsistent_terms",
        zh_en("省定标准有三种说法：“省定教育现代化标准”（一/(一)）、“省定现代化办学标准”（一/(二)）、"
              "“省定义务教育学校现代化办学规范”（二/(一)）；文件未说明是否同一标准，而2015年80%、"
              "2018年全部达标的目标取决于所指标准。本库把它们视为同一标准。",
              "The provincial standard has three names: 省定教育现代化标准 (一/(一)), "
              "省定现代化办学标准 (一/(二)) and 省定义务教育学校现代化办学规范 (二/(一)); the text "
              "does not say whether they are one standard, and the 80% (2015) and all-schools "
              "(2018) targets depend on which is meant. The library treats them as one."),
        (C("一/(一)", "按照省定教育现代化标准办好每一所义务教育学校"),
         C("一/(二)", "达到省定现代化办学标准"),
         C("二/(一)", "按照省定义务教育学校现代化办学规范")),
        encodings=("nantong.targets.2015.modern_standard_share",
                   "nantong.targets.2018.all_schools_modern_standard",
                   "nantong.duty.every_school_to_standard",
                   "nantong.duty.modernisation_programme")),
    DocumentFinding(
        "nantong.finding.city_area_scope", "ambiguous",
        zh_en("“市区80%以上的义务教育学校”“市区所有义务教育学校”未说明市区的学校是否包括市直学校和各园区的学校；"
              "本库按记录自身给出的学校总数计算比例。",
              "'80% (all) of the compulsory schools of the urban area' does not say whether "
              "city-run schools and the parks' schools count in the base; the library takes "
              "the school total the record gives."),
        (C("一/(二)", "市区80%以上的义务教育学校"), C("一/(二)", "市区所有义务教育学校"),
         C("二/(一)", "继续改善部分市直学校办学条件")),
        encodings=("nantong.targets.2015.modern_standard_share",
                   "nantong.targets.2018.all_schools_modern_standard")),
    DocumentFinding(
        "nantong.finding.satisfaction_method_unstated", "undefined_measure",
        zh_en("两项满意度“均达90%以上”，但文件未规定调查方法、样本和由谁测评（仅第三部分要求督导室"
              "“突出公众满意度调查”）。",
              "Both satisfaction rates must reach 90%, but the text sets no survey method, "
              "sample or body (part 三 only asks the inspectorate to stress satisfaction "
              "surveys)."),
        (C("一/(二)", "均达90%以上"), C("三/(三)", "突出公众满意度调查"))),
)

UNENCODED: tuple[Unencoded, ...] = (
    Unencoded(C("序", "现就深入推进市区义务教育优质均衡发展提出如下实施意见"),
              zh_en("制定意见的依据和目的（贯彻国发〔2012〕48号和苏政发〔2012〕148号）：说明为何发文，本身不设义务",
                    "the basis and purpose of the opinions (implementing 国发〔2012〕48号 and "
                    "苏政发〔2012〕148号): says why they are issued and sets no duty itself")),
    Unencoded(C("一/(一)", "以党的十八大精神和邓小平理论、“三个代表”重要思想、科学发展观为指导"),
              zh_en("指导思想（连同“全面贯彻党的教育方针”“进一步落实义务教育重中之重的战略地位”）："
                    "表明政治方向和优先地位，没有可核查的行为或结果；具体要求见其后各条",
                    "the guiding idea (with 'fully carry out the Party's education policy' and "
                    "'give compulsory education top priority'): states direction and priority "
                    "with no act or result that can be checked; the concrete requirements "
                    "follow")),
    Unencoded(C("二/(一)", "努力做到所有学校办学条件一样好、师资队伍一样强、管理水平一样高、教育质量一样优"),
              zh_en("愿景性表述（“努力做到”）：没有衡量标准和期限；其可核查的部分是2015年、2018年达到省定现代化"
                    "办学标准的目标和各项均衡配置措施，均已编码",
                    "an aspiration ('strive to'), with no measure and no deadline; its checkable "
                    "parts are the 2015 and 2018 modernisation-standard targets and the "
                    "balancing measures, all encoded")),
)

TERMS: tuple[Term, ...] = (
    Term("三个代表", zh_en("政治理论名称", "name of a political theory")),
    Term("十八大", zh_en("会议名称（党的第十八次全国代表大会）", "name of a congress (the 18th)")),
    Term("每一所", zh_en("“每一所学校”：全称量词，不是数量", "'every single school': a "
                                                       "quantifier, not a count")),
    Term("每一个", zh_en("“每一个学生”：全称量词，不是数量", "'every single pupil': a quantifier, "
                                                       "not a count")),
    Term("每一名", zh_en("“每一名教师”：全称量词，不是数量", "'every single teacher': a "
                                                       "quantifier, not a count")),
)
