"""``xuequ serve``: the web API (:mod:`xuequ_rules.api`) with uvicorn, on localhost by default."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from xuequ_rules.cli.output import errors
from xuequ_rules.errors import XuequError


def register(app: typer.Typer) -> None:
    @app.command("serve")
    def serve(
        host: Annotated[str, typer.Option("--host", help="监听地址 / address to bind "
                                          "(默认仅本机 / default localhost only)")] = "127.0.0.1",
        port: Annotated[int, typer.Option("--port", help="端口 / port", min=0,
                                          max=65535)] = 8000,
        as_json: Annotated[bool, typer.Option(
            "--json", help="启动信息输出为一行 JSON，访问日志关闭 / print the address as one JSON "
            "line and turn the access log off")] = False,
    ) -> None:
        """启动 Web API（uvicorn）/ serve the web API with uvicorn."""
        try:
            import uvicorn

            from xuequ_rules.api import create_app
        except ImportError:
            raise XuequError("需要安装 api 扩展：pip install 'xuequ-rules[api]'",
                             "needs the api extra: pip install 'xuequ-rules[api]'",
                             field="serve") from None
        url = f"http://{host}:{port}"
        if as_json:
            typer.echo(json.dumps({"url": url, "openapi": f"{url}/openapi.json"},
                                  ensure_ascii=False))
        else:
            errors.print(f"Web API: {url}  (OpenAPI: {url}/openapi.json，文档 docs: {url}/docs)")
        uvicorn.run(create_app(), host=host, port=port, access_log=not as_json,
                    log_level="warning" if as_json else "info")
