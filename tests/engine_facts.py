"""The fact schema of the engines' synthetic test policies: Liujiang's district figures and
Ziyang's expenditures, so one synthetic policy exercises both packages' collections."""

from xuequ_policies.liujiang.facts import LiujiangIndicators
from xuequ_policies.ziyang.facts import Expenditure

from xuequ_rules.facts import Collection, facts_schema

ENGINE_TEST_FACTS = facts_schema(
    "engine-test",
    own={"expenditures": Collection(Expenditure, "经费支出", "expenditures")},
    extends={"district_indicators": LiujiangIndicators},
)
