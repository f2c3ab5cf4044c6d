"""Chinese names, with the English beside, for every code a reader meets.

Statuses, finding and errata kinds, levels, relations and booleans are stored as English
codes; pages and the terminal show them through :func:`label` as ``中文 English``. A code
without a name here is shown as it is (never hidden), so a new kind is visible at once.
"""

from __future__ import annotations

from enum import Enum

STATUS: dict[str, tuple[str, str]] = {
    "satisfied": ("符合", "satisfied"),
    "violated": ("不符合", "violated"),
    "not_applicable": ("不适用", "not applicable"),
    "undetermined": ("待定", "undetermined"),
    "not_in_force": ("未生效/已失效", "not in force"),
    "not_yet_in_force": ("未生效", "not yet in force"),
    "no_longer_in_force": ("已失效", "no longer in force"),
}

WHAT_IF: tuple[str, str] = ("假设评估（文件不在有效期内）", "what-if (outside the document's validity)")

FINDING_KINDS: dict[str, tuple[str, str]] = {
    "no_validity": ("未写明有效期", "no period of validity stated"),
    "ambiguous": ("表述含糊", "ambiguous"),
    "ambiguous_number": ("数字含糊", "ambiguous number"),
    "ambiguous_procedure": ("程序含糊", "ambiguous procedure"),
    "ambiguous_reference": ("指代含糊", "ambiguous reference"),
    "ambiguous_role": ("职责含糊", "ambiguous role"),
    "ambiguous_threshold": ("标准含糊", "ambiguous threshold"),
    "capture_divergence": ("采集版本不一致", "captures differ"),
    "contradiction": ("自相矛盾", "contradiction"),
    "internal_contradiction": ("内部矛盾", "internal contradiction"),
    "dated_after_phase": ("日期晚于阶段", "dated after its phase"),
    "draft_status": ("征求意见稿", "draft status"),
    "gap": ("缺漏", "gap"),
    "incomplete_entry": ("条目不完整", "incomplete entry"),
    "inconsistent_terms": ("用语不一致", "inconsistent terms"),
    "inferred_issuer": ("发文机关系推断", "issuer inferred"),
    "internal_tension": ("内部张力", "internal tension"),
    "tension": ("张力", "tension"),
    "legal_concern": ("合法性疑问", "legal concern"),
    "missing_date": ("缺少日期", "missing date"),
    "missing_issuer": ("缺少发文机关", "missing issuer"),
    "missing_party": ("未明确责任主体", "missing responsible party"),
    "open_list": ("开放列举（等）", "open list"),
    "phase_overlap": ("阶段重叠", "phases overlap"),
    "promise_without_measure": ("承诺无具体措施", "promise without a measure"),
    "scope_mismatch": ("范围不一致", "scope mismatch"),
    "secondary_source": ("转载来源", "secondary source"),
    "silent": ("文件未作规定", "the text is silent"),
    "structure": ("结构问题", "structure"),
    "target_without_deadline": ("目标无期限", "target without a deadline"),
    "truncated": ("文本不完整", "truncated"),
    "undated_document": ("文件无日期", "undated document"),
    "undefined_measure": ("措施未界定", "undefined measure"),
    "undefined_term": ("用语未界定", "undefined term"),
    "unspecified_quantity": ("数量未明确", "unspecified quantity"),
    "unstated_base": ("基数未说明", "unstated base"),
    "unverified_status": ("效力未核实", "status unverified"),
    "wrong_word": ("用字错误", "wrong word"),
}

ERRATA_KINDS: dict[str, tuple[str, str]] = {
    "lost_characters": ("采集丢字", "lost characters"),
    "stray_space": ("多余空格", "stray space"),
    "lost_bracket": ("丢失括号", "lost bracket"),
    "lost_heading": ("丢失标题", "lost heading"),
    "garbled": ("乱码", "garbled"),
    "other": ("其他", "other"),
}

REMOVAL_KINDS: dict[str, tuple[str, str]] = {
    "page_chrome": ("网页框架文字", "page chrome"),
    "duplicate": ("重复内容", "duplicate"),
    "other_document": ("其他文件", "other document"),
    "truncated_fragment": ("残缺片段", "truncated fragment"),
    "website_text": ("网站文字", "website text"),
}

LEVELS: dict[str, tuple[str, str]] = {
    "national": ("国家", "national"),
    "province": ("省级", "province"),
    "city": ("市级", "city"),
    "county": ("县级", "county"),
    "district": ("区级", "district"),
    "school_district": ("学区", "school district"),
    "school": ("学校", "school"),
}

ISSUER_KINDS: dict[str, tuple[str, str]] = {
    "government": ("人民政府", "government"),
    "party_and_government_joint": ("党委政府联合", "party and government jointly"),
    "education_bureau": ("教育行政部门", "education bureau"),
    "central_ministry": ("国务院部门", "central ministry"),
    "school": ("学校", "school"),
    "school_district_office": ("学区办公室", "school district office"),
}

RELATIONS: dict[str, tuple[str, str]] = {
    "basis": ("依据", "basis"),
    "implements": ("贯彻落实", "implements"),
    "cites": ("引用", "cites"),
    "aims_at": ("目标指向", "aims at"),
    "final_version_of_this_draft": ("本稿的正式版", "final version of this draft"),
}

BOOLEANS: dict[bool, tuple[str, str]] = {True: ("是", "yes"), False: ("否", "no")}

TABLES: dict[str, dict[str, tuple[str, str]]] = {
    "status": STATUS, "finding": FINDING_KINDS, "erratum": ERRATA_KINDS,
    "removal": REMOVAL_KINDS, "level": LEVELS, "issuer_kind": ISSUER_KINDS,
    "relation": RELATIONS,
}


def pair(table: str, code: str | Enum | None) -> tuple[str, str]:
    """``(中文, English)`` for a code of ``table``; an unnamed code stands for itself."""
    if code is None:
        return ("—", "")
    value = str(code.value if isinstance(code, Enum) else code)
    return TABLES[table].get(value, (value, ""))


def label(table: str, code: str | Enum | None) -> str:
    """``中文 English`` for a code (``—`` for none)."""
    zh, en = pair(table, code)
    return f"{zh} {en}".strip()


def yes_no(value: bool | None) -> str:
    """``是 yes`` / ``否 no`` (``—`` when unknown)."""
    if value is None:
        return "—"
    zh, en = BOOLEANS[bool(value)]
    return f"{zh} {en}"
