"""Discover installed policy packages through the ``xuequ_rules.policies`` entry points."""

from __future__ import annotations

import difflib
from functools import cache
from importlib.metadata import EntryPoint, entry_points

from xuequ_rules.errors import UnknownPolicyError
from xuequ_rules.policy.package import PolicyPackage
from xuequ_rules.policy.policy import Policy

ENTRY_POINT_GROUP = "xuequ_rules.policies"


def _distribution(entry: EntryPoint) -> str:
    dist = getattr(entry, "dist", None)
    name = getattr(dist, "name", None) if dist is not None else None
    return str(name) if name else f"(unknown distribution: {entry.value})"


def clashes(registered: list[tuple[str, str, PolicyPackage]]) -> dict[str, list[str]]:
    """Policy names registered by more than one distribution → those distributions."""
    owners: dict[str, list[str]] = {}
    for name, dist, _ in registered:
        if dist not in owners.setdefault(name, []):
            owners[name].append(dist)
    return {name: sorted(dists) for name, dists in owners.items() if len(dists) > 1}


def _sort(registered: list[tuple[str, str, PolicyPackage]],
          broken: dict[str, str]) -> tuple[dict[str, PolicyPackage], dict[str, str]]:
    clashing = clashes(registered)
    for name, dists in clashing.items():
        broken[name] = (f"政策名“{name}”由多个发行包注册：{'、'.join(dists)}，请卸载其一 / "
                        f"policy name {name!r} is registered by more than one distribution: "
                        f"{' and '.join(dists)}; uninstall one of them")
    found = {name: package for name, _, package in registered if name not in clashing}
    return dict(sorted(found.items())), dict(sorted(broken.items()))


@cache
def _discover() -> tuple[dict[str, PolicyPackage], dict[str, str]]:
    registered: list[tuple[str, str, PolicyPackage]] = []
    broken: dict[str, str] = {}
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        owner = _distribution(entry)
        try:
            package = entry.load()
            _check(entry, package)
        except Exception as exc:  # a broken third-party package must not hide the others
            broken[entry.name] = f"{owner}: {type(exc).__name__}: {_one_line(str(exc))}"
            continue
        registered.append((package.name, owner, package))
    # a name given by two distributions is refused for that name only: which of the two
    # would be evaluated depends on the order of sys.path, so neither is chosen
    return _sort(registered, broken)


def _check(entry: EntryPoint, package: object) -> None:
    """An entry point names a :class:`PolicyPackage` of its own name, with valid metadata."""
    if not isinstance(package, PolicyPackage):
        raise TypeError("entry point does not point at a PolicyPackage")
    if package.name != entry.name:
        raise ValueError(f"entry point {entry.name!r} points at package {package.name!r}")
    package.metadata()   # its document.yaml is installed and valid


@cache
def _installed(name: str) -> PolicyPackage | None:
    """The installed package ``name``, found without loading the others: when exactly one
    entry point has that name and it loads cleanly (a package is registered under its own
    name, so no other entry point can clash with it). Otherwise ``None``: the full
    discovery finds it, or explains why not (absent, broken, or given twice)."""
    entries = [entry for entry in entry_points(group=ENTRY_POINT_GROUP) if entry.name == name]
    if len(entries) != 1:
        return None
    try:
        package = entries[0].load()
        _check(entries[0], package)
    except Exception:  # reported by the full discovery, with the distribution's name
        return None
    return package if isinstance(package, PolicyPackage) else None


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
    found = _REGISTERED.get(name) or _installed(name)
    if found is not None:
        return found
    known = packages()
    try:
        return known[name]
    except KeyError:
        if name in broken_packages():
            problem = broken_packages()[name]
            zh, _, en = problem.partition(" / ") if " / " in problem else (problem, "", problem)
            raise UnknownPolicyError(f"政策包 {name} 无法加载：{zh}",
                                     f"policy package {name} failed to load: {en}",
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
