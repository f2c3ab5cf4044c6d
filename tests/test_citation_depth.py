"""Citations name the deepest clause that holds their quote."""

from __future__ import annotations

import dataclasses

from xuequ_rules.consistency.depth import deepest_clause, depth_defects
from xuequ_rules.policy.citation import Cite
from xuequ_rules.registry import load_policy

LIUJIANG = "liujiang@2018"


def test_citation_depth_finds_liujiang_full_coverage_in_item_2_of_clause_three_one_two() -> None:
    document = load_policy(LIUJIANG).document
    cite = Cite("三/(一)/2", "在结对帮扶形式100%全覆盖的基础上")
    assert deepest_clause(document, cite) == "三/(一)/2/(2)"


def test_citation_depth_keeps_a_quote_in_the_cited_clauses_own_text() -> None:
    document = load_policy(LIUJIANG).document
    cite = Cite("三/(一)/2", "学区设置采取集团化办学和城乡帮扶两种形式")
    assert deepest_clause(document, cite) == "三/(一)/2"


def test_citation_depth_follows_errata_into_ziyang_item_7() -> None:
    document = load_policy("ziyang@2024").document
    cite = Cite("二/(三)", "单项经费支出在 1 0万元以内的由成员校校长按程序审签")
    assert deepest_clause(document, cite) == "二/(三)/7"


def test_citation_depth_reports_a_liujiang_parameter_cited_at_the_parent_clause() -> None:
    policy = load_policy(LIUJIANG)
    param = policy.parameter("liujiang.zone.principal_heads")
    (cite,) = param.cites
    parent = cite.clause.rsplit("/", 1)[0]
    moved = dataclasses.replace(param, cites=(Cite(parent, cite.quote),))
    others = tuple(p for p in policy.parameters if p.id != param.id)
    rules = tuple(r for r in policy.rules if param not in r.parameters())
    shifted = dataclasses.replace(policy, parameters=(*others, moved), rules=rules)
    issues = [i for i in depth_defects(shifted) if param.id in i.id]
    assert [i.kind for i in issues] == ["citation_depth"]
    assert cite.clause in issues[0].text.zh and cite.clause in issues[0].text.en
