"""The YAML files of a scaffolded package: document.yaml, provenance.yaml, errata.yaml.

Each starts with a ``# yaml-language-server: $schema=…`` line so that editors complete and
validate it, and marks every proposal with a ``# REVIEW`` comment.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

import yaml

from xuequ_rules.authoring.capture import Layout
from xuequ_rules.authoring.metadata import MetadataProposal, Repair


class _Dumper(yaml.SafeDumper):
    """Writes every value in place (no YAML anchors and aliases)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)


def schema_line(relative: str, what: str) -> str:
    return f"# yaml-language-server: $schema={relative}/{what}.schema.json\n"


def document_yaml(meta: MetadataProposal, version: str, schemas: str) -> str:
    dates = {role: meta.dates[role].value for role in ("written", "issued", "published")
             if role in meta.dates}
    data: dict[str, Any] = {
        "title": meta.title,
        "title_en": f"(to translate) {meta.title}",
    }
    if meta.notice_title:
        data["notice_title"] = meta.notice_title
    if meta.doc_number is not None:
        data["doc_number"] = meta.doc_number.normalized
        data["doc_number_as_captured"] = meta.doc_number.captured
    data.update({
        "issuers": list(meta.issuers), "issuer_kind": meta.issuer_kind,
        "jurisdiction": meta.jurisdiction, "level": meta.level, "dates": dates,
        "status": {"state": "draft" if meta.draft else "unknown",
                   "note_zh": "效力状态待核实（采集稿中未见废止、失效或修订信息）",
                   "note_en": "status to verify (the capture says nothing of repeal, lapse "
                              "or amendment)"},
        "basis": [{k: v for k, v in (("number", b.number), ("as_captured", b.as_captured),
                                     ("title", b.title), ("issuer", b.issuer),
                                     ("relation", "basis")) if v is not None}
                  for b in meta.basis],
        "versions": [{"version": version, "expression_zh": "采集稿文本（待核对）",
                      "expression_en": "text of the capture (to verify)",
                      **({"date": dates["issued"]} if "issued" in dates else {}),
                      "source": f"source/{version}/text.txt", "current": True}],
    })
    review = [
        "# REVIEW every field below: proposed from the capture by `xuequ new`.",
        "#   title / notice_title: the plan's own title and the notice that issues it.",
        "#   title_en: translate.",
    ]
    written = meta.dates.get("written")
    for role, found in meta.dates.items():
        assumed = role == "issued" and written is not None and found.line == written.line
        review.append(f"#   dates.{role}: read from capture line {found.line} ({found.text!r})"
                      f"{'; assumed equal to the written date' if assumed else ''}.")
    if meta.doc_number is not None:
        review.append(f"#   doc_number: read from capture line {meta.doc_number.line}.")
    review.append("#   issuers, issuer_kind, jurisdiction, level, basis: read from the titles "
                  "and the text; check each.")
    return schema_line(schemas, "document") + "\n".join(review) + "\n" + _dump(data)


def provenance_yaml(capture_name: str, capture: str, layout: Layout, schemas: str) -> str:
    first, last = layout.kept[0].lines[0], layout.kept[-1].lines[1]
    data = {
        "capture": capture_name,
        "capture_sha256": hashlib.sha256(capture.encode("utf-8")).hexdigest(),
        "description_zh": f"采集稿 {capture_name} 第{first}至{last}行中的文件文本（待核对）",
        "description_en": f"the document's text in lines {first}-{last} of capture "
                          f"{capture_name} (to verify)",
        "kept": [{"lines": list(p.lines), "what_zh": p.what_zh, "what_en": p.what_en}
                 for p in layout.kept],
        "removed": [{"lines": list(r.lines), "kind": r.kind.value,
                     **({"duplicate_of": list(r.duplicate_of)} if r.duplicate_of else {}),
                     "reason_zh": r.reason_zh, "reason_en": r.reason_en}
                    for r in layout.removed],
    }
    head = ("# REVIEW: every kept and removed range is a proposal; the ranges must cover every "
            "capture line once.\n")
    text = _dump(data).replace("collection: seeds\n", "")
    return schema_line(schemas, "provenance") + head + text


_STRAY = re.compile(r"(?<![\d.])\d(?: +\d)+(?![\d.])")


def stray_space_repairs(lines: list[str], kept: list[int]) -> list[Repair]:
    """Spaces inside a number (``1 0万元``), each a proposed erratum."""
    from xuequ_rules.document.source import ErratumKind

    out: list[Repair] = []
    for n in kept:
        for match in _STRAY.finditer(lines[n - 1]):
            out.append(Repair(n, match.group(), re.sub(r" +", "", match.group()),
                              ErratumKind.STRAY_SPACE, "数字中多出空格（待核对）",
                              "stray space inside a number (to verify)"))
    return out


def errata_yaml(repairs: list[Repair], line_map: dict[int, int], text_lines: list[str],
                schemas: str) -> str:
    """The proposed errata, located on the lines of text.txt (overlapping ones dropped)."""
    entries: list[dict[str, Any]] = []
    taken: dict[int, list[tuple[int, int]]] = {}
    for repair in sorted(repairs, key=lambda r: r.line):
        line = line_map.get(repair.line)
        if line is None:
            continue
        content = text_lines[line - 1]
        occurrence, position = 0, -1
        while True:
            position = content.find(repair.captured, position + 1)
            if position < 0:
                break
            occurrence += 1
            span = (position, position + len(repair.captured))
            if not any(a < span[1] and span[0] < b for a, b in taken.get(line, [])):
                taken.setdefault(line, []).append(span)
                entry: dict[str, Any] = {
                    "id": f"E{len(entries) + 1:02d}", "line": line,
                    "captured": repair.captured, "corrected": repair.corrected,
                    "kind": repair.kind.value, "reason_zh": repair.reason_zh,
                    "reason_en": repair.reason_en}
                if occurrence > 1:
                    entry["occurrence"] = occurrence
                entries.append(entry)
                break
    head = ("# REVIEW: each erratum is a proposed correction of a capture defect; keep only "
            "those you have checked.\n")
    return schema_line(schemas, "errata") + head + (_dump(entries) if entries else "[]\n")
