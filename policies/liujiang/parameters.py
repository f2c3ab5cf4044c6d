"""Liujiang 2018: the parties the text names, every number it sets, and its phases."""

from __future__ import annotations

from xuequ_rules.policy.dsl import Cite, Decimal, Parameter, Phase, Unit, dt, zh_en

C = Cite

# ── parties ───────────────────────────────────────────────────────────────────
# Parties the text names literally.
BUREAU = zh_en("区教育行政部门", "district education authority")
ZONE = zh_en("学区", "school zone")
ZONE_SCHOOLS = zh_en("学区制改革学校", "schools in the reform")
FINANCE = zh_en("区财政", "district finance bureau")
GROUP_SCHOOLS = zh_en("集团内学校", "schools of an education group")
PAIRED_SCHOOLS = zh_en("帮扶学校和受援学校", "helping and assisted schools")
TOWN_CENTRES = zh_en("镇中心小学", "town central primary schools")
INSPECTORATE = zh_en("教育督导部门", "education inspectorate")
DEPARTMENTS = zh_en("全区各有关部门", "all district departments")
OFFICE = zh_en("领导小组下设办公室", "the office under the leading group")
# The issuing government: the party of sentences that name none (see the missing_party finding).
GOVERNMENT = zh_en("柳江区人民政府（文件未写明责任主体）",
                   "Liujiang district government (the text names no party)")
BUREAU_UNNAMED = zh_en("区教育行政部门（文件未写明责任主体）",
                       "district education authority (the text names no party)")

# ── parameters ────────────────────────────────────────────────────────────────
ROTATION_MIN = Parameter(
    id="liujiang.teacher_exchange.min_share", value=Decimal("0.10"), unit=Unit.RATIO,
    label=zh_en("每年交流轮岗教师占符合交流条件教师的最低比例",
                "minimum yearly share of eligible teachers rotated"),
    concept="teacher_exchange.min_share_per_year",
    cites=(C("三/(四)/3", "全区每年交流轮岗教师的比例不低于符合交流条件教师总数的10%"),))
BACKBONE_MIN = Parameter(
    id="liujiang.teacher_exchange.backbone_min_share", value=Decimal("0.12"), unit=Unit.RATIO,
    label=zh_en("骨干教师占交流轮岗教师的最低比例", "minimum share of backbone teachers among "
                "the rotated"),
    concept="teacher_exchange.backbone_min_share_of_rotated",
    cites=(C("三/(四)/3", "骨干教师不低于交流轮岗教师总数的12%"),))
ZONE_HEADS = Parameter(
    id="liujiang.zone.principal_heads", value=1, unit=Unit.PERSONS,
    label=zh_en("每个学区主要负责人人数", "principal heads per zone"),
    concept="zone.principal_heads",
    cites=(C("三/(四)/1", "每个学区设主要负责人1名"),))
ZONE_FORMS = Parameter(
    id="liujiang.zone.allowed_forms", value=2, unit=Unit.COUNT,
    label=zh_en("学区组建形式的种数（集团化办学、城乡帮扶）",
                "number of zone forms named (education group, urban-rural assistance)"),
    concept="zone.allowed_forms",
    cites=(C("三/(一)/2", "学区设置采取集团化办学和城乡帮扶两种形式"),))
ASSISTANCE_LEADS = Parameter(
    id="liujiang.zone.assistance_quality_schools", value=1, unit=Unit.SCHOOLS,
    label=zh_en("城乡帮扶学区中的优质学校数", "quality schools per assistance zone"),
    concept="zone.assistance_quality_schools",
    cites=(C("三/(一)/2/(2)", "由1所优质学校加若干所薄弱学校形成帮扶关系"),))
GROUPS_YEAR = Parameter(
    id="liujiang.education_groups.target_year", value=2018, unit=Unit.YEAR,
    label=zh_en("组建教育集团的年份", "year the education groups are set up"),
    concept="education_groups.target_year",
    cites=(C("三/(一)/2/(1)", "拟于2018年组建2所小学教育集团和1所初中教育集团"),))
PRIMARY_GROUPS = Parameter(
    id="liujiang.education_groups.primary", value=2, unit=Unit.COUNT,
    label=zh_en("2018年组建的小学教育集团数", "primary education groups to set up in 2018"),
    concept="education_groups.primary_count",
    cites=(C("三/(一)/2/(1)", "组建2所小学教育集团"),))
JUNIOR_GROUPS = Parameter(
    id="liujiang.education_groups.junior", value=1, unit=Unit.COUNT,
    label=zh_en("2018年组建的初中教育集团数", "junior-middle education groups to set up in 2018"),
    concept="education_groups.junior_count",
    cites=(C("三/(一)/2/(1)", "和1所初中教育集团"),))
PAIRING_COVERAGE = Parameter(
    id="liujiang.pairing.full_coverage", value=Decimal("1"), unit=Unit.RATIO,
    label=zh_en("推行学区联盟办学前结对帮扶应达到的覆盖率",
                "pairing coverage required before zone alliances"),
    concept="pairing.coverage_before_alliance",
    cites=(C("三/(一)/2/(2)", "在结对帮扶形式100%全覆盖的基础上"),))
SIX_UNIFICATIONS = Parameter(
    id="liujiang.zone.six_unifications",
    value="资源配置、师资调配、教学管理、教学研究、学校招生、质量评价", unit=Unit.TEXT,
    label=zh_en("学区内“六统一”的内容", "the six matters unified within a zone"),
    concept="zone.six_unifications",
    cites=(C("二", "实现学区内统一进行资源配置、师资调配、教学管理、教学研究、学校招生、质量评价的“六统一”"),))

PARAMETERS = (ROTATION_MIN, BACKBONE_MIN, ZONE_HEADS, ZONE_FORMS, ASSISTANCE_LEADS, GROUPS_YEAR,
              PRIMARY_GROUPS, JUNIOR_GROUPS, PAIRING_COVERAGE, SIX_UNIFICATIONS)

# ── phases (四、实施步骤) ──────────────────────────────────────────────────────
PHASES = (
    Phase("liujiang.phase.1", zh_en("第一阶段：制定方案、学习动员", "phase 1: plan and mobilise"),
          dt.date(2017, 11, 1), dt.date(2017, 11, 30),
          (C("四", "第一阶段:制定方案、学习动员阶段。(201711月)"),)),
    Phase("liujiang.phase.2", zh_en("第二阶段：完善制度、健全机制", "phase 2: rules and mechanisms"),
          dt.date(2017, 11, 1), dt.date(2017, 12, 31),
          (C("四", "第二阶段:完善制度、健全机制阶段。 201711月至12月)"),)),
    Phase("liujiang.phase.3", zh_en("第三阶段：组织实施、整改提升", "phase 3: implement and improve"),
          dt.date(2018, 1, 1), dt.date(2020, 8, 31),
          (C("四", "第三阶段:组织实施、整改提升阶段。(2018 1 月至2020 8月)"),)),
)
