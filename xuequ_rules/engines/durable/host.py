"""The host of one compiled policy: its rulesets, and sessions that assert facts, collect
what fired, then retract and delete (a ruleset holds at most 1,024 live sessions)."""

from __future__ import annotations

import itertools
import re
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from xuequ_rules.engines.durable.layout import Layout
from xuequ_rules.engines.durable.runtime import DurableEngineError, QuietHost, durable_engine
from xuequ_rules.engines.durable.sequences import Sequence
from xuequ_rules.policy.policy import Policy


@dataclass
class Context:
    """What the consequences of one session record."""

    table: dict[int, list[str | None]] = field(default_factory=dict)  # rule → code per record
    extra: list[tuple[int, int, str]] = field(default_factory=list)   # a second outcome


@dataclass
class CompiledSubject:
    subject: str
    rulesets: tuple[str, ...]     # durable fires at most 64 rules per fact: rules in chunks
    layout: Layout
    rule_indexes: tuple[int, ...]
    projections: tuple[tuple[str, ...] | None, ...] = ()   # the properties each ruleset reads
    sequences: tuple[tuple[str, Sequence], ...] = ()  # decided first, each in its ruleset


SAFE_NAME = re.compile(r"[^A-Za-z0-9_]")
SESSION_IDS = itertools.count(1)


def ruleset_name(policy: Policy, subject: str) -> str:
    return "xq_" + SAFE_NAME.sub("_", f"{policy.name}_{policy.version}_{subject or 'scenario'}_"
                                  f"{uuid.uuid4().hex[:12]}")


class Sessions:
    """The host of one compiled policy, its rulesets and the live sessions' contexts."""

    def __init__(self) -> None:
        self.host = QuietHost()
        self.contexts: dict[str, Context] = {}
        self.orphans: list[BaseException] = []
        self.lock = threading.RLock()

    def action(self, rule_index: int, code: str) -> Callable[[Any], None]:
        contexts, orphans = self.contexts, self.orphans

        def consequence(c: Any) -> None:
            # never let an exception reach durable: it would only be swallowed into the
            # session state; it is recorded here and raised once the session is cleaned up
            try:
                fact = c._m["m"]
                context = contexts[fact["sid"]]
                row, index = context.table[rule_index], fact["id"]
                current = row[index]
                if current is None:
                    row[index] = code
                elif current != code:   # a repeated code: durable fires once per $or branch
                    context.extra.append((rule_index, index, code))
            except BaseException as exc:
                orphans.append(exc)
        return consequence

    def run(self, ruleset: str, sid: str, facts: list[dict[str, Any]],
            context: Context) -> Context:
        """Assert the facts in a fresh session, collect what fired, retract, delete."""
        with self.lock:
            self.contexts[sid] = context
            asserted = False
            failed = False
            try:
                try:
                    self.host.assert_facts(ruleset, facts)
                    asserted = True
                except durable_engine.MessageNotHandledException:
                    asserted = True   # no rule matched: the missing outcomes are caught later
                except Exception as exc:
                    failed = True
                    raise DurableEngineError(f"durable_rules 执行失败：{exc}",
                                             f"durable_rules failed: {exc}") from exc
                state = self.host.get_state(ruleset, sid)
                if "exception" in state:
                    raise DurableEngineError(f"durable_rules 规则后件出错：{state['exception']}",
                                             f"a consequence failed: {state['exception']}")
                if self.orphans:
                    error = self.orphans[0]
                    self.orphans.clear()
                    raise DurableEngineError(f"durable_rules 规则后件出错：{error!r}",
                                             f"a consequence failed: {error!r}") from error
            finally:
                self.contexts.pop(sid, None)
                if asserted and not failed:
                    # durable identifies a fact by its session and id: retracting those
                    # removes it (checked: no rule fires again, nothing is left behind)
                    self.host.retract_facts(ruleset, [{"sid": sid, "id": fact["id"]}
                                                      for fact in facts])
                    self.host.delete_state(ruleset, sid)
        return context

