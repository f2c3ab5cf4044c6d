"""The source of a scaffolded ``rules.py``: every proposal written out, marked for review."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from xuequ_rules.authoring.proposals import ProposedDuty, ProposedNarrative, ProposedParameter
from xuequ_rules.policy.rule import Modality

_HEAD = '''"""{title}: the encoding proposed by `xuequ new`.

Every entry below marked ``# REVIEW`` is a proposal read from the text. For each one decide:
a number is a rule parameter (name it, give it a concept, use it in a rule) or a narrative
(say why it is no rule number); a sentence is a duty (attested, as proposed), a rule with a
condition, or ``Unencoded`` (``not_encodable`` or ``not_normative``) with a reason. Then run
``xuequ check {name}``: what it still reports is what is left to decide.
"""

from __future__ import annotations

from xuequ_rules.document.document import Document
from xuequ_rules.policy.dsl import (
    Cite,
    Decimal,
    DocumentFinding,
    Modality,
    Narrative,
    Parameter,
    Policy,
    Rule,
    Unit,
    Validity,
    checklist_duty,
    dt,
    zh_en,
)
from xuequ_rules.policy.policy import Term

from .facts import FACTS

C = Cite
# The party of sentences that name none (listed in the missing_party finding below).
UNNAMED = zh_en("（文件未写明责任主体）", "(the text names no responsible party)")
'''


def _value(value: Decimal | int | dt.date) -> str:
    if isinstance(value, dt.date):
        return f"dt.date({value.year}, {value.month}, {value.day})"
    if isinstance(value, Decimal):
        return f'Decimal("{value.normalize():f}")'
    return str(value)


def _parameter(p: ProposedParameter) -> str:
    located = (f"C({p.clause!r}, {p.context!r}), " if p.context else "")
    return (f"    # REVIEW: {p.number} — name it, or make it a Narrative with a reason\n"
            f"    Parameter(id={p.id!r}, value={_value(p.value)}, unit=Unit.{p.unit.name},\n"
            f"              label=zh_en({p.quote!r}, {'(to name) ' + p.number!r}),\n"
            f"              cites=({located}C({p.clause!r}, {p.quote!r}),)),\n")


def _narrative(n: ProposedNarrative) -> str:
    return (f"    # REVIEW: {n.reason_en}\n"
            f"    Narrative(C({n.clause!r}, {n.quote!r}),\n"
            f"              zh_en({n.reason_zh!r}, {n.reason_en!r})),\n")


def _duty(d: ProposedDuty) -> str:
    party = f"zh_en({d.party!r}, {'(to translate) ' + d.party!r})" if d.party else "UNNAMED"
    extra = ", in_principle=True" if d.in_principle else ""
    modality = "" if d.modality is Modality.OBLIGATION else f", modality=Modality.{d.modality.name}"
    title = d.quote if len(d.quote) <= 40 else d.quote[:40] + "…"
    return (f"    # REVIEW ({d.kind}): a checklist duty; encode it as a rule if it has a test\n"
            f"    checklist_duty(id={d.id!r}, title=zh_en({title!r}, '(to translate)'),\n"
            f"                   party={party}, cites=(C({d.clause!r}, {d.quote!r}),)"
            f"{modality}{extra}),\n")


def rules_source(name: str, title: str, params: list[ProposedParameter],
                 narratives: list[ProposedNarrative], duties: list[ProposedDuty],
                 terms: list[str]) -> str:
    out = [_HEAD.format(title=title, name=name)]
    out.append("\nTERMS: tuple[Term, ...] = (\n")
    out.extend("    # REVIEW: a name or slogan with numerals (every occurrence is a name)\n"
               f"    Term({t!r}, zh_en('名称或口号中的数字', 'numerals in a name or slogan')),\n"
               for t in terms)
    out.append(")\n")
    out.append("\nPARAMETERS: tuple[Parameter, ...] = (\n")
    out.extend(_parameter(p) for p in params)
    out.append(")\n\nNARRATIVES: tuple[Narrative, ...] = (\n")
    out.extend(_narrative(n) for n in narratives)
    out.append(")\n\n# Rules with conditions on facts (see docs/writing-a-policy.md); build() adds them.\n"
               "RULES: tuple[Rule, ...] = ()\n")
    out.append("\nDUTIES = (\n")
    out.extend(_duty(d) for d in duties)
    out.append(")\n")
    unnamed = [d for d in duties if d.party is None]
    out.append("\nFINDINGS: tuple[DocumentFinding, ...] = (\n")
    if unnamed:
        ids = "".join(f"        {d.id!r},\n" for d in unnamed)
        first = unnamed[0]
        out.append(
            "    # REVIEW: the duties whose sentence names no responsible party\n"
            f"    DocumentFinding(\n        id={name + '.missing_party'!r}, kind='missing_party',\n"
            "        text=zh_en('这些规定未写明责任主体', 'these provisions name no responsible "
            "party'),\n"
            f"        cites=(C({first.clause!r}, {first.quote!r}),),\n"
            f"        encodings=(\n{ids}        )),\n")
    out.append(")\n")
    anchors = [(d.clause, d.quote) for d in duties] + [(p.clause, p.quote) for p in params]
    cites = f"(C({anchors[0][0]!r}, {anchors[0][1]!r}),)" if anchors else "()"
    out.append(
        "\n# REVIEW: the status and period of validity. Cite the words that state them\n"
        "# (Validity(reading, cites=...)), or keep the finding that the text states none.\n"
        "VALIDITY = Validity(\n"
        "    zh_en('文件未写明施行日期和有效期；本库自印发之日起适用（待核实）',\n"
        "          'the text states no effective date or period; applied from its issue (to "
        "be checked)'),\n"
        "    none_stated=DocumentFinding(\n"
        f"        id={name + '.validity.none_stated'!r}, kind='no_validity',\n"
        "        text=zh_en('文件未写明施行日期和有效期', 'the text states no effective date or "
        "period of validity'),\n"
        f"        cites={cites}))\n")
    review = [p.id for p in params] + [d.id for d in duties]
    if unnamed:
        review.append(name + ".missing_party")
    review.append(name + ".validity.none_stated")
    out.append(
        "\n# Every proposal above awaits review: `xuequ check` lists each id below as a library\n"
        "# defect. Confirm or rewrite a proposal, then delete its id here.\n"
        "PENDING_REVIEW: tuple[str, ...] = (\n"
        + "".join(f"    {ident!r},\n" for ident in review) + ")\n")
    out.append(f'''

def build(document: Document) -> Policy:
    return Policy(
        name={name!r}, version=document.version, document=document,
        parameters=PARAMETERS, rules=(*RULES, *DUTIES), narratives=NARRATIVES,
        document_findings=FINDINGS, terms=TERMS,
        valid_from=document.metadata.dates.issued,   # REVIEW: when does the text apply?
        validity=VALIDITY, pending_review=PENDING_REVIEW, facts_model=FACTS,
    )
''')
    return "".join(out)


FACTS_SOURCE = '''"""{title}: the facts this package's rules read.

The shared vocabulary (`xuequ schema facts`) holds the records two or more documents talk
about: schools, zones, teacher exchanges, pupils, district indicators… A rule that reads a
fact the vocabulary lacks needs it declared here (`docs/writing-a-policy.md`, "Facts"):

* a field added to a shared record: subclass it and pass ``extends={{"students": MyStudent}}``;
* a collection of the package's own: ``own={{"my_records": Collection(MyRecord, "中文", "English")}}``.
"""

from __future__ import annotations

from xuequ_rules.facts import facts_schema

FACTS = facts_schema({name!r})
'''


def facts_source(name: str, title: str) -> str:
    """The source of a scaffolded ``facts.py``: the shared vocabulary, ready to extend."""
    return FACTS_SOURCE.format(name=name, title=title)
