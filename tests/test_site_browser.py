"""The built site in a real browser: headless Chromium driven by Selenium.

Needs Debian's ``chromium`` and ``chromium-driver`` (``.ci/browser-deps.sh``) and the
``selenium`` package; skipped with the reason when any is missing.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from xuequ_rules.sitegen import build_site
from xuequ_rules.sitegen.pages import clause_anchor

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
ROTATION_ANCHOR = clause_anchor("三/(四)/3")
TEXT_PAGE = "policies/liujiang/2018/text.html"

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


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("browser-site")
    result = build_site(root / "html", source_dir=root / "src")
    handler = functools.partial(_QuietHandler, directory=str(result.site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)  # a free port
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tmp_path_factory.mktemp("chromium-profile")
    for argument in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                     "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync",
                     f"--user-data-dir={profile}", "--window-size=1400,1000"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def test_liujiang_text_page_shows_the_rotation_clause_with_its_rule(
        browser: Any, site_url: str, tmp_path: Path) -> None:
    browser.get(f"{site_url}/{TEXT_PAGE}#{ROTATION_ANCHOR}")
    heading = WebDriverWait(browser, 30).until(
        lambda d: d.find_element(By.ID, ROTATION_ANCHOR))
    assert heading.text.startswith("三/(四)/3")
    block = heading.find_element(By.XPATH, "following-sibling::div[contains(@class, "
                                           "'xq-clause')][1]")
    text = block.find_element(By.CSS_SELECTOR, ".xq-text").text
    assert "全区每年交流轮岗教师的比例不低于符合交流条件教师总数的10%" in text
    cards = block.find_elements(By.CSS_SELECTOR, ".xq-encoding .xq-rule")
    titles = [card.text for card in cards]
    assert any("liujiang.teacher_exchange.min_share" in t and "义务 obligation" in t
               for t in titles), titles
    # rule and clause side by side on a wide screen
    assert block.find_element(By.CSS_SELECTOR, ".xq-encoding").location["x"] > \
        block.find_element(By.CSS_SELECTOR, ".xq-text").location["x"]
    shot = tmp_path / "liujiang-rotation-clause.png"
    browser.execute_script("arguments[0].scrollIntoView();", heading)
    assert browser.save_screenshot(str(shot))
    assert shot.stat().st_size > 10_000


def test_searching_lungang_finds_liujiangs_rotation_clause(
        browser: Any, site_url: str, tmp_path: Path) -> None:
    browser.get(f"{site_url}/index.html?q={urllib.parse.quote('轮岗')}")

    def result_links(driver: Any) -> list[str] | bool:
        links = [a.get_attribute("href") or "" for a in driver.find_elements(
            By.CSS_SELECTOR, ".md-search-result__item a")]
        return links or False

    links = WebDriverWait(browser, 60).until(result_links)
    decoded = [urllib.parse.unquote(link) for link in links]
    assert any(TEXT_PAGE in link and link.endswith(f"#{ROTATION_ANCHOR}")
               for link in decoded), decoded
    shot = tmp_path / "search-lungang.png"
    assert browser.save_screenshot(str(shot))
    assert shot.stat().st_size > 10_000
