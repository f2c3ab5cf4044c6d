"""The interactive API docs (``/docs``), served entirely from this server.

Swagger UI's script, stylesheet and icon come from the ``fastapi-offline`` package (Swagger
UI 5, which reads the OpenAPI 3.1 description FastAPI writes) and are mounted under
``/docs/assets``: the page makes no request to any other host, so it works
offline and behind networks that block public CDNs.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

ASSETS = "/docs/assets"


def install_docs(app: FastAPI) -> None:
    """Serve ``/docs`` with locally shipped Swagger UI assets (the app has ``docs_url=None``)."""
    from pathlib import Path

    import fastapi_offline

    assets = Path(fastapi_offline.__file__).resolve().with_name("static")
    app.mount(ASSETS, StaticFiles(directory=str(assets)), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title=f"{app.title} — 接口文档 API docs",
            swagger_js_url=f"{ASSETS}/swagger-ui-bundle.js",
            swagger_css_url=f"{ASSETS}/swagger-ui.css",
            swagger_favicon_url=f"{ASSETS}/favicon.png",
        )
