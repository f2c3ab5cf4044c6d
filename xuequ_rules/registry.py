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
def _discover() -> tuple[dict[str, PolicyPackage], dict[str, str]]:
    found: dict[str, PolicyPackage] = {}
    owners: dict[str, str] = {}
    broken: dict[str, str] = {}
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        owner = entry.dist.name if entry.dist is not None else "?"
        try:
            package = entry.load()
            if not isinstance(package, PolicyPackage):
                raise TypeError("entry point does not point at a PolicyPackage")
            package.metadata()   # its document.yaml is installed and valid
        except Exception as exc:  # a broken third-party package must not hide the others
            broken[entry.name] = f"{owner}: {type(exc).__name__}: {_one_line(str(exc))}"
            continue
        if package.name in found and owners[package.name] != owner:
            broken[package.name] = (f"registered by two distributions: {owners[package.name]} "
                                    f"and {owner}")
            del found[package.name]
            continue
        found[package.name] = package
        owners[package.name] = owner
    return dict(sorted(found.items())), dict(sorted(broken.items()))


def _one_line(text: str) -> str:
    return " ".join(part.strip() for part in text.splitlines() if part.strip())


# Packages registered in-process (tests, or a program embedding the library with a package
# that is not installed); they stand beside the entry points and win over a same-named one.
_REGISTERED: dict[str, PolicyPackage] = {}


def register_package(package: PolicyPackage) -> None:
    """Make ``package`` known to this process as if installed (``unregister_package`` undoes)."""
    _REGISTERED[package.name] = package


def unregister_package(name: str) -> None:
    _REGISTERED.pop(name, None)


def packages() -> dict[str, PolicyPackage]:
    """Every installed (or registered) policy package by name, sorted by name."""
    if not _REGISTERED:
        return _discover()[0]
    return dict(sorted({**_discover()[0], **_REGISTERED}.items()))


def broken_packages() -> dict[str, str]:
    """Entry points that failed to load, with the error (reported by ``xuequ check``)."""
    return _discover()[1]


def split_ref(ref: str) -> tuple[str, str | None]:
    """``"liujiang@2018"`` → ``("liujiang", "2018")``; ``"liujiang"`` → ``("liujiang", None)``."""
    name, _, version = ref.strip().partition("@")
    return name, (version or None)


def package(name: str) -> PolicyPackage:
    known = packages()
    try:
        return known[name]
    except KeyError:
        if name in broken_packages():
            raise UnknownPolicyError(
                f"政策包 {name} 无法加载：{broken_packages()[name]}",
                f"policy package {name} failed to load: {broken_packages()[name]}",
                field="policy") from None
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
