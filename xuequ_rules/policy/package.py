"""Policy packages: one per document family, each with one or more versions."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from xuequ_rules.document.document import Document, load_document, load_metadata
from xuequ_rules.document.metadata import DocumentMetadata
from xuequ_rules.errors import UnknownPolicyError
from xuequ_rules.policy.policy import Policy

Builder = Callable[[Document], Policy]


@dataclass(frozen=True)
class PolicyPackage:
    """A document family: its folder (``document.yaml``, ``source/``) and a builder per version.

    A bureau publishes its own package by exposing a ``PolicyPackage`` under the entry-point
    group ``xuequ_rules.policies``.
    """

    name: str
    root: Path
    builders: Mapping[str, Builder]
    _loaded: dict[str, Policy] = field(default_factory=dict, repr=False, compare=False)

    def metadata(self) -> DocumentMetadata:
        return load_metadata(self.root)

    def versions(self) -> tuple[str, ...]:
        return tuple(entry.version for entry in self.metadata().versions)

    def current_version(self) -> str:
        return self.metadata().current_version.version

    def document(self, version: str | None = None) -> Document:
        metadata = self.metadata()
        wanted = version or metadata.current_version.version
        for entry in metadata.versions:
            if entry.version == wanted:
                return load_document(self.name, self.root, entry, metadata)
        raise UnknownPolicyError(
            f"政策 {self.name} 没有版本“{wanted}”；已有版本：{'、'.join(self.versions())}",
            f"policy {self.name} has no version {wanted!r}; versions: "
            f"{', '.join(self.versions())}", field="version")

    def load(self, version: str | None = None) -> Policy:
        """Load (once) and return the policy of ``version`` (default: the current one)."""
        wanted = version or self.current_version()
        cached = self._loaded.get(wanted)
        if cached is not None:
            return cached
        document = self.document(wanted)
        builder = self.builders.get(wanted)
        if builder is None:
            raise UnknownPolicyError(
                f"政策 {self.name} 的版本 {wanted} 尚无编码",
                f"policy {self.name} version {wanted} has no encoding", field="version")
        policy = builder(document)
        self._loaded[wanted] = policy
        return policy
