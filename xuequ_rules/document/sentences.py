"""Sentences of a document and their normative markers (modal words, targets, imperatives).

A clause's own corrected text (errata applied) is split at 。；！？ and at line breaks (list
items); its numbering marker and its heading are left out, and so are table rows (``|``).
Each sentence is classified by the first kind whose marker it carries, in this order:
prohibition, obligation, in-principle default, permission, encouragement, target,
responsibility (由…负责), institution (实行/建立/落实/健全…) and imperative (a sentence of
实施方案 style that opens with a verb of action: 加强…, 建立…, 推进…). A sentence with none
of these — background, purpose clauses (促进…, 为…奠定基础, 为贯彻落实…), the guiding
ideology (以…为指导), descriptions, the document's own title — is not normative. Sentences
of a body (区教委统筹制定…) count as imperative too.

Markers are matched outside book titles 《…》 and outside words that merely contain the
modal character (主要, 重要, 需要, 相应, 适应, 认可, 许可证…); such a list can never be
complete, which is why a package may declare a matched sentence ``not_normative`` with a
reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from xuequ_rules.document.clause import Clause
from xuequ_rules.document.document import Document
from xuequ_rules.document.source import apply_errata

# kind → (zh, en) labels, in classification order
KINDS: dict[str, tuple[str, str]] = {
    "prohibition": ("禁止", "prohibition"),
    "obligation": ("义务", "obligation"),
    "in_principle": ("原则上", "in principle"),
    "permission": ("许可", "permission"),
    "encouragement": ("鼓励", "encouragement"),
    "target": ("目标", "target"),
    "responsibility": ("职责", "responsibility"),
    "institution": ("制度", "institution"),
    "imperative": ("祈使", "imperative"),
}

_MARKERS: dict[str, tuple[str, ...]] = {
    "prohibition": ("不得", "严禁", "禁止", "不准", "不允许", "杜绝", "不予"),
    "obligation": ("必须", "须", "应当", "应", "要", "确保", "务必", "予以", "不低于", "不少于",
                   "不超过", "不高于", "不多于"),
    "in_principle": ("原则上",),
    "permission": ("可以", "可", "准予", "有权"),
    "encouragement": ("鼓励", "支持", "倡导"),
    "target": ("力争", "争取"),
    "institution": ("实行", "建立", "落实", "健全", "推行", "实施"),
}
# Words that contain a marker character without carrying its modal sense.
_NOT_MARKERS = (
    "主要", "重要", "需要", "纲要", "要素", "要点", "摘要", "只要", "必要", "要闻", "提要",
    "简要", "扼要", "紧要", "机要", "首要", "要事", "要害", "要件", "要地", "要员", "要职", "要务",
    "相应", "对应", "适应", "响应", "供应", "应用", "效应", "反应", "应届", "回应", "感应", "呼应",
    "应急", "理应", "实施方案", "实施意见", "实施细则", "应有之义", "顺应",
    "认可", "许可证", "可能", "可持续", "可靠", "可行性", "可比", "可视", "可观", "可喜", "可贵",
    "尽可能", "可见", "可控", "不可或缺", "宁可",
    "须知", "无须", "毋须", "必须品",
    "支持下", "的支持", "大力支持下",
    "负责人", "负责同志",
    "要求",   # a requirement or a request (凡要求转学的学生), not the modal 要
)
_TARGET = re.compile(r"(?<![年月日\d])(?:到|至|于|在)\s*(?:\d{4}|[一二〇○零]{4})\s*年"
                     r"|\d{4}\s*年\s*(?:底|前|内|末)|(?:达到|覆盖率|比例达|全覆盖)")
_RESPONSIBILITY = re.compile(r"由[^，,。；]{1,30}?(?:负责|牵头|承担|组织|实施|审批|决定|选聘|任命)"
                             r"|负责")
_ADVERBS = ("进一步", "全面", "积极", "大力", "着力", "切实", "逐步", "加快", "认真", "继续", "不断",
            "深入", "扎实", "有序", "稳步", "稳妥", "定期", "每年", "分类", "分步", "依法",
            "严格", "努力", "科学", "合理", "因地制宜", "主动", "广泛", "重点", "同步",
            "充分", "依法依规", "联合", "统筹", "优先", "尽快", "及时", "共同")
_VERBS = (
    "加强", "建立", "健全", "完善", "推进", "实施", "开展", "落实", "探索", "推动", "深化", "强化",
    "统筹", "组建", "实行", "制定", "坚持", "构建", "打造", "配齐", "配足", "提高", "优化", "加大",
    "规范", "明确", "搭建", "设立", "成立", "组织", "保障", "发挥", "创新", "扩大", "改善", "完成",
    "执行", "推行", "引导", "培养", "培育", "选派", "选拔", "理顺", "整合", "调整", "核定", "盘活",
    "设置", "划分", "纳入", "安排", "召开", "签订", "制订", "修订", "督促", "监督", "考核", "评估",
    "建设", "配备", "提供", "保证", "维护", "加快", "做好", "抓好", "办好", "严把", "把好", "压实",
    "聚焦", "实现", "形成", "统一", "注重", "突出", "严控", "控制", "开通", "引进", "采取", "改革",
    "补充", "贯彻", "承担", "利用", "把", "将", "研究", "引入", "增加", "转变", "推广", "树立", "营造",
    "倾斜", "鼓励", "支持", "创建", "重视", "开齐", "新建", "改扩建", "迁建", "负责", "选聘",
    "弘扬", "进行", "审核", "指导", "研判", "使用",
)
# Without a modal word, a sentence that opens with its purpose (为贯彻落实…, 为加快推进…) or
# states the guiding ideology (以…为指导) is not a provision.
_PURPOSE = re.compile(r"^为(?:了|贯彻|加快|进一步|全面|深入|推动|推进|促进|落实|实现|提高|切实)")
_GUIDING = re.compile(r"^(?:坚持)?以[^，,。]*为指导")
_PREPOSITIONS = ("根据", "按照", "依据", "围绕", "结合", "针对", "对于", "对", "通过", "以", "在",
                 "依托", "借助", "立足", "按")
_SPLIT = re.compile(r"[。；;！!？?\n]")
_SEGMENT = re.compile(r"[，,：:]")
_BOOK = re.compile(r"《[^》]*》")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a clause's own corrected text; ``kind`` is None when not normative."""

    clause: str
    text: str
    start: int   # offset in the clause's corrected own text
    end: int
    kind: str | None
    marker: str


def _masked(text: str) -> str:
    """The text with book titles and non-modal words blanked (same length)."""
    out = _BOOK.sub(lambda m: "□" * len(m.group()), text)
    for word in _NOT_MARKERS:
        out = out.replace(word, "□" * len(word))
    return out


def _imperative(text: str) -> str | None:
    segments = [s.strip() for s in _SEGMENT.split(text) if s.strip()]
    if not segments:
        return None
    candidates = []
    for segment in segments:
        candidates.append(segment)
        if not segment.startswith(_PREPOSITIONS) and not segment.endswith(("需要", "年", "期间")):
            break
    for segment in candidates:
        head = segment.lstrip("—“\"　 ")
        while head:
            for verb in _VERBS:
                if head.startswith(verb):
                    return verb
            adverb = next((a for a in _ADVERBS if head.startswith(a)), None)
            if adverb is None:
                break
            head = head[len(adverb):]
    return None


_ACTOR = ("局", "委", "政府", "学校", "学区", "小组", "中心", "部门", "校", "教共体", "园区", "区",
          "县", "市", "党委")
_ACTOR_DUTY = re.compile(
    rf"^[^，,：:]{{0,24}}?(?:{'|'.join(_ACTOR)})(?:{'|'.join(_ADVERBS)})*"
    rf"(?P<verb>{'|'.join(sorted(_VERBS, key=len, reverse=True))})")


def _actor_duty(text: str) -> str | None:
    """A sentence whose subject is a body (区教委, 县教体局, 各学校…) followed by a verb of action."""
    match = _ACTOR_DUTY.match(text.lstrip("“\"　 "))
    return match["verb"] if match is not None else None


def classify(text: str) -> tuple[str | None, str]:
    """The normative kind of a sentence and the marker that decided it."""
    masked = _masked(text)
    for kind in ("prohibition", "obligation", "in_principle", "permission", "encouragement"):
        for marker in _MARKERS[kind]:
            if marker in masked:
                return kind, marker
    target = _TARGET.search(masked)
    if target is not None:
        return "target", target.group()
    for marker in _MARKERS["target"]:
        if marker in masked:
            return "target", marker
    duty = _RESPONSIBILITY.search(masked)
    if duty is not None:
        return "responsibility", duty.group()
    if _PURPOSE.match(masked.lstrip()) or _GUIDING.match(masked.lstrip()):
        return None, ""
    for marker in _MARKERS["institution"]:
        if marker in masked:
            return "institution", marker
    verb = _imperative(masked) or _actor_duty(masked)
    if verb is not None:
        return "imperative", verb
    return None, ""


_STRONG = ("prohibition", "obligation", "in_principle", "permission", "encouragement", "target",
           "responsibility")


def provision_parts(sentence: Sentence) -> list[tuple[int, int]]:
    """The parts of a sentence that each carry their own provision (offsets in the clause).

    A sentence often joins several duties with commas (…不低于10%,其中,骨干教师不低于12%);
    each comma-separated segment with its own modal or target marker is one part, and so is
    an opening segment that is itself an imperative (加强…,要…); a part whose marker leads
    into a prepositional phrase (要按照…要求,进一步优化…) runs on to the next segment. A
    sentence with no such segment is one part as a whole.
    """
    parts: list[tuple[int, int]] = []
    position = 0
    extend = False   # the last part's marker leads into a prepositional phrase (要按照…,)
    for index, match in enumerate([*_SEGMENT.finditer(sentence.text), None]):
        end = match.start() if match is not None else len(sentence.text)
        segment = sentence.text[position:end].strip()
        start = sentence.start + position
        position = match.end() if match is not None else end
        if not segment or segment.startswith(_PREPOSITIONS):
            continue
        kind, marker = classify(segment)
        if kind in _STRONG or (index == 0 and kind is not None):
            parts.append((start, sentence.start + end))
            after = segment.split(marker, 1)[-1] if marker else ""
            extend = after.startswith(_PREPOSITIONS)
        elif extend and parts:
            parts[-1] = (parts[-1][0], sentence.start + end)
            extend = False
    if len(parts) <= 1:
        return [(sentence.start, sentence.end)]
    return parts


def _body_offset(document: Document, clause: Clause, text: str) -> int:
    """Where the clause's text after its number and heading starts."""
    offset = len(apply_errata(document.source.text, document.source.errata, clause.start,
                              clause.body_start))
    if clause.heading:
        rest = text[offset:]
        stripped = rest.lstrip()
        if stripped.startswith(clause.heading):
            offset += len(rest) - len(stripped) + len(clause.heading)
    return offset


def _blank_titles(text: str, title: str) -> str:
    """Book titles 《…》 and the document's own title blanked, also across line breaks."""
    out = _BOOK.sub(lambda m: "□" * len(m.group()), text)
    chars = [re.escape(c) for c in title if not c.isspace()]
    if chars:
        pattern = re.compile(r"\s*".join(chars))
        out = pattern.sub(lambda m: "".join(c if c.isspace() else "□" for c in m.group()), out)
    return out


def clause_sentences(document: Document, clause: Clause) -> Iterator[Sentence]:
    """The sentences of one clause's own corrected text (number, heading and tables left out)."""
    text = document.corrected_text(clause)
    blanked = _blank_titles(text, document.metadata.title)
    offset = _body_offset(document, clause, text) if clause.id != "序" else 0
    position = offset
    for match in [*_SPLIT.finditer(text, offset), None]:
        end = match.end() if match is not None else len(text)
        raw = text[position:end]
        start = position
        position = end
        stripped = raw.strip()
        if len(stripped.rstrip("。；;！!？?")) < 4 or "|" in stripped:
            continue
        lead = len(raw) - len(raw.lstrip())
        kind, marker = classify(blanked[start + lead:start + lead + len(stripped)])
        yield Sentence(clause.id, stripped, start + lead, start + lead + len(stripped), kind,
                       marker)


def sentences(document: Document) -> list[Sentence]:
    """Every sentence of the document, in document order."""
    return [s for clause in document.walk() for s in clause_sentences(document, clause)]


def normative_sentences(document: Document) -> list[Sentence]:
    return [s for s in sentences(document) if s.kind is not None]
