"""Liujiang's facts: 结对帮扶 pairs, and the group counts and pairing coverage its targets read."""

from __future__ import annotations

from xuequ_rules.facts import Collection, Record, fact_field, facts_schema
from xuequ_rules.facts.model import DistrictIndicators
from xuequ_rules.facts.quantities import Count, Flag, Ratio


class Pairing(Record):
    """A 结对帮扶 pair: a helping school and an assisted school."""

    helper_school: str | None = fact_field("帮扶学校", "helping school")
    assisted_school: str | None = fact_field("受援学校", "assisted school")
    agreement_signed: Flag | None = fact_field("已签订帮扶协议", "assistance agreement signed")


class LiujiangIndicators(DistrictIndicators):
    """A district's yearly figures, with the targets Liujiang sets."""

    education_groups_primary: Count | None = fact_field("小学教育集团数", "primary education groups")
    education_groups_junior: Count | None = fact_field("初中教育集团数", "junior-middle education groups")
    pairing_coverage: Ratio | None = fact_field("结对帮扶覆盖率", "share of schools covered by pairing")


FACTS = facts_schema(
    "liujiang",
    own={"pairings": Collection(Pairing, "结对帮扶", "pairs")},
    extends={"district_indicators": LiujiangIndicators},
)
