"""JSON Schemas of every file a package author writes: document.yaml, provenance.yaml,
errata.yaml, case files and facts (``xuequ schema document|provenance|errata|case|facts``)."""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from xuequ_rules.errors import XuequError

SCHEMAS = ("document", "provenance", "errata", "case", "facts")


_DOC_NUMBER = {"anyOf": [{"type": "string", "pattern": r"^\S+〔(19|20)\d{2}〕\d{1,4}号$",
                          "description": "文号 written code〔year〕sequence号, e.g. 江政规〔2018〕1号"},
                         {"type": "null"}], "default": None}


def _numbers_as_text(result: dict[str, Any]) -> None:
    """A 文号 is written as text in YAML (the model parses it into its parts)."""
    result["properties"]["doc_number"] = _DOC_NUMBER
    for name in ("BasisDocument", "KnownVersion"):
        definition = result.get("$defs", {}).get(name)
        if definition is not None:
            definition["properties"]["number"] = _DOC_NUMBER
    result.get("$defs", {}).pop("DocNumber", None)


def schema(what: str) -> dict[str, Any]:
    """The JSON Schema of one file format."""
    from xuequ_rules.cases import case_schema
    from xuequ_rules.document.metadata import DocumentMetadata
    from xuequ_rules.document.source import Erratum, Provenance
    from xuequ_rules.facts.schema import Facts

    result: dict[str, Any]
    if what == "document":
        result = DocumentMetadata.model_json_schema()
        result["description"] = ("document.yaml: the document's metadata; dates are written "
                                 "YYYY-MM-DD")
        _numbers_as_text(result)
    elif what == "provenance":
        result = Provenance.model_json_schema()
    elif what == "errata":
        result = TypeAdapter(list[Erratum]).json_schema()
        result["title"] = "errata"
    elif what == "case":
        result = case_schema()
    elif what == "facts":
        result = Facts.model_json_schema()
    else:
        raise XuequError(f"未知的模式“{what}”，应为 {' / '.join(SCHEMAS)}",
                         f"unknown schema {what!r}: expected one of {', '.join(SCHEMAS)}",
                         field="what")
    result["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return result
