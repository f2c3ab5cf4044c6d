"""The web API: policies, clauses, parameters, rules, evaluation, diffs and checks over HTTP.

In the spirit of OpenFisca's web API: the same data the command line prints with ``--json``
(:mod:`xuequ_rules.policy.describe`, :meth:`Evaluation.as_dict`, :meth:`PolicyDiff.as_dict`,
:meth:`Report.as_dict`), served read-only, plus ``POST /policies/{ref}/evaluate``.

Run it with ``xuequ serve`` (uvicorn on 127.0.0.1:8000) or mount :func:`create_app` in any
ASGI server. The OpenAPI description is at ``/openapi.json`` (interactive docs at ``/docs``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import lru_cache
from typing import Annotated, Any, Literal

from fastapi import FastAPI, Path, Query, Request
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from xuequ_rules import __version__
from xuequ_rules.api.docs_ui import install_docs
from xuequ_rules.api.errors import (
    MAX_BODY_BYTES,
    BodySizeLimit,
    ErrorResponse,
    install_error_handlers,
    json_bytes,
)
from xuequ_rules.api.workers import (
    DEFAULT_QUEUE,
    DEFAULT_TIME_LIMIT,
    DEFAULT_WORKERS,
    EvaluationPool,
    tune_for_serving,
)
from xuequ_rules.consistency import check_policy
from xuequ_rules.diff import LEVELS, diff_refs
from xuequ_rules.errors import FactsError, iso_date
from xuequ_rules.evaluation import evaluate
from xuequ_rules.facts.loader import decode_text, parse_facts, parse_json
from xuequ_rules.facts.schema import Facts
from xuequ_rules.policy.describe import (
    clause_dict,
    document_metadata,
    parameter_dict,
    rule_dict,
)
from xuequ_rules.policy.policy import Policy
from xuequ_rules.registry import load_policy as _load_policy
from xuequ_rules.registry import packages, split_ref


class DeterministicJSON(JSONResponse):
    """Compact UTF-8 JSON, Chinese unescaped: the same data always gives the same bytes."""

    def render(self, content: Any) -> bytes:
        return json_bytes(content)


# --- response models (documented shapes; the payloads are the CLI's --json data) ---------

class PolicyRow(BaseModel):
    name: str
    version: str
    current: bool
    ref: str = Field(description="名称@版本 / name@version")
    title: str
    title_en: str | None = None
    doc_number: str | None = Field(default=None, description="文号 / document number")
    status: str


class Bilingual(BaseModel):
    zh: str
    en: str


class Citation(BaseModel):
    clause: str
    quote: str


class FindingData(BaseModel):
    rule: str
    record: str
    status: str = Field(description="satisfied / violated / not_applicable / undetermined / "
                        "not_in_force (未生效/已失效)")
    label: Bilingual = Field(description="结论标签，注明未生效/已失效与假设评估 / status label, "
                             "naming not-yet / no-longer in force and what-if")
    force: Literal["not_yet_in_force", "no_longer_in_force"] | None = Field(
        description="not_in_force 的原因 / why a finding is not in force")
    what_if: bool = Field(description="按文件有效所作的假设评估 / judged as if in force")
    modality: str
    in_principle: bool
    party: dict[str, Any]
    title: dict[str, Any]
    decision: dict[str, Any] | None
    explanation: Bilingual
    citations: list[dict[str, Any]]


class LifecycleData(BaseModel):
    state: str = Field(description="draft / in_force / lapsed / superseded / repealed / unknown")
    valid_from: str | None
    valid_until: str | None
    what_if: bool
    statement: Bilingual | None = Field(description="评估说明：草案从未生效、有效期、假设评估 / "
                                        "a draft never took effect, the period, a what-if")


class EvaluationData(BaseModel):
    policy: str
    version: str
    as_of: str
    lifecycle: LifecycleData
    counts: dict[str, int]
    findings: list[FindingData]


class ClauseData(BaseModel):
    id: str
    global_id: str
    level: str
    label: str
    heading: str | None
    reconstructed_heading: str | None
    parent: str | None
    text: str
    corrected_text: str
    errata: list[str]
    full_text: str | None = Field(default=None, description="条款及其下级全文 / the clause with "
                                  "its descendants (single-clause endpoint only)")
    children: list[str] | None = None


class CheckData(BaseModel):
    policy: str
    version: str
    ok: bool
    defects: list[dict[str, Any]]
    document_findings: list[dict[str, Any]]
    stats: dict[str, Any] = Field(description="覆盖统计：规范性语句、数字、参数、自身数据、责任主体 / "
                                  "coverage: normative sentences, numbers, parameters, own "
                                  "data, parties")


Responses = dict[int | str, dict[str, Any]]


def _error_doc(status: int, description: str) -> Responses:
    return {status: {"model": ErrorResponse, "description": description}}


_NOT_FOUND = _error_doc(404, "未知的政策、版本或条款 / unknown policy, version or clause")
_INVALID = _error_doc(422, "参数或事实无效 / invalid parameters or facts")
_TOO_LARGE = _error_doc(413, "请求体过大 / request body too large")
_BUSY = _error_doc(503, "服务繁忙或评估超时，稍后重试 / busy or over the time limit; retry later")
_BROKEN = _error_doc(500, "政策包无法加载或内部错误 / the policy package fails to load, or an "
                     "internal error")
_FOR_REF = {**_NOT_FOUND, **_INVALID, **_BROKEN}

Level = Literal["text", "structure", "behaviour"]
RefPath = Annotated[str, Path(description="政策名或 名称@版本，如 liujiang 或 liujiang@2018 / "
                              "NAME or NAME@VERSION", min_length=1, max_length=200)]
AsOf = Annotated[str | None, Query(description="评估日期 YYYY-MM-DD（默认今天）/ "
                                   "evaluation date (default today)",
                                   pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                                   json_schema_extra={"format": "date"})]


WhatIf = Annotated[bool, Query(description="假设评估：把未生效或已失效的文件当作有效来评估，"
                               "每条结论均标为假设 / what-if: evaluate a draft or lapsed "
                               "document as if in force; every finding says so")]


def _date(value: str | None) -> dt.date | None:
    """An ISO date (only ``YYYY-MM-DD``: no timestamps, no datetimes)."""
    return iso_date(value, "as_of", FactsError)


def policy_rows() -> list[dict[str, Any]]:
    """Installed policies and versions (the data of ``xuequ list --json``)."""
    rows = []
    for name, package in packages().items():
        meta = package.metadata()
        for entry in meta.versions:
            rows.append({"name": name, "version": entry.version, "current": entry.current,
                         "ref": f"{name}@{entry.version}", "title": meta.title,
                         "title_en": meta.title_en,
                         "doc_number": meta.doc_number.normalized if meta.doc_number else None,
                         "status": meta.status.state.value})
    return rows


def policy_summary(policy: Policy) -> dict[str, Any]:
    document = policy.document
    name, _ = split_ref(policy.ref)
    package = packages()[name]
    base = f"/policies/{policy.ref}"
    return {
        "name": policy.name,
        "version": policy.version,
        "ref": policy.ref,
        "versions": list(package.versions()),
        "current_version": package.current_version(),
        "metadata": document_metadata(document),
        "provenance": document.source.provenance.model_dump(mode="json"),
        "errata": [item.erratum.model_dump(mode="json") for item in document.source.errata],
        "parse_notes": list(document.parse_notes),
        "counts": {"clauses": len(document.ids), "parameters": len(policy.parameters),
                   "rules": len(policy.rules), "checklist": len(policy.checklist()),
                   "narratives": len(policy.narratives), "unencoded": len(policy.unencoded)},
        "narratives": [{**n.cite.as_dict(), "reason": n.reason.as_dict()}
                       for n in policy.narratives],
        "unencoded": [{**u.cite.as_dict(), "reason": u.reason.as_dict()}
                      for u in policy.unencoded],
        "links": {"clauses": f"{base}/clauses", "parameters": f"{base}/parameters",
                  "rules": f"{base}/rules", "evaluate": f"{base}/evaluate",
                  "check": f"{base}/check"},
    }


@asynccontextmanager
async def _serving(app: FastAPI) -> AsyncIterator[None]:
    """The server's lifetime: tune the collector for serving when it starts."""
    tune_for_serving()
    yield


def _facts_from_body(raw: bytes, policy: Policy) -> Facts:
    """The body as facts: UTF-8 JSON (BOM skipped), one value per key, exact numbers."""
    if not raw.strip():
        raise FactsError("请求体为空：应为事实 JSON 对象", "empty body: expected a facts JSON object",
                         field="body")
    data = parse_json(decode_text(raw, "body", option_hint=False), "body")
    try:
        return parse_facts(data, source="body", policy=policy)
    except (ArithmeticError, RecursionError) as exc:  # e.g. decimal.Overflow on 1e999999999万元
        raise FactsError(f"请求体中的数值超出可处理范围或嵌套过深（{type(exc).__name__}）",
                         f"a number in the body is out of range or the body is nested too "
                         f"deeply ({type(exc).__name__})", field="body") from None


@lru_cache(maxsize=1)
def _facts_schema() -> dict[str, Any]:
    return Facts.model_json_schema()


def _openapi_with_facts(app: FastAPI) -> dict[str, Any]:
    """The generated OpenAPI, with the Facts JSON Schema as the evaluate request body."""
    if app.openapi_schema:
        return app.openapi_schema
    spec = get_openapi(title=app.title, version=app.version, description=app.description,
                       routes=app.routes)
    facts = Facts.model_json_schema(ref_template="#/components/schemas/{model}")
    components = spec.setdefault("components", {}).setdefault("schemas", {})
    for name, schema in facts.pop("$defs", {}).items():
        if name in components and components[name] != schema:  # pragma: no cover - a clash
            raise RuntimeError(f"schema name clash in OpenAPI components: {name}")
        components[name] = schema
    components["Facts"] = facts
    spec["paths"]["/policies/{ref}/evaluate"]["post"]["requestBody"] = {
        "required": True,
        "description": "事实，按该政策的事实结构（见 GET /policies/{ref}/schema/facts；"
                       "共享词汇见 GET /schema/facts）/ the scenario's facts, in the policy's "
                       "fact schema (GET /policies/{ref}/schema/facts)",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Facts"}}},
    }
    app.openapi_schema = spec
    return spec


def create_app(*, max_body_bytes: int = MAX_BODY_BYTES, workers: int = DEFAULT_WORKERS,
               queue: int = DEFAULT_QUEUE, time_limit: float = DEFAULT_TIME_LIMIT) -> FastAPI:
    """The ASGI application. ``max_body_bytes`` bounds request bodies (413 beyond it).

    Evaluations run in a pool of ``workers`` threads with ``queue`` more waiting; a full pool
    or an evaluation longer than ``time_limit`` seconds is answered 503 with ``Retry-After``.

    Installed policies are read once per application: loaded policies, the policy list and
    the summaries are cached (restart the server after installing or editing a policy).
    """

    @lru_cache(maxsize=256)
    def load_policy(ref: str) -> Policy:      # errors are not cached, so unknown refs are not
        return _load_policy(ref)

    @lru_cache(maxsize=1)
    def rows() -> list[dict[str, Any]]:
        return policy_rows()

    @lru_cache(maxsize=256)
    def summary(ref: str) -> dict[str, Any]:
        return policy_summary(load_policy(ref))

    app = FastAPI(
        title="xuequ-rules 学区制政策规则库 API",
        version=__version__,
        description="义务教育学区制政策：条款、参数、规则、评估、比较与一致性检查 / "
                    "school-district policies as code: clauses, parameters, rules, evaluation, "
                    "diff and consistency checks. Errors are always "
                    '`{"error": {"field", "zh", "en"}}`.',
        default_response_class=DeterministicJSON,
        docs_url=None,
        redoc_url=None,
        lifespan=_serving,
    )
    pool = EvaluationPool(workers, queue, time_limit)
    app.state.evaluation_pool = pool
    install_docs(app)
    install_error_handlers(app)
    app.add_middleware(BodySizeLimit, max_bytes=max_body_bytes)

    @app.get("/policies", response_model=list[PolicyRow], tags=["policies"],
             summary="已安装的政策与版本 / installed policies and versions")
    def list_policies() -> Any:
        return rows()

    @app.get("/policies/{ref}", tags=["policies"], responses=_FOR_REF,
             summary="政策元数据、勘误、出处 / metadata, errata, provenance")
    def get_policy(ref: RefPath) -> dict[str, Any]:
        return summary(ref)

    @app.get("/policies/{ref}/clauses", response_model=list[ClauseData], tags=["clauses"],
             responses=_FOR_REF,
             summary="全部条款（文件顺序）/ every clause in document order")
    def list_clauses(ref: RefPath) -> Any:
        document = load_policy(ref).document
        return [clause_dict(document, clause) for clause in document.walk()]

    @app.get("/policies/{ref}/clauses/{clause_id:path}", response_model=ClauseData,
             tags=["clauses"], responses=_FOR_REF,
             summary="一个条款，如 三/(四)/3 / one clause, e.g. 三/(四)/3")
    def get_clause(ref: RefPath, clause_id: Annotated[str, Path(
            description="条款标识，如 三/(四)/3 或 序 / clause id")]) -> Any:
        document = load_policy(ref).document
        clause = document.clause(clause_id)
        return {**clause_dict(document, clause), "full_text": document.full_text(clause),
                "children": [child.id for child in clause.children]}

    @app.get("/policies/{ref}/parameters", tags=["rules"], responses=_FOR_REF,
             summary="参数（数值及其出处）/ parameters with values and citations")
    def list_parameters(ref: RefPath) -> list[dict[str, Any]]:
        return [parameter_dict(p) for p in load_policy(ref).parameters]

    @app.get("/policies/{ref}/rules", tags=["rules"], responses=_FOR_REF,
             summary="规则（含清单项与决策表）/ rules, checklist duties and decision tables")
    def list_rules(ref: RefPath) -> list[dict[str, Any]]:
        return [rule_dict(r) for r in load_policy(ref).rules]

    @app.post("/policies/{ref}/evaluate", response_model=EvaluationData, tags=["evaluation"],
              responses={**_FOR_REF, **_TOO_LARGE, **_BUSY},
              summary="在一组事实上评估政策 / evaluate the policy on facts")
    async def evaluate_policy(ref: RefPath, request: Request, as_of: AsOf = None,
                              what_if: WhatIf = False) -> Any:
        policy = load_policy(ref)
        date = _date(as_of)
        raw = await request.body()

        def run() -> Response:   # CPU-bound, the JSON encoding included: off the event loop
            result = evaluate(policy, _facts_from_body(raw, policy), as_of=date,
                              what_if=what_if).as_dict()
            return Response(json_bytes(result), media_type="application/json")

        # the documented response model describes this data; it is not re-validated here
        # (a 2 MiB body gives tens of thousands of findings)
        return await pool.run(run)

    @app.get("/policies/{ref}/check", response_model=CheckData, tags=["evaluation"],
             responses=_FOR_REF,
             summary="一致性检查 / consistency report (library defects, document findings)")
    def check(ref: RefPath) -> Any:
        return check_policy(load_policy(ref)).as_dict()

    @app.get("/diff", tags=["diff"], responses=_FOR_REF,
             summary="比较两项政策（文本、结构、行为）/ diff two policies or versions")
    def diff(
        left: Annotated[str, Query(description="左 / NAME or NAME@VERSION", min_length=1,
                                   max_length=200)],
        right: Annotated[str, Query(description="右 / NAME or NAME@VERSION", min_length=1,
                                    max_length=200)],
        level: Annotated[list[Level] | None, Query(description="text / structure / behaviour "
                                                   "（可重复，默认全部 / repeatable, default all)")
                         ] = None,
        as_of: AsOf = None,
    ) -> dict[str, Any]:
        levels = tuple(dict.fromkeys(level)) if level else LEVELS
        return diff_refs(left, right, levels=levels, as_of=_date(as_of)).as_dict()

    @app.get("/schema/facts", tags=["schema"],
             summary="共享事实词汇的 JSON Schema / JSON Schema of the shared fact vocabulary")
    def facts_schema() -> dict[str, Any]:
        return _facts_schema()

    @app.get("/policies/{ref}/schema/facts", tags=["schema"], responses=_FOR_REF,
             summary="该政策事实结构的 JSON Schema / JSON Schema of the policy's facts")
    def policy_facts_schema(ref: RefPath) -> dict[str, Any]:
        return load_policy(ref).facts_model.model_json_schema()

    @app.get("/schema/case", tags=["schema"],
             summary="案例文件的 JSON Schema / JSON Schema of case files")
    def case_schema() -> dict[str, Any]:
        from xuequ_rules.cases import case_schema as schema

        return schema()

    app.openapi = lambda: _openapi_with_facts(app)  # type: ignore[method-assign]
    return app
