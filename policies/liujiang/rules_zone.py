"""Liujiang 2018: the rules judged on records — zones, groups, pairings, teacher rotation."""

from __future__ import annotations

from xuequ_policies.liujiang.parameters import (
    ASSISTANCE_LEADS,
    BACKBONE_MIN,
    BUREAU_UNNAMED,
    GROUPS_YEAR,
    JUNIOR_GROUPS,
    PAIRED_SCHOOLS,
    PAIRING_COVERAGE,
    PHASES,
    PRIMARY_GROUPS,
    ROTATION_MIN,
    ZONE_HEADS,
    C,
)

from xuequ_rules.facts.model import ZoneForm
from xuequ_rules.policy.dsl import Modality, Rule, dt, f, phase_rules, zh_en
from xuequ_rules.policy.expr import IsIn

# The two forms 三/(一)/2 names. The same item goes on to permit zone alliances and "other
# effective models" once pairing covers every school and conditions are mature, so the list
# is open: a zone of another form is neither within nor outside the text on its own record.
NAMED_FORMS = (ZoneForm.EDUCATION_GROUP.value, ZoneForm.URBAN_RURAL_ASSISTANCE.value)

ZONE_RULES: tuple[Rule, ...] = (
    Rule(id="liujiang.zone.one_principal_head",
         title=zh_en("每个学区设主要负责人1名", "Each zone has exactly one principal head"),
         kind=Modality.OBLIGATION, party=BUREAU_UNNAMED, subject="zones",
         requires=f.principal_heads.eq(ZONE_HEADS), concept="zone.principal_heads",
         cites=(C("三/(四)/1", "每个学区设主要负责人1名、具体负责人及管理人员若干名"),)),
    Rule(id="liujiang.zone.allowed_forms",
         title=zh_en("学区采取集团化办学或城乡帮扶形式；学区联盟和其他有效模式在结对帮扶全覆盖、"
                     "条件成熟时可以推行",
                     "A zone takes the education-group or urban-rural-assistance form; alliances "
                     "and other effective models may follow once pairing covers every school"),
         kind=Modality.DEFINITION, party=BUREAU_UNNAMED, subject="zones",
         requires=IsIn(f.form, NAMED_FORMS, open=True),
         concept="zone.allowed_forms",
         note=zh_en("“两种形式”不是封闭的清单：同一项接着准许在结对帮扶100%全覆盖的基础上、"
                    "条件成熟时逐步推行学区联盟办学，并探索其他有效模式。因此学区联盟或其他形式的"
                    "学区按本条只能判为“无法确定”：是否已可推行取决于全区结对帮扶覆盖率（见许可规则 "
                    "liujiang.pairing.coverage_for_alliance）和条件是否成熟（文件未给出标准）。",
                    "The 'two forms' are not a closed list: the same item permits zone alliances "
                    "once pairing covers 100% and conditions are mature, and asks for other "
                    "effective models to be explored. A zone of another form is therefore "
                    "undetermined under this rule: whether it may be introduced depends on the "
                    "district's pairing coverage (permission "
                    "liujiang.pairing.coverage_for_alliance) and on conditions being mature, "
                    "for which the text gives no measure."),
         cites=(C("三/(一)/2", "学区设置采取集团化办学和城乡帮扶两种形式"),
                C("三/(一)/2/(2)", "逐步推行学区联盟办学,对学区设置形式进行积极创新,探索其他有效模式"))),
    Rule(id="liujiang.pairing.coverage_for_alliance",
         title=zh_en("结对帮扶100%全覆盖后，条件成熟时可以逐步推行学区联盟办学、探索其他有效模式",
                     "Once pairing covers 100% of schools, zone alliances and other models may "
                     "be introduced as conditions mature"),
         kind=Modality.PERMISSION, party=BUREAU_UNNAMED, subject="district_indicators",
         requires=f.pairing_coverage >= PAIRING_COVERAGE,
         concept="pairing.coverage_before_alliance",
         note=zh_en("许可只在覆盖率达到100%时成立；“当条件成熟时”另有判断，文件未给出标准，"
                    "本规则不评判。本段在采集稿中接在城乡帮扶形式（2）之后，内容针对第2项整体。",
                    "The permission holds only at 100% coverage; 'when conditions are mature' is "
                    "a further judgement the text gives no measure for and this rule does not "
                    "make. The paragraph follows sub-item (2) in the text and concerns item 2 as "
                    "a whole."),
         cites=(C("三/(一)/2/(2)", "在结对帮扶形式100%全覆盖的基础上"),
                C("三/(一)/2/(2)", "当条件成熟时,逐步推行学区联盟办学"))),
    Rule(id="liujiang.zone.assistance_one_quality_school",
         title=zh_en("城乡帮扶学区由1所优质学校加若干所薄弱学校组成",
                     "An assistance zone has exactly one quality school"),
         kind=Modality.DEFINITION, party=BUREAU_UNNAMED, subject="zones",
         applies=f.form.eq(ZoneForm.URBAN_RURAL_ASSISTANCE.value),
         requires=f.quality_school_count.eq(ASSISTANCE_LEADS),
         concept="zone.assistance_quality_schools",
         cites=(C("三/(一)/2/(2)", "由1所优质学校加若干所薄弱学校形成帮扶关系"),
                C("三/(一)/2/(2)", "通过帮扶学校和受援学校之间相互支持、互通共享,实现共同提高"))),
    Rule(id="liujiang.zone.group_has_lead_school",
         title=zh_en("教育集团以城区优质学校为龙头", "An education group is led by a lead school"),
         kind=Modality.DEFINITION, party=BUREAU_UNNAMED, subject="zones",
         applies=f.form.eq(ZoneForm.EDUCATION_GROUP.value),
         requires=f.lead_school.ne(""),
         concept="zone.group_lead_school",
         note=zh_en("记有龙头校为符合；龙头校记为空（没有龙头校）为不符合；没有记录龙头校为待定："
                    "缺少的事实不能当作没有龙头校。",
                    "A named lead school meets it; an empty entry (no lead school) does not; no "
                    "entry is undetermined: a missing fact is not taken to mean there is none."),
         cites=(C("三/(一)/2/(1)", "以城区学校优质教育资源为依托"),
                C("三/(二)/1/(1)", "明晰集团龙头校在办学资源配置、师资调配、教育教学管理等管理权限和程序"))),
    Rule(id="liujiang.education_groups.primary_2018",
         title=zh_en("2018年组建2所小学教育集团", "Two primary education groups in 2018"),
         kind=Modality.TARGET, party=BUREAU_UNNAMED, subject="district_indicators",
         applies=f.year.eq(GROUPS_YEAR),
         requires=f.education_groups_primary >= PRIMARY_GROUPS,
         deadline=dt.date(2018, 12, 31), concept="education_groups.primary_count",
         cites=(C("三/(一)/2/(1)", "拟于2018年组建2所小学教育集团和1所初中教育集团"),
                C("三/(一)/2/(1)", "探索组建义务教育学校教育集团"),
                C("三/(一)/2/(1)", "即柳江区拉堡小学教育集团、柳江区基隆开发区小学教育集团")),
         note=zh_en("文件点名的两个小学教育集团：柳江区拉堡小学教育集团、柳江区基隆开发区小学教育集团。",
                    "The text names the two primary groups: Lapu and Jilong Development Zone "
                    "primary education groups.")),
    Rule(id="liujiang.education_groups.junior_2018",
         title=zh_en("2018年组建1所初中教育集团", "One junior-middle education group in 2018"),
         kind=Modality.TARGET, party=BUREAU_UNNAMED, subject="district_indicators",
         applies=f.year.eq(GROUPS_YEAR),
         requires=f.education_groups_junior >= JUNIOR_GROUPS,
         deadline=dt.date(2018, 12, 31), concept="education_groups.junior_count",
         cites=(C("三/(一)/2/(1)", "拟于2018年组建2所小学教育集团和1所初中教育集团"),
                C("三/(一)/2/(1)", "柳江区第二中学教育集团")),
         note=zh_en("文件点名的初中教育集团：柳江区第二中学教育集团。",
                    "The text names the junior group: Liujiang No. 2 Middle School education "
                    "group.")),
    Rule(id="liujiang.pairing.agreement_signed",
         title=zh_en("帮扶学校和受援学校协商签订帮扶协议",
                     "Helping and assisted schools sign an assistance agreement"),
         kind=Modality.OBLIGATION, party=PAIRED_SCHOOLS,
         subject="pairings", requires=f.agreement_signed.eq(True),
         concept="pairing.agreement",
         cites=(C("三/(二)/1/(1)", "帮扶学校和受援学校协商签订帮扶协议"),)),
)

TEACHER_RULES: tuple[Rule, ...] = (
    Rule(id="liujiang.teacher_exchange.min_share",
         title=zh_en("每年交流轮岗教师不低于符合交流条件教师总数的10%",
                     "At least 10% of eligible teachers rotate each year"),
         kind=Modality.OBLIGATION, party=BUREAU_UNNAMED, subject="teacher_exchanges",
         applies=f.eligible > 0,
         requires=f.rotated >= ROTATION_MIN * f.eligible,
         concept="teacher_exchange.min_share_per_year",
         cites=(C("三/(四)/3", "全区每年交流轮岗教师的比例不低于符合交流条件教师总数的10%"),)),
    Rule(id="liujiang.teacher_exchange.backbone_share",
         title=zh_en("交流轮岗教师中骨干教师不低于12%",
                     "Backbone teachers are at least 12% of those rotated"),
         kind=Modality.OBLIGATION, party=BUREAU_UNNAMED, subject="teacher_exchanges",
         applies=f.rotated > 0,
         requires=f.backbone_rotated >= BACKBONE_MIN * f.rotated,
         concept="teacher_exchange.backbone_min_share_of_rotated",
         cites=(C("三/(四)/3", "其中,骨干教师不低于交流轮岗教师总数的12%"),)),
)

PHASE_RULES = phase_rules("liujiang", PHASES, BUREAU_UNNAMED)

RULES: tuple[Rule, ...] = (*PHASE_RULES, *TEACHER_RULES, *ZONE_RULES)
