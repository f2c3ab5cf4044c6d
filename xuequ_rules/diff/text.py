"""Level 1: the clause-by-clause redline of two texts.

Clauses are aligned first by identical content (wherever they are: a renumbered clause is
still the same clause), then by clause id when the texts are similar, then by the most
similar remaining text (``difflib``). What is left is added or removed. Each aligned pair
carries a character-level redline; the corrected reading (errata applied) is compared.
"""

from __future__ import annotations

import difflib
import re

from xuequ_rules.diff.model import ChangeStatus, ClauseChange, TextDiff, TextOp
from xuequ_rules.document.document import Document

_SPACE = re.compile(r"\s+")

#: Two clauses with the same id are the same clause when at least this similar.
SAME_ID_THRESHOLD = 0.5
#: Two clauses with different ids are the same clause (moved) when at least this similar.
CONTENT_THRESHOLD = 0.6


def _norm(text: str) -> str:
    return _SPACE.sub("", text)


def _ratio(a: str, b: str) -> float:
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < CONTENT_THRESHOLD / 2:
        return 0.0
    if matcher.quick_ratio() < CONTENT_THRESHOLD / 2:
        return 0.0
    return matcher.ratio()


def redline(left: str, right: str) -> tuple[TextOp, ...]:
    """A character-level redline of ``left`` → ``right`` (Chinese has no word spaces)."""
    matcher = difflib.SequenceMatcher(None, left, right, autojunk=False)
    ops: list[TextOp] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        ops.append(TextOp(tag, left[i1:i2], right[j1:j2]))
    return tuple(ops)


def _clauses(document: Document) -> list[tuple[str, str, str]]:
    """(id, text, body): the body leaves out the clause's own number, so a clause that was
    only renumbered compares equal."""
    out: list[tuple[str, str, str]] = []
    for clause in document.walk():
        text = document.corrected_text(clause).strip()
        number = document.source.text[clause.start:clause.body_start].strip()
        body = text[len(number):] if number and text.startswith(number) else text
        out.append((clause.id, text, body))
    return out


def text_diff(left: Document, right: Document) -> TextDiff:
    """Align the clauses of two documents and redline each pair."""
    lefts = [(cid, text) for cid, text, _ in _clauses(left)]
    rights = [(cid, text) for cid, text, _ in _clauses(right)]
    lnorm = [_norm(body) for _, _, body in _clauses(left)]
    rnorm = [_norm(body) for _, _, body in _clauses(right)]
    pairs: dict[int, tuple[int, str, float]] = {}   # left index → (right index, how, ratio)
    taken: set[int] = set()

    # 1. identical content, anywhere (first unmatched occurrence)
    by_text: dict[str, list[int]] = {}
    for j, text in enumerate(rnorm):
        by_text.setdefault(text, []).append(j)
    for i, text in enumerate(lnorm):
        for j in by_text.get(text, []):
            if j not in taken:
                how = "id" if lefts[i][0] == rights[j][0] else "content"
                pairs[i] = (j, how, 1.0)
                taken.add(j)
                break

    # 2. same id, similar text
    right_index = {cid: j for j, (cid, _) in enumerate(rights)}
    for i, (cid, _) in enumerate(lefts):
        if i in pairs:
            continue
        same = right_index.get(cid)
        if same is None or same in taken:
            continue
        ratio = difflib.SequenceMatcher(None, lnorm[i], rnorm[same], autojunk=False).ratio()
        if ratio >= SAME_ID_THRESHOLD:
            pairs[i] = (same, "id", ratio)
            taken.add(same)

    # 3. most similar remaining text
    candidates: list[tuple[float, int, int]] = []
    free_right = [j for j in range(len(rights)) if j not in taken]
    for i in range(len(lefts)):
        if i in pairs or not lnorm[i]:
            continue
        for j in free_right:
            if not rnorm[j]:
                continue
            ratio = _ratio(lnorm[i], rnorm[j])
            if ratio >= CONTENT_THRESHOLD:
                candidates.append((ratio, i, j))
    for ratio, i, j in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if i in pairs or j in taken:
            continue
        pairs[i] = (j, "content", ratio)
        taken.add(j)

    # order: right document order, removed left clauses placed after their predecessor
    by_right = {j: i for i, (j, _, _) in pairs.items()}
    out: list[ClauseChange] = []
    emitted_left: set[int] = set()

    def flush_removed(up_to: int) -> None:
        for i in range(up_to):
            if i not in pairs and i not in emitted_left:
                emitted_left.add(i)
                cid, text = lefts[i]
                out.append(ClauseChange(ChangeStatus.REMOVED, cid, None, text, None, "",
                                        "0.000", (TextOp("delete", text, ""),)))

    for j, (rid, rtext) in enumerate(rights):
        found = by_right.get(j)
        if found is None:
            out.append(ClauseChange(ChangeStatus.ADDED, None, rid, None, rtext, "", "0.000",
                                    (TextOp("insert", "", rtext),)))
            continue
        i = found
        flush_removed(i)
        emitted_left.add(i)
        _, how, ratio = pairs[i]
        lid, ltext = lefts[i]
        same = lnorm[i] == rnorm[j]
        status = ChangeStatus.UNCHANGED if same else ChangeStatus.CHANGED
        ops = () if same else redline(ltext, rtext)
        out.append(ClauseChange(status, lid, rid, ltext, rtext, how, f"{ratio:.3f}", ops))
    flush_removed(len(lefts))
    return TextDiff(tuple(out))
