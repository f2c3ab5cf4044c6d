"""Discover installed policy packages through the ``xuequ_rules.policies`` entry points."""

from __future__ import annotations

import difflib
from functools import cache
from importlib.metadata import entry_points

from xuequ_rules.errors import UnknownPolicyError
from xuequ_rules.policy.package import PolicyPackage
from xuequ_rules.policy.policy import Policy

ENTRY_POINT_GROUP = "xuequ_rules.policies"


@cache
def packages() -> dict[str, PolicyPackage]:
    """Every installed policy package by name, sorted by name."""
    found: dict[str, PolicyPackage] = {}
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        package = entry.load()
        if not isinstance(package, PolicyPackage):
            raise UnknownPolicyError(
                f"入口点 {entry.name} 没有指向 PolicyPackage",
                f"entry point {entry.name} does not point at a PolicyPackage", field=entry.name)
        found[package.name] = package
    return dict(sorted(found.items()))


def split_ref(ref: str) -> tuple[str, str | None]:
    """``"liujiang@2018"`` → ``("liujiang", "2018")``; ``"liujiang"`` → ``("liujiang", None)``."""
    name, _, version = ref.strip().partition("@")
    return name, (version or None)


def package(name: str) -> PolicyPackage:
    known = packages()
    try:
        return known[name]
    except KeyError:
        close = difflib.get_close_matches(name, list(known), n=3)
        hint_zh = f"；是否要找：{'、'.join(close)}" if close else ""
        hint_en = f"; did you mean: {', '.join(close)}" if close else ""
        raise UnknownPolicyError(
            f"没有名为“{name}”的政策{hint_zh}（已安装：{'、'.join(known) or '无'}）",
            f"no policy named {name!r}{hint_en} (installed: {', '.join(known) or 'none'})",
            field="policy") from None


def load_policy(ref: str) -> Policy:
    """Load ``name`` (its current version) or ``name@version``."""
    name, version = split_ref(ref)
    return package(name).load(version)
