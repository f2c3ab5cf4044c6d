"""Proposed metadata from a raw capture: titles, 文号 (with repairs), issuers, dates, basis.

Captures lose what document numbers are made of: brackets (``桂政办发〔2016168号``,
``东教工委发20144 号``), or write them half-width (``崇政办发(2018)39号``), and gain spaces
(``1 号``). A number is read as issuer code + four-digit year + sequence + 号; every
difference between the captured form and ``code〔year〕seq号`` is a proposed erratum.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from xuequ_rules.authoring.capture import Layout
from xuequ_rules.authoring.dates import FoundDate, find_dates, written_form
from xuequ_rules.document.source import ErratumKind

DOC_NUMBER = re.compile(
    r"(?P<code>[\u4e00-\u9fff]{0,10})\s*(?P<open>[〔\[［(（【]?)\s*(?P<year>(?:19|20)\d{2})"
    r"\s*(?P<close>[〕\]］)）】]?)\s*(?P<seq>\d{1,4})\s*号")
_LEAD_WORDS = re.compile(r"^(?:根据|按照|依据|印发|转发|文号|以及|和|及|与|的)+")
_ABOUT = re.compile(r"^(?P<issuer>[^《》，,。:：|]{2,60}?)关于(?P<rest>[^《》]*(?:《[^》]*》[^《》]*)?)"
                    r"的(?:通知|意见|实施意见|决定|通告|批复)")
_NOTICE = re.compile(r"(?P<issuer>[^《》，,。:：|]{2,60}?)关于印发[《〈](?P<plan>[^》〉]{4,80})[》〉]")
_GENRE = r"(?:实施方案|实施意见|实施办法|实施细则|意见|方案|办法|制度|规定|细则|规划|决定|通知)"
_TITLE = re.compile(rf"(?:^|(?<=\s))(?P<t>[^\s，,。；;:：|《》]{{2,40}}(?: [^\s，,。；;:：|《》0-9]{{2,20}})?"
                    rf"{_GENRE})(?P<draft>\s*[（(]征求意见稿[)）])?(?=\s|$|[（(])")
_BASIS = re.compile(r"《(?P<title>[^》]{4,80})》\s*[(（](?P<number>[^)）]{3,30}?号)[)）]")
_SOURCE = re.compile(r"(?:本文来源于|来源于|发文机关[:：|\s]*|发布机构[:：|\s]*)"
                     r"(?P<org>[\u4e00-\u9fff]{4,30}?(?:委员会|教育局|人民政府|办公室|教体局|政府))")
_ORG_END = ("人民政府办公室", "人民政府", "办公室", "委员会", "教育局", "教体局", "附属小学", "小学",
            "中学", "学校", "幼儿园", "学区", "教委", "政府")
_MUNICIPALITIES = ("北京市", "上海市", "天津市", "重庆市")


@dataclass(frozen=True, slots=True)
class Repair:
    """A capture defect to record as an erratum (line is the capture's)."""

    line: int
    captured: str
    corrected: str
    kind: ErratumKind
    reason_zh: str
    reason_en: str


@dataclass(frozen=True, slots=True)
class FoundNumber:
    normalized: str
    captured: str
    line: int
    repair: Repair | None


@dataclass(frozen=True, slots=True)
class BasisProposal:
    as_captured: str
    number: str | None
    title: str
    issuer: str | None


@dataclass(frozen=True, slots=True)
class MetadataProposal:
    title: str
    notice_title: str | None
    doc_number: FoundNumber | None
    issuers: tuple[str, ...]
    dates: dict[str, FoundDate]
    basis: tuple[BasisProposal, ...]
    repairs: tuple[Repair, ...]
    draft: bool
    jurisdiction: str
    level: str
    issuer_kind: str


def read_number(match: re.Match[str], line: int) -> FoundNumber | None:
    """A 文号 match read as code〔year〕seq号, with the repair its captured form needs."""
    code = _LEAD_WORDS.sub("", match["code"])
    if not code and not match["open"]:
        return None
    captured = match.group()[len(match["code"]) - len(code):].strip()
    normalized = f"{code}〔{match['year']}〕{int(match['seq'])}号"
    if captured == normalized:
        return FoundNumber(normalized, captured, line, None)
    if match["open"] and not match["close"]:
        kind, zh, en = (ErratumKind.LOST_BRACKET, "采集时丢失了年份后的“〕”",
                        "the capture lost the 〕 after the year")
    elif not match["open"] and not match["close"]:
        kind, zh, en = (ErratumKind.LOST_BRACKET, "采集时丢失了年份两侧的“〔〕”",
                        "the capture lost the 〔〕 around the year")
    elif match["open"] != "〔" or match["close"] != "〕":
        kind, zh, en = (ErratumKind.OTHER, "年份写作半角或其他括号，文号规范写法用六角括号〔〕",
                        "the year is in other brackets; a document number puts it in 〔〕")
    else:
        kind, zh, en = (ErratumKind.STRAY_SPACE, "文号中多出空格", "stray space in the number")
    repair = Repair(line, captured, normalized, kind,
                    f"{zh}；按文号格式（机关代字〔年份〕序号号，年份取四位）读作{normalized}（待核对）",
                    f"{en}; by the document-number format (code〔year〕sequence号, the year "
                    f"being four digits) it reads {normalized} (to verify)")
    return FoundNumber(normalized, captured, line, repair)


def _numbers(lines: list[str], first: int, last: int) -> list[tuple[FoundNumber, bool]]:
    """Every 文号 in the lines, and whether it is cited in brackets (a basis document)."""
    out: list[tuple[FoundNumber, bool]] = []
    for n in range(first, last + 1):
        for match in DOC_NUMBER.finditer(lines[n - 1]):
            found = read_number(match, n)
            if found is None:
                continue
            before = lines[n - 1][:match.start() + len(match["code"]) - len(
                _LEAD_WORDS.sub("", match["code"]))].rstrip()
            out.append((found, before.endswith(("(", "（", "》"))))
    return out


def _titles(squeezed: str, lines: list[str], kept: list[int],
            plan: str | None) -> tuple[str, str | None, str | None, bool]:
    """(title, notice title, issuer named by the title, draft)."""
    notice = _NOTICE.search(squeezed)
    if notice is not None and plan is not None:
        issuer = " ".join(_split_issuers(notice["issuer"]))
        return plan, f"{issuer}关于印发《{plan}》的通知", issuer, "征求意见稿" in squeezed[:400]
    candidates: list[tuple[str, bool]] = []
    for n in kept[:6]:
        head = lines[n - 1][:200]
        for match in _TITLE.finditer(head):
            candidates.append((match["t"], bool(match["draft"])))
        if candidates:
            break
    if not candidates:
        first = lines[kept[0] - 1].strip() if kept else ""
        return first[:60], None, None, False
    title, draft = max(candidates, key=lambda c: len(c[0]))
    title = re.sub(r"\s+", "", title)
    about = _ABOUT.match(title)
    named = about["issuer"] if about else None
    return (f"{title}（征求意见稿）" if draft else title), None, named, draft


_JOINT = re.compile(r".+?(?:人民政府办公室|委办公室|人民政府|办公室|委员会|教育局|教体局)(?!办公室)")


def _split_issuers(text: str) -> tuple[str, ...]:
    """``中共紫阳县委办公室 紫阳县人民政府办公室`` → both (joint issuers), spaces or not."""
    text = re.sub(r"\s+", "", text)
    head = DOC_NUMBER.match(text)
    if head is not None and head.start() == 0:
        text = text[head.end():]
    parts = _JOINT.findall(text)
    return tuple(parts) if parts and "".join(parts) == text else (text,)


def _place(text: str, suffix: str, code: str) -> str | None:
    """The place most often named ``XX市`` (one sharing a character with the 文号's issuer
    code, 通政发 → 南通, when there is one)."""
    counts = Counter(re.findall(rf"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{{2}}){suffix}|"
                                rf"([\u4e00-\u9fff]{{2}}){suffix}(?:人民政府|政府|主城区|市区)", text))
    names = Counter({(a or b): n for (a, b), n in counts.items()})
    sharing = Counter({k: v for k, v in names.items() if code and code[0] in k})
    best = (sharing or names).most_common(1)
    return best[0][0] if best else None


def _expand(issuer: str, text: str, code: str = "") -> str:
    """市政府/县政府/区政府 → the place's 人民政府; a Beijing district body → 北京市…"""
    short = {"市政府": "市", "县政府": "县", "区政府": "区"}
    if issuer in short:
        place = _place(text, short[issuer], code)
        if place is not None:
            return f"{place}{short[issuer]}人民政府"
    if re.match(r"^[\u4e00-\u9fff]{2,3}[区县]", issuer):
        named = [m for m in _MUNICIPALITIES if m in text]
        if len(named) == 1 and not issuer.startswith(named[0]):
            return named[0] + issuer
    return issuer


def _issuers(title_issuer: str | None, text: str, title: str, code: str) -> tuple[str, ...]:
    if title_issuer:
        return tuple(_expand(i, text, code) for i in _split_issuers(title_issuer))
    source = _SOURCE.search(text)
    if source is not None:
        return (_expand(source["org"], text),)
    org = re.match(rf"^(?P<org>[\u4e00-\u9fff]{{2,30}}(?:{'|'.join(_ORG_END)}))", title)
    if org is not None and len(title) - org.end() <= 10:
        return (org["org"],)
    place = re.match(r"^(?P<p>[\u4e00-\u9fff]{2,12}?[省市县区])", title)
    return (f"{place['p']}人民政府",) if place else ("（发文机关待填写）",)


def _basis(squeezed: str, own: str | None) -> tuple[BasisProposal, ...]:
    out: list[BasisProposal] = []
    seen: set[str] = set()
    for match in _BASIS.finditer(squeezed):
        title = match["title"].replace("〈", "《").replace("〉", "》")
        captured = match["number"]
        number_match = DOC_NUMBER.search(captured)
        found = read_number(number_match, 0) if number_match else None
        number = found.normalized if found else None
        if number == own or captured in seen:
            continue
        seen.add(captured)
        about = _ABOUT.match(title + "的通知") or _ABOUT.match(title)
        out.append(BasisProposal(captured, number, title, about["issuer"] if about else None))
    return tuple(out)


def _level(issuers: tuple[str, ...], title: str) -> tuple[str, str, str]:
    """(jurisdiction, level, issuer kind) read from the first issuer."""
    first = issuers[0]
    if first.endswith(("小学", "中学", "学校", "幼儿园")):
        kind = "school"
    elif any(i.startswith("中共") for i in issuers) and len(issuers) > 1:
        kind = "party_and_government_joint"
    elif first.endswith(("委员会", "教育局", "教体局", "教委")):
        kind = "education_bureau"
    else:
        kind = "government"
    place = re.match(r"^(?:中共)?(?P<p>[\u4e00-\u9fff]{1,12}[省市县区])(?=人民|委|政府|教|办公)",
                     first) or re.match(r"^(?P<p>[\u4e00-\u9fff]{1,12}?[省市县区])", title)
    jurisdiction = place["p"] if place else first
    if kind == "school":
        return jurisdiction, "school", kind
    level = {"区": "district", "县": "county", "市": "city", "省": "province"}.get(
        jurisdiction[-1], "unknown")
    return jurisdiction, level, kind


def propose_metadata(capture: str, layout: Layout, select: tuple[int, int] | None = None
                     ) -> MetadataProposal:
    lines = capture.splitlines()
    first, last = select if select is not None else (1, len(lines))
    kept = [n for part in layout.kept for n in range(part.lines[0], part.lines[1] + 1)]
    kept_set = set(kept)
    selection = "".join(re.sub(r"\s+", "", lines[n - 1]) for n in range(first, last + 1))
    kept_text = "".join(re.sub(r"\s+", "", lines[n - 1]) for n in kept)
    title, notice_title, title_issuer, draft = _titles(kept_text, lines, kept, layout.plan_title)
    if notice_title is None and layout.plan_title is not None:
        notice = _NOTICE.search(selection)
        if notice is not None:
            title_issuer = notice["issuer"].split("|")[-1]
            notice_title = f"{title_issuer}关于印发《{layout.plan_title}》的通知"
            title = layout.plan_title
    numbers = _numbers(lines, first, last)
    own = next((f for f, cited in numbers if not cited), None)
    if own is not None:
        own = next((f for f, cited in numbers if not cited and f.line in kept_set
                    and f.normalized == own.normalized), own)
    repairs = [f.repair for f, _ in numbers if f.repair is not None and f.line in kept_set]
    dates = find_dates(lines, first, last)
    for found in dates.values():
        if found.compact and found.line in kept_set and found.role == "written":
            note_zh = ("（也可读作其他日期，按发布日期取不晚于发布日期的读法，待核对）"
                       if found.ambiguous else "")
            note_en = (" (other readings exist; the one not after the publication date was "
                       "taken; to verify)") if found.ambiguous else ""
            repairs.append(Repair(found.line, found.text, written_form(found.value),
                                  ErratumKind.LOST_CHARACTERS,
                                  f"采集时丢失了“年”“月”“日”{note_zh}",
                                  f"the capture lost 年/月/日{note_en}"))
    code = own.normalized.split("〔")[0] if own else ""
    issuers = _issuers(title_issuer, selection, title, code)
    jurisdiction, level, kind = _level(issuers, title)
    return MetadataProposal(
        title=title, notice_title=notice_title, doc_number=own, issuers=issuers, dates=dates,
        basis=_basis("".join(lines[first - 1:last]), own.normalized if own else None), repairs=tuple(repairs),
        draft=draft or "征求意见稿" in title, jurisdiction=jurisdiction, level=level,
        issuer_kind=kind)


def date_or_none(dates: dict[str, FoundDate], role: str) -> dt.date | None:
    found = dates.get(role)
    return found.value if found else None
