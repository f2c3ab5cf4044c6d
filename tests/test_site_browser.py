"""The built site and the API docs in a real browser, with the network blocked.

Headless Chromium (Debian's ``chromium`` and ``chromium-driver``, ``.ci/browser-deps.sh``)
driven by Selenium; skipped with the reason when any is missing. Every host name except
127.0.0.1 resolves to nothing, and the browser's own request log proves that no page asked
another host for anything. Each test saves a screenshot to the folder named by
``XUEQU_SCREENSHOTS`` (default: ``<temp dir>/xuequ-site-screenshots``).
"""

from __future__ import annotations

import base64
import functools
import http.server
import json
import os
import shutil
import socket
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from xuequ_rules.sitegen import build_site
from xuequ_rules.sitegen.common import clause_anchor

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
ROTATION_ANCHOR = clause_anchor("三/(四)/3")
LIUJIANG = "policies/liujiang/2018"
TEXT_PAGE = f"{LIUJIANG}/text.html"
SHOTS = Path(os.environ.get("XUEQU_SCREENSHOTS")
             or Path(tempfile.gettempdir()) / "xuequ-site-screenshots")
LOCAL_SCHEMES = ("data:", "blob:", "about:", "chrome:", "chrome-extension:", "devtools:")

if not Path(CHROMIUM).exists():
    pytest.skip(f"chromium not installed ({CHROMIUM}); run .ci/browser-deps.sh",
                allow_module_level=True)
if not Path(CHROMEDRIVER).exists():
    pytest.skip(f"chromedriver not installed ({CHROMEDRIVER}); run .ci/browser-deps.sh",
                allow_module_level=True)
webdriver = pytest.importorskip("selenium.webdriver",
                                reason="selenium not installed (browser test dependency)")
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        return None


def _serve(server: Any) -> threading.Thread:
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return thread


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("browser-site")
    result = build_site(root / "html")
    handler = functools.partial(_QuietHandler, directory=str(result.site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)  # a free port
    thread = _serve(server)
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="module")
def api_url() -> Iterator[str]:
    uvicorn = pytest.importorskip("uvicorn")
    pytest.importorskip("fastapi_offline")
    from xuequ_rules.api import create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.1)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tmp_path_factory.mktemp("chromium-profile")
    for argument in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                     "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync",
                     "--disable-domain-reliability", "--no-pings",
                     # the network is blocked: only the local servers resolve
                     "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
                     f"--user-data-dir={profile}", "--window-size=1400,1000"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    SHOTS.mkdir(parents=True, exist_ok=True)
    try:
        yield driver
    finally:
        driver.quit()


def requested_urls(driver: Any) -> list[str]:
    """Every URL the browser asked for since the last call (from its network log)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def assert_offline(driver: Any) -> None:
    time.sleep(0.5)   # let late requests (search worker, lazy assets) be logged
    urls = requested_urls(driver)
    outside = [u for u in urls if not u.startswith(LOCAL_SCHEMES)
               and urllib.parse.urlsplit(u).hostname != "127.0.0.1"]
    assert urls, "the request log is empty: it cannot prove anything"
    assert outside == [], outside


def shoot(driver: Any, name: str) -> Path:
    path = SHOTS / f"{name}.png"
    assert driver.save_screenshot(str(path))
    assert path.stat().st_size > 10_000
    return path


def wide(driver: Any) -> None:
    driver.set_window_size(1400, 1000)


def test_liujiang_rotation_clause_shows_its_rule_beside_it(browser: Any, site_url: str) -> None:
    wide(browser)
    browser.get(f"{site_url}/{TEXT_PAGE}#{ROTATION_ANCHOR}")
    heading = WebDriverWait(browser, 30).until(lambda d: d.find_element(By.ID, ROTATION_ANCHOR))
    assert heading.text.startswith("三/(四)/3")
    block = heading.find_element(By.XPATH, "following-sibling::div[contains(@class, "
                                           "'xq-clause')][1]")
    assert "全区每年交流轮岗教师的比例不低于符合交流条件教师总数的10%" in block.find_element(
        By.CSS_SELECTOR, ".xq-text").text
    titles = [card.text for card in block.find_elements(By.CSS_SELECTOR, ".xq-encoding .xq-rule")]
    assert any("liujiang.teacher_exchange.min_share" in t and "义务 obligation" in t
               for t in titles), titles
    assert block.find_element(By.CSS_SELECTOR, ".xq-encoding").location["x"] > \
        block.find_element(By.CSS_SELECTOR, ".xq-text").location["x"]
    browser.execute_script("arguments[0].scrollIntoView();", heading)
    shoot(browser, "1-clause-with-rules")
    assert_offline(browser)


def test_rule_page_shows_the_rule_its_quote_and_the_versions(browser: Any, site_url: str) -> None:
    wide(browser)
    browser.get(f"{site_url}/{LIUJIANG}/rules/liujiang.teacher_exchange.min_share.html")
    article = WebDriverWait(browser, 30).until(lambda d: d.find_element(By.CSS_SELECTOR,
                                                                        "article"))
    text = article.text
    assert "义务 obligation" in text and "10%" in text
    assert "政策版本 policy version liujiang@2018" in text and "构建日期 built" in text
    link = article.find_element(By.PARTIAL_LINK_TEXT, "三/(四)/3")
    assert urllib.parse.unquote(link.get_attribute("href")).endswith(f"text.html#{ROTATION_ANCHOR}")
    shoot(browser, "2-rule-page")
    assert_offline(browser)


def test_parameter_page_shows_value_users_and_other_policies(browser: Any, site_url: str) -> None:
    wide(browser)
    browser.get(f"{site_url}/{LIUJIANG}/parameters/liujiang.teacher_exchange.min_share.html")
    text = WebDriverWait(browser, 30).until(
        lambda d: d.find_element(By.CSS_SELECTOR, "article")).text
    assert "10%" in text and "使用它的规则 used by" in text
    assert "liujiang.teacher_exchange.min_share" in text
    shoot(browser, "3-parameter-page")
    assert_offline(browser)


def test_checklist_prints_on_a4_without_the_site_chrome(browser: Any, site_url: str) -> None:
    wide(browser)
    browser.get(f"{site_url}/{LIUJIANG}/checklist.html")
    WebDriverWait(browser, 30).until(lambda d: d.find_element(By.CSS_SELECTOR, ".xq-sheet"))
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not browser.find_element(By.CSS_SELECTOR, ".md-header").is_displayed()
        sheet = browser.find_element(By.CSS_SELECTOR, ".xq-sheet")
        assert "10%" in sheet.text and "检查结果" in sheet.text
        shoot(browser, "4-checklist-print")
        pdf = browser.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})
        assert base64.b64decode(pdf["data"]).startswith(b"%PDF")
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert_offline(browser)


def test_comparison_page_shows_shared_concepts_without_clipping(browser: Any,
                                                                site_url: str) -> None:
    wide(browser)
    browser.get(f"{site_url}/compare/index.html")
    table = WebDriverWait(browser, 30).until(lambda d: d.find_element(By.CSS_SELECTOR,
                                                                      ".xq-wide table"))
    assert table.text
    rows = browser.find_elements(By.XPATH, "//tr[contains(., '10%')]")
    assert rows
    overflow = browser.execute_script("return document.documentElement.scrollWidth "
                                      "- window.innerWidth")
    assert overflow <= 0
    shoot(browser, "5-comparison")
    assert_offline(browser)


def test_search_for_jiaoliu_lungang_ranks_teacher_rotation_clauses_first(
        browser: Any, site_url: str) -> None:
    """交流轮岗 finds clauses on teachers rotating (Liujiang's among them) before any clause
    on pupils' 交流活动."""
    wide(browser)
    browser.get(f"{site_url}/index.html?q={urllib.parse.quote('交流轮岗')}")

    def results(driver: Any) -> list[tuple[str, str]] | bool:
        items = driver.find_elements(By.CSS_SELECTOR, ".md-search-result__item a")
        return [(urllib.parse.unquote(a.get_attribute("href") or ""), a.text) for a in items] \
            or False

    found = WebDriverWait(browser, 60).until(results)
    sections = [(href, text) for href, text in found if "#c-" in href]
    assert sections, found
    assert "交流轮岗" in sections[0][1], sections[0]
    rotation = next(i for i, (href, _) in enumerate(sections)
                    if TEXT_PAGE in href and href.endswith(f"#{ROTATION_ANCHOR}"))
    pupils = [i for i, (_, text) in enumerate(sections) if "交流活动" in text
              and "交流轮岗" not in text]
    assert all(i > rotation for i in pupils), (rotation, pupils)
    shoot(browser, "6-search-jiaoliu-lungang")
    assert_offline(browser)


def test_api_docs_page_renders_offline(browser: Any, api_url: str) -> None:
    wide(browser)
    browser.get(f"{api_url}/docs")
    WebDriverWait(browser, 60).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, ".swagger-ui .opblock"))
    assert "xuequ" in browser.find_element(By.CSS_SELECTOR, ".swagger-ui .info").text.lower()
    shoot(browser, "7-api-docs")
    assert_offline(browser)


def test_clause_page_reads_on_a_390_pixel_phone(browser: Any, site_url: str) -> None:
    browser.set_window_size(390, 844)
    try:
        browser.get(f"{site_url}/{TEXT_PAGE}#{ROTATION_ANCHOR}")
        heading = WebDriverWait(browser, 30).until(
            lambda d: d.find_element(By.ID, ROTATION_ANCHOR))
        block = heading.find_element(By.XPATH, "following-sibling::div[contains(@class, "
                                               "'xq-clause')][1]")
        text = block.find_element(By.CSS_SELECTOR, ".xq-text")
        aside = block.find_element(By.CSS_SELECTOR, ".xq-encoding")
        assert aside.location["y"] > text.location["y"]      # stacked, not squeezed
        width = browser.execute_script("return window.innerWidth")
        overflow = browser.execute_script("return document.documentElement.scrollWidth")
        assert overflow <= width + 1
        browser.execute_script("arguments[0].scrollIntoView();", heading)
        shoot(browser, "8-phone-390px")
    finally:
        wide(browser)
    assert_offline(browser)
