"""The writers behind ``xuequ checklist NAME [--format md|xlsx|docx] [--out FILE]``.

Markdown goes to stdout (or ``--out``); xlsx and docx (the ``office`` extra: openpyxl,
python-docx) need ``--out`` or are written to ``<name>-checklist.<format>``. Bureaus fill
them in WPS or Office: one row per item, with the standard, the clauses with their text,
and blank columns for the result (符合 / 不符合 / 不适用), the evidence and remarks.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from xuequ_rules.errors import XuequError
from xuequ_rules.sitegen.checklist import (
    COLUMNS,
    RESULTS,
    Checklist,
    ChecklistItem,
    item_clauses,
    item_requirement,
)

FORMATS = ("md", "xlsx", "docx")
_RESULT_CHOICES = " / ".join(f"□{zh}" for zh, _ in RESULTS)


def _row(number: int, item: ChecklistItem) -> list[str]:
    standard = (f"{item.standard.zh}\n{item.standard.en}" if item.standard is not None
                else "由责任主体确认落实 attested by the responsible party")
    return [str(number), item_requirement(item), standard, item_clauses(item),
            _RESULT_CHOICES, "", ""]


def to_markdown(checklist: Checklist) -> str:
    lines = [f"# 督导检查表 Inspection checklist — {checklist.title}", "",
             f"{checklist.title_en} ({checklist.ref})", ""]
    number = 0
    for section in checklist.sections:
        lines += [f"## {section.party.zh} {section.party.en}", "",
                  "| " + " | ".join(f"{zh} {en}" for zh, en in COLUMNS) + " |",
                  "|" + "---|" * len(COLUMNS)]
        for item in section.items:
            number += 1
            cells = [c.replace("|", "｜").replace("\n", "<br>") for c in _row(number, item)]
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
    return "\n".join(lines)


def to_dict(checklist: Checklist) -> dict[str, Any]:
    return {"policy": checklist.ref, "title": checklist.title, "sections": [
        {"party": section.party.as_dict(), "items": [
            {"rule": item.rule_id, "numeric": item.numeric, "modality": item.modality.value,
             "title": item.title.as_dict(), "in_principle": item.in_principle,
             "standard": item.standard.as_dict() if item.standard is not None else None,
             "clauses": [{"id": c.id, "text": c.text, "quotes": list(c.quotes)}
                         for c in item.clauses]} for item in section.items]}
        for section in checklist.sections]}


def _require(module: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise XuequError("导出此格式需要 office 附加组件：pip install "
                         f"'xuequ-rules[office]'（缺少 {module}）",
                         f"this format needs the office extra: pip install "
                         f"'xuequ-rules[office]' ({module} missing)", field="--format") from None


def write_xlsx(checklist: Checklist, path: Path) -> None:
    openpyxl = _require("openpyxl")
    styles = _require("openpyxl.styles")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "督导检查表"
    sheet.append([f"督导检查表 — {checklist.title}（{checklist.ref}）"])
    sheet.append([f"{zh}\n{en}" for zh, en in COLUMNS])
    party_row = len(COLUMNS)
    number = 0
    for section in checklist.sections:
        sheet.append([f"责任主体 party：{section.party.zh} {section.party.en}"])
        sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row,
                          end_column=party_row)
        sheet.cell(sheet.max_row, 1).font = styles.Font(bold=True)
        for item in section.items:
            number += 1
            sheet.append(_row(number, item))
    wrap = styles.Alignment(wrap_text=True, vertical="top")
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = wrap
    for letter, width in zip("ABCDEFG", (6, 34, 30, 60, 14, 24, 18), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.print_title_rows = "2:2"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    book.save(path)


def write_docx(checklist: Checklist, path: Path) -> None:
    docx = _require("docx")
    shared = _require("docx.shared")
    enum_section = _require("docx.enum.section")
    document = docx.Document()
    section = document.sections[0]
    section.orientation = enum_section.WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = shared.Mm(297), shared.Mm(210)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, shared.Mm(12))
    document.add_heading(f"督导检查表 — {checklist.title}", level=1)
    document.add_paragraph(f"{checklist.title_en}（{checklist.ref}）")
    number = 0
    for part in checklist.sections:
        document.add_heading(f"{part.party.zh} {part.party.en}", level=2)
        table = document.add_table(rows=1, cols=len(COLUMNS))
        table.style = "Table Grid"
        for cell, (zh, en) in zip(table.rows[0].cells, COLUMNS, strict=True):
            cell.text = f"{zh}\n{en}"
        for item in part.items:
            number += 1
            for cell, value in zip(table.add_row().cells, _row(number, item), strict=True):
                cell.text = value
    document.add_paragraph("检查人 inspector：__________　　日期 date：__________　　"
                           "被检查单位（签章）inspected body：__________")
    document.save(path)
