"""Ziyang's own concepts (the shared ones: ``xuequ_rules.policy.concepts``).

Each label and definition is the encoding's own name for the idea: the parameter's label
where a number expresses it, the rule's title otherwise.
"""

from xuequ_rules.policy.concepts import Concept, concept

CONCEPTS: tuple[Concept, ...] = (
    concept("community.action_plan_years",
            "各教共体行动方案的年限",
            "span of each community's action plan",
            "各教共体制订内部章程和五年行动方案，建立健全议事规则和管理制度",
            "Each community adopts a charter and a five-year action plan with its rules"),
    concept("community.all_schools_included",
            "全县义务教育学校全部纳入教共体",
            "Every compulsory-education school of the county is in a community",
            "全县义务教育学校全部纳入教共体",
            "Every compulsory-education school of the county is in a community"),
    concept("community.assessments_per_year",
            "县教体局每学年对各教共体开展综合考核的次数",
            "comprehensive assessments of each community per school year",
            "县教体局每学年对各教共体开展一次综合考核，并与校长履职考核挂钩",
            "The bureau assesses each community once a school year, linked to principals' appraisal"),
    concept("community.core_schools",
            "每个教共体的核心校数",
            "core schools per education community",
            "每个教共体有且只有1所核心校",
            "Each community has exactly one core school"),
    concept("community.count_nine_year",
            "九年制教共体数",
            "nine-year education communities",
            "组建九年制教共体5个",
            "Five nine-year communities formed"),
    concept("community.count_primary",
            "小学教共体数",
            "primary-school education communities",
            "组建小学教共体3个",
            "Three primary-school communities formed"),
    concept("community.count_total",
            "组建的教共体总数（小学、九年制）",
            "education communities to form (primary and nine-year)",
            "全县组建8个（义务教育）教共体",
            "Eight (compulsory-education) communities formed in the county"),
    concept("community.head_principal_is_core_principal",
            "总校校长为教共体法定代表人并兼任核心校校长",
            "The head principal is the community's legal representative and the core school's "
            "principal",
            "总校校长为教共体法定代表人并兼任核心校校长",
            "The head principal is the community's legal representative and the core school's "
            "principal"),
    concept("community.members",
            "教共体由核心校和若干所成员校组成（至少1所成员校）",
            "A community has member schools besides its core school",
            "教共体由核心校和若干所成员校组成（至少1所成员校）",
            "A community has member schools besides its core school"),
    concept("community.stage",
            "义务教育学段的教共体为小学教共体或九年制教共体",
            "A compulsory-stage community is a primary-school or a nine-year community",
            "义务教育学段的教共体为小学教共体或九年制教共体",
            "A compulsory-stage community is a primary-school or a nine-year community"),
    concept("enrolment.no_cherry_picking",
            "严禁以教共体名义通过“掐尖”、借读等方式违规招生（确认未发生）",
            "No improper enrolment (creaming off top pupils, guest enrolment) in the community's name"
            " (attested as not happening)",
            "严禁以教共体名义通过“掐尖”、借读等方式违规招生（确认未发生）",
            "No improper enrolment (creaming off top pupils, guest enrolment) in the community's name"
            " (attested as not happening)"),
    concept("expenditure.approval_route",
            "单项经费支出：成员校不足10万元由成员校校长按程序审签；10万元及以上按“三重一大”集体决策并"
            "由核心校校长审签",
            "Single-item spending: a member school's item below 100,000 yuan is signed by its "
            "principal; from 100,000 yuan (inclusive) the collective 三重一大 procedure and the core-"
            "school principal's signature",
            "单项经费支出：成员校不足10万元由成员校校长按程序审签；10万元及以上按“三重一大”集体决策并"
            "由核心校校长审签",
            "Single-item spending: a member school's item below 100,000 yuan is signed by its "
            "principal; from 100,000 yuan (inclusive) the collective 三重一大 procedure and the core-"
            "school principal's signature"),
    concept("expenditure.collective_approval_threshold",
            "单项经费支出按“三重一大”集体决策并由核心校校长审签的起点（含本数）",
            "single-item spending from which (inclusive) the collective 三重一大 procedure and the co"
            "re-school principal's signature apply",
            "单项经费支出按“三重一大”集体决策并由核心校校长审签的起点（含本数）",
            "single-item spending from which (inclusive) the collective 三重一大 procedure and the co"
            "re-school principal's signature apply"),
    concept("mentoring.min_young_teachers_per_year",
            "骨干校长、骨干教师每人每年培养指导的本学科青年教师最少人数",
            "minimum young teachers of the same subject each backbone principal or teacher mentors "
            "per year",
            "骨干校长、骨干教师每人每年培养指导本学科青年教师至少1名",
            "Each backbone principal or teacher mentors at least one young teacher of the same "
            "subject a year"),
    concept("principal.accountability_for_decline",
            "教学质量、管理水平连续两年下滑的核心校和成员校校长轮岗交流或降级处理",
            "Core and member principals whose school declines two years running are rotated or "
            "demoted",
            "教学质量、管理水平连续两年下滑的核心校和成员校校长轮岗交流或降级处理",
            "Core and member principals whose school declines two years running are rotated or "
            "demoted"),
    concept("principal.consecutive_decline_years",
            "校长须轮岗交流或降级处理的连续下滑年数",
            "consecutive years of decline after which the principal is rotated or demoted",
            "校长须轮岗交流或降级处理的连续下滑年数",
            "consecutive years of decline after which the principal is rotated or demoted"),
    concept("community.six_unifications",
            "教共体“六统一”（教学管理至考核评价）",
            "a community's six unifications (teaching management to assessment)",
            "教共体内统一教学管理、教师培训、课程设置、教学进度、质量监测、考核评价",
            "within an education community: one teaching management, teacher training, curriculum, "
            "teaching schedule, quality monitoring and assessment"),
)
