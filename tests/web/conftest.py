"""A live Rapport app on loopback and a real headless Chromium driving it.

The app is the real one (``create_app``, the real Extractor without the
encoder to keep start-up short, a temporary SQLite file) served by uvicorn in a
thread on a free 127.0.0.1 port. Chromium is Debian's (``/usr/bin/chromium``,
installed by ``.ci/ensure-services.d/20-chromium.sh``); Playwright only drives it.
Every request any page makes is recorded, and a test fails if one leaves the machine.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "corpus" / "samples"
SCREENSHOTS = ROOT / "tests" / "screenshots"
# Small, so the too-large path is tested with a small file.
MAX_UPLOAD_BYTES = 2 * 1024 * 1024
# Reports stored before the tests, so the explorer, charts and entities have data.
SEED_REPORTS = (
    "en_nvidia_q3_fy2026_results.txt",
    "en_jefferies_semis_note.txt",
    "fr_hyperscalers_investissements_ia.txt",
    "fr_nvidia_resultats_t3_exercice_2026.txt",
)
LAPTOP = {"width": 1280, "height": 860}
PHONE = {"width": 390, "height": 844}


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class LiveApp:
    url: str
    api: httpx.Client
    requests: list[str] = field(default_factory=list)

    @property
    def host(self) -> str:
        return urlsplit(self.url).netloc


@pytest.fixture(scope="module")
def live_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveApp]:
    import uvicorn

    from service.api.app import create_app
    from service.settings import Settings

    folder = tmp_path_factory.mktemp("web")
    settings = Settings(
        database_url=f"sqlite:///{folder / 'rapport.db'}",
        use_encoder=False,
        store_embeddings=False,
        max_upload_bytes=MAX_UPLOAD_BYTES,
        api_key=None,
    )
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, name="rapport-web-tests", daemon=True)
    thread.start()
    deadline = time.monotonic() + 120
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("The app did not start on 127.0.0.1 (see the log above).")
        time.sleep(0.1)
    url = f"http://127.0.0.1:{port}"
    with httpx.Client(base_url=url, timeout=60) as api:
        for name in SEED_REPORTS:
            response = api.post("/documents", files={"file": (name, (SAMPLES / name).read_bytes())})
            assert response.status_code in (200, 201), response.text
        yield LiveApp(url=url, api=api)
    server.should_exit = True
    thread.join(timeout=15)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: run .ci/ensure-services.sh (it installs Debian's chromium).",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


def off_machine(urls: list[str], host: str) -> list[str]:
    """The recorded URLs that do not go to the live app on loopback."""
    return [
        u for u in urls if urlsplit(u).scheme not in ("http", "https") or urlsplit(u).netloc != host
    ]


@pytest.fixture
def page(browser, live_app: LiveApp) -> Iterator[object]:
    """A fresh laptop-sized page; fails the test if any request left 127.0.0.1."""
    context = browser.new_context(viewport=LAPTOP, accept_downloads=True)
    recorded: list[str] = []
    context.on("request", lambda request: recorded.append(request.url))
    new_page = context.new_page()
    new_page.set_default_timeout(15_000)
    yield new_page
    context.close()
    live_app.requests.extend(recorded)
    leaving = off_machine(recorded, live_app.host)
    assert not leaving, f"requests left the machine: {leaving}"


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
