"""Policies and documents as plain data (the JSON the CLI and the API print)."""

from __future__ import annotations

from typing import Any

from xuequ_rules.document.clause import Clause
from xuequ_rules.document.document import Document
from xuequ_rules.policy.expr import Expr
from xuequ_rules.policy.parameter import Parameter
from xuequ_rules.policy.policy import Policy
from xuequ_rules.policy.render import format_value, render
from xuequ_rules.policy.rule import AnyRule, Decision, Rule


def _json_value(value: object) -> object:
    if isinstance(value, bool | int | str) or value is None:
        return value
    return format_value(value)


def document_metadata(document: Document) -> dict[str, Any]:
    meta = document.metadata
    data: dict[str, Any] = meta.model_dump(mode="json", exclude_none=True)
    if meta.doc_number is not None:
        data["doc_number"] = {**meta.doc_number.model_dump(mode="json"),
                              "normalized": meta.doc_number.normalized}
    data["basis"] = [
        {**basis.model_dump(mode="json", exclude_none=True, exclude={"number"}),
         "number": basis.number.normalized if basis.number else None}
        for basis in meta.basis
    ]
    return data


def clause_dict(document: Document, clause: Clause) -> dict[str, Any]:
    return {
        "id": clause.id,
        "global_id": f"{document.name}@{document.version}#{clause.id}",
        "level": clause.level.value,
        "label": clause.label,
        "heading": clause.heading,
        "reconstructed_heading": clause.reconstructed_heading,
        "parent": clause.parent_id,
        "text": clause.text,
        "corrected_text": document.corrected_text(clause),
        "errata": list(document.errata_in(clause)),
    }


def document_dict(document: Document) -> dict[str, Any]:
    return {
        "name": document.name,
        "version": document.version,
        "metadata": document_metadata(document),
        "provenance": document.source.provenance.model_dump(mode="json"),
        "errata": [item.erratum.model_dump(mode="json") for item in document.source.errata],
        "clauses": [clause_dict(document, clause) for clause in document.walk()],
        "parse_notes": list(document.parse_notes),
    }


def parameter_dict(param: Parameter) -> dict[str, Any]:
    return {
        "id": param.id,
        "label": param.label.as_dict(),
        "value": _json_value(param.value),
        "display": param.display_value,
        "unit": param.unit.value,
        "in_principle": param.in_principle,
        "concept": param.concept,
        "dated": [{"since": d.since.isoformat(), "value": _json_value(d.value)}
                  for d in param.dated],
        "citations": [c.as_dict() for c in param.cites],
    }


def _rendered(expr: Expr | None, subject: str) -> dict[str, str] | None:
    return None if expr is None else render(expr, subject).as_dict()


def rule_dict(rule: AnyRule) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": rule.id,
        "title": rule.title.as_dict(),
        "modality": rule.modality.value,
        "party": rule.party.as_dict(),
        "subject": rule.subject,
        "in_principle": rule.in_principle,
        "concept": rule.concept,
        "valid_from": rule.valid_from.isoformat() if rule.valid_from else None,
        "valid_until": rule.valid_until.isoformat() if rule.valid_until else None,
        "exception_to": rule.exception_to,
        "parameters": [p.id for p in rule.parameters()],
        "applies": _rendered(rule.applies, rule.subject),
        "citations": [c.as_dict() for c in rule.cites],
    }
    if isinstance(rule, Rule):
        data["checklist"] = rule.is_checklist
        data["deadline"] = rule.deadline.isoformat() if rule.deadline else None
        data["requires"] = _rendered(rule.requires, rule.subject)
        data["forbids"] = _rendered(rule.forbids, rule.subject)
    if isinstance(rule, Decision):
        data["question"] = rule.question
        data["cases"] = [{"when": render(case.when, rule.subject).as_dict(),
                          "outcome": {"code": case.outcome.code, **case.outcome.text.as_dict()},
                          "citations": [c.as_dict() for c in case.cites]}
                         for case in rule.cases]
    return data


def policy_dict(policy: Policy) -> dict[str, Any]:
    data = document_dict(policy.document)
    data["parameters"] = [parameter_dict(p) for p in policy.parameters]
    data["rules"] = [rule_dict(r) for r in policy.rules]
    data["narratives"] = [{**n.cite.as_dict(), "reason": n.reason.as_dict()}
                          for n in policy.narratives]
    data["unencoded"] = [{**u.cite.as_dict(), "reason": u.reason.as_dict(), "kind": u.kind}
                         for u in policy.unencoded]
    data["data"] = policy.data
    return data
