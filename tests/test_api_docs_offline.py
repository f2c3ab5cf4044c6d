"""The API's interactive docs page is served from this server alone (offline by construction)."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("fastapi_offline")

from fastapi.testclient import TestClient

from xuequ_rules.api import create_app


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app())


def test_api_docs_page_references_no_other_host(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    assert "swagger-ui" in page.text
    assert re.findall(r"(?:https?:)?//[\w.-]+\.[a-z]{2,}/", page.text) == []


def test_api_docs_assets_script_stylesheet_and_icon_are_served_locally(
        client: TestClient) -> None:
    page = client.get("/docs").text
    assets = re.findall(r"""["'](/docs/assets/[^"']+)["']""", page)
    assert {a.rsplit("/", 1)[1] for a in assets} >= {"swagger-ui-bundle.js", "swagger-ui.css"}
    for asset in assets:
        response = client.get(asset)
        assert response.status_code == 200 and response.content, asset


def test_api_docs_are_not_part_of_the_openapi_description(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert not any(path.startswith("/docs") for path in paths)
