"""Errors of the web API: always ``{"error": {"field", "zh", "en"}}``, and a body size limit.

* unknown policy, version or clause → 404; invalid facts or parameters → 422; a policy
  package that fails to load (bad citation, bad definition, bad source) → 500;
* the evaluation pool full, or an evaluation over its time limit → 503 with Retry-After;
* a request body over the limit → 413 (checked on ``Content-Length`` and while reading a
  chunked body, before anything is parsed);
* anything unexpected → 500 with a bilingual message and no traceback in the response.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from xuequ_rules.errors import (
    CitationError,
    FactsError,
    PolicyDefinitionError,
    RuleConflictError,
    SourceError,
    UnknownClauseError,
    UnknownPolicyError,
    XuequError,
)

log = logging.getLogger("xuequ_rules.api")

#: Default request body limit in bytes (facts documents are small; files go to ``xuequ eval``).
MAX_BODY_BYTES = 2 * 1024 * 1024


class ErrorDetail(BaseModel):
    field: str | None = Field(description="出错的字段或位置 / the offending field or location")
    zh: str = Field(description="中文说明 / message in Chinese")
    en: str = Field(description="English message")


class ErrorResponse(BaseModel):
    error: ErrorDetail


def error_body(zh: str, en: str, field: str | None = None) -> dict[str, Any]:
    return {"error": {"field": field, "zh": zh, "en": en}}


def json_bytes(data: Any) -> bytes:
    """Deterministic JSON bytes (same data → same bytes), UTF-8, Chinese unescaped.

    orjson writes exactly what ``json.dumps(data, ensure_ascii=False, separators=(",", ":"))``
    writes for the plain data the API answers with, an order of magnitude faster (a 2 MiB body
    gives tens of megabytes of findings); the standard library is the fallback.
    """
    try:
        import orjson
    except ImportError:  # pragma: no cover - orjson ships with the api extra
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return orjson.dumps(data)


def error_response(status: int, zh: str, en: str, field: str | None = None,
                   headers: Mapping[str, str] | None = None) -> Response:
    return Response(json_bytes(error_body(zh, en, field)), status_code=status,
                    media_type="application/json", headers=headers)


def status_for(exc: XuequError) -> int:
    """404 for what does not exist, 500 for a broken policy package, else 422."""
    if isinstance(exc, UnknownPolicyError | UnknownClauseError):
        return 404
    if isinstance(exc, CitationError | PolicyDefinitionError | SourceError):
        return 500     # the installed policy itself is defective (``xuequ check`` says more)
    if isinstance(exc, FactsError | RuleConflictError):
        return 422
    return 422


_STATUS_TEXT = {
    404: ("找不到该资源", "not found"),
    405: ("不支持该请求方法", "method not allowed"),
    406: ("无法提供所请求的格式", "not acceptable"),
    413: ("请求体过大", "request body too large"),
    415: ("不支持的媒体类型", "unsupported media type"),
}


def _location(loc: tuple[Any, ...] | list[Any]) -> str:
    parts = [str(p) for p in loc]
    if parts and parts[0] in ("body", "query", "path", "header", "cookie"):
        kind, rest = parts[0], parts[1:]
        if kind != "body":
            return rest[0] if rest else kind
        return ".".join(parts)
    return ".".join(parts) or "(root)"


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(XuequError)
    async def _xuequ_error(request: Request, exc: XuequError) -> Response:
        retry = getattr(exc, "retry_after", None)
        if retry is not None:      # the evaluation pool is full or the time limit passed
            return error_response(503, exc.zh, exc.en, exc.field,
                                  headers={"Retry-After": str(retry)})
        return error_response(status_for(exc), exc.zh, exc.en, exc.field)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
        errors = list(exc.errors())
        if not errors:
            return error_response(422, "请求无效", "invalid request")
        first = errors[0]
        where = _location(first.get("loc", ()))
        message = str(first.get("msg", "invalid value"))
        more = len(errors) - 1
        return error_response(
            422, f"参数 {where} 无效：{message}" + (f"（另有 {more} 处错误）" if more else ""),
            f"invalid {where}: {message}" + (f" ({more} more)" if more else ""), where)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        zh, en = _STATUS_TEXT.get(exc.status_code, ("请求无法处理", str(exc.detail)))
        if exc.status_code == 404:
            zh, en = f"没有这个地址：{request.url.path}", f"no such endpoint: {request.url.path}"
        return error_response(exc.status_code, zh, en, None, headers=exc.headers)

    @app.exception_handler(Exception)
    async def _internal_error(request: Request, exc: Exception) -> Response:
        log.exception("internal error on %s %s", request.method, request.url.path)
        return error_response(500, f"内部错误（{type(exc).__name__}），请报告此问题",
                              f"internal error ({type(exc).__name__}); please report it")


class BodySizeLimit:
    """ASGI middleware: refuse request bodies larger than ``max_bytes`` with 413.

    A declared ``Content-Length`` over the limit is refused before reading; a chunked body is
    read up to the limit and refused as soon as it passes it. The accepted body is replayed
    to the application unchanged.
    """

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    def _too_large(self) -> Response:
        limit = self.max_bytes
        return error_response(413, f"请求体过大（上限 {limit} 字节）",
                              f"request body too large (limit {limit} bytes)", "body")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None:
            try:
                length = int(declared)
            except ValueError:
                await error_response(400, "Content-Length 无效", "invalid Content-Length",
                                     "content-length")(scope, receive, send)
                return
            if length > self.max_bytes:
                await self._too_large()(scope, receive, send)
                return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body = message.get("body", b"")
            size += len(body)
            if size > self.max_bytes:
                await self._too_large()(scope, receive, send)
                return
            chunks.append(body)
            more = bool(message.get("more_body", False))
        whole = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": whole, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)
