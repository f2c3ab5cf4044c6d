"""The web API against its own OpenAPI description (schemathesis, in process over ASGI).

Every operation gets a bounded number of generated requests (``MAX_EXAMPLES`` per operation
and generation phase): no response may be a server error, every response must conform to the
description (status code documented, body matching the documented schema, content type),
schema-valid requests must be accepted and schema-violating ones rejected (except for the
facts body of ``evaluate``, whose JSON Schema is only approximate: see the comment below). How many requests
were sent per operation is printed at the end of the session.
"""

from __future__ import annotations

from collections import Counter

import pytest

pytest.importorskip("fastapi")
schemathesis = pytest.importorskip("schemathesis")

from hypothesis import HealthCheck, settings  # noqa: E402

from xuequ_rules import load_policy  # noqa: E402
from xuequ_rules.api import create_app, policy_rows  # noqa: E402

MAX_EXAMPLES = 40

app = create_app()
schema = schemathesis.openapi.from_asgi("/openapi.json", app)
SENT: Counter[str] = Counter()
REFS = [row["ref"] for row in policy_rows()]


@pytest.fixture(scope="module", autouse=True)
def _report_counts(request):
    yield
    lines = [f"  {name}: {count}" for name, count in sorted(SENT.items())]
    text = (f"schemathesis: {sum(SENT.values())} generated requests over {len(SENT)} "
            f"operations (max_examples={MAX_EXAMPLES} per operation and phase)\n"
            + "\n".join(lines))
    capture = request.config.pluginmanager.getplugin("capturemanager")
    reporter = request.config.pluginmanager.getplugin("terminalreporter")
    with capture.global_and_fixture_disabled():
        reporter.write_line("")
        reporter.write_line(text)


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                 HealthCheck.data_too_large])
def test_every_operation_answers_generated_requests_without_server_errors_and_as_documented(
        case):
    SENT[case.operation.label] += 1
    # Most generated refs name no policy (404 before the body is read); steer every other
    # request to an installed policy (and a real clause) so the facts are really evaluated.
    if case.path_parameters and "ref" in case.path_parameters and SENT[case.operation.label] % 2:
        ref = REFS[SENT[case.operation.label] // 2 % len(REFS)]
        case.path_parameters["ref"] = ref
        if "clause_id" in case.path_parameters:
            ids = load_policy(ref).document.ids
            case.path_parameters["clause_id"] = ids[SENT[case.operation.label] % len(ids)]
    excluded = []
    if case.operation.label == "POST /policies/{ref}/evaluate":
        # The facts JSON Schema (pydantic's) is looser and stricter than the model at once:
        # the model is deliberately lenient (a ratio may be "15%" or {"value": 15, "unit":
        # "%"}, booleans 0/1), so schema-violating bodies may be accepted; and an exact
        # decimal is documented as number-or-any-string, so a "schema-valid" "abc" is rightly
        # refused with 422. Neither says anything about the API: no 5xx and conforming
        # responses are still required (test_fuzz.py fuzzes this body further).
        excluded += [schemathesis.checks.negative_data_rejection,
                     schemathesis.checks.positive_data_acceptance]
    response = case.call_and_validate(excluded_checks=excluded)
    assert response.status_code < 500
    if response.status_code >= 400:
        body = response.json()
        assert set(body) == {"error"} and {"field", "zh", "en"} == set(body["error"])
