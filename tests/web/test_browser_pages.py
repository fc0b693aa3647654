"""The analyst pages in a real headless Chromium against a live app on loopback.

Every expectation is read from the JSON API of the same app at test time (how
many facts, which key facts, what the CSV should hold), so the pages are
checked against the API, not against numbers written here.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.web.conftest import PHONE, SAMPLES, off_machine, screenshot

pytestmark = pytest.mark.browser

AMAZON_FR = "fr_amazon_trainium_nvidia.txt"
# Upload errors: what is sent, the API's code, and words the page must say.
BAD_UPLOADS = [
    pytest.param(
        "file",
        ("rapport.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 256),
        "unsupported_type",
        "cannot read this kind of file",
        id="unsupported_type-png",
    ),
    pytest.param(
        "file",
        ("rapport.pdf", b"%PDF-1.7\n% not really a PDF\n" + b"\x01" * 64),
        "unreadable_file",
        "could not be read",
        id="unreadable_file-broken-pdf",
    ),
    pytest.param(
        "file",
        ("vide.txt", b"   \n\n  \t \n"),
        "empty_text",
        "no text to read",
        id="empty_text",
    ),
    pytest.param(
        "text",
        "Der Umsatz des Unternehmens stieg im zweiten Quartal um zwölf Prozent auf "
        "3,4 Milliarden Euro, wie der Vorstand am Donnerstag in Frankfurt mitteilte.",
        "unsupported_language",
        "written in German",
        id="unsupported_language-de",
    ),
    pytest.param(
        "file",
        ("enorme.txt", b"a" * (3 * 1024 * 1024)),
        "too_large",
        "too large",
        id="too_large",
    ),
]
MARKUP_REPORT = (
    "Résultats trimestriels <b>sous embargo</b>\n\n"
    "<script>window.__pwned = 1; document.title = 'pwned';</script>\n"
    "Le chiffre d'affaires d'Acme a atteint 12,5 milliards d'euros au deuxième trimestre 2025, "
    'en hausse de 8 % sur un an. <img src=x onerror="window.__pwned = 2"> '
    "La direction prévoit une marge opérationnelle de 15 % pour l'exercice 2026. "
    '<a href="javascript:window.__pwned=3">cliquez ici</a> & <i>merci</i>.'
)
CHARTS = [
    pytest.param("NVDA", "price_target", "attribution", id="nvda-price-targets-by-firm"),
    pytest.param("aws", "revenue", "claim_type", id="aws-revenue-by-quarter"),
]


def _api_document(live_app, document_id: str) -> dict:
    response = live_app.api.get(f"/documents/{document_id}")
    assert response.status_code == 200
    return response.json()


@pytest.fixture(scope="module")
def amazon_id(live_app) -> str:
    """The French Amazon report's id (200 with the same id if the page uploaded it already)."""
    data = (SAMPLES / AMAZON_FR).read_bytes()
    response = live_app.api.post("/documents", files={"file": (AMAZON_FR, data)})
    assert response.status_code in (200, 201)
    return response.json()["document"]["id"]


def test_upload_french_report_through_the_page_highlights_every_fact(page, live_app):
    page.goto(live_app.url + "/")
    expect(page.get_by_role("heading", name="Upload a report")).to_be_visible()
    page.set_input_files("#file", str(SAMPLES / AMAZON_FR))
    expect(page.locator("#chosen")).to_contain_text(AMAZON_FR)
    screenshot(page, "upload")
    page.get_by_role("button", name="Read the report").click()
    page.wait_for_url(re.compile(r"/documents/[0-9a-f]{16}$"), timeout=60_000)
    document_id = page.url.rsplit("/", 1)[1]

    api = _api_document(live_app, document_id)
    facts = api["facts"]
    assert facts, "the French report yields facts"
    spans = sorted((f["start"], f["end"]) for f in facts)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans)), "spans overlap"
    marks = page.locator("#doc-text mark.fact")
    expect(marks).to_have_count(len(facts))
    shown = {
        m["id"]: m["text"]
        for m in marks.evaluate_all("ms => ms.map(m => ({id: m.id, text: m.textContent}))")
    }
    assert shown == {f"at-{f['start']}": f["text"] for f in facts}
    # The page shows exactly the stored text: offsets line up, nothing added or lost.
    stored = live_app.api.get(f"/documents/{document_id}/text").text
    assert page.locator("#doc-text").text_content() == stored
    screenshot(page, "document")


def test_drop_an_english_report_on_the_page(page, live_app):
    name = "en_amd_mi350_launch.txt"
    text = (SAMPLES / name).read_text(encoding="utf-8")
    page.goto(live_app.url + "/")
    page.evaluate(
        """([name, text]) => {
            const transfer = new DataTransfer();
            transfer.items.add(new File([text], name, {type: "text/plain"}));
            const zone = document.getElementById("dropzone");
            for (const type of ["dragenter", "dragover", "drop"]) {
                zone.dispatchEvent(new DragEvent(type, {dataTransfer: transfer, bubbles: true,
                                                        cancelable: true}));
            }
        }""",
        [name, text],
    )
    expect(page.locator("#chosen")).to_contain_text(name)
    page.get_by_role("button", name="Read the report").click()
    page.wait_for_url(re.compile(r"/documents/[0-9a-f]{16}$"), timeout=60_000)
    api = _api_document(live_app, page.url.rsplit("/", 1)[1])
    assert api["document"]["lang"] == "en"
    expect(page.locator("#doc-text mark.fact")).to_have_count(len(api["facts"]))


@pytest.mark.parametrize(("kind", "payload", "code", "words"), BAD_UPLOADS)
def test_upload_errors_are_said_in_plain_words(page, live_app, kind, payload, code, words):
    page.goto(live_app.url + "/")
    if kind == "file":
        name, data = payload
        page.set_input_files("#file", files=[{"name": name, "mimeType": "", "buffer": data}])
    else:
        page.locator("#paste-box summary").click()
        page.fill("#text", payload)
    if code != "too_large":  # too large is refused before any byte is sent
        page.get_by_role("button", name="Read the report").click()
    alert = page.get_by_role("alert")
    expect(alert).to_be_visible()
    expect(alert).to_contain_text(words)
    expect(alert).to_have_attribute("data-code", code)
    assert page.url.rstrip("/") == live_app.url


def test_key_facts_switch_to_english(page, live_app, amazon_id):
    summary = _api_document(live_app, amazon_id)["summary"]["key_facts"]
    page.goto(f"{live_app.url}/documents/{amazon_id}")
    french, english = page.locator("#key-facts-fr"), page.locator("#key-facts-en")
    expect(french).to_be_visible()
    expect(english).to_be_hidden()
    assert french.locator(".key-line").all_text_contents() == summary["fr"]
    page.get_by_role("button", name="EN").click()
    expect(english).to_be_visible()
    expect(french).to_be_hidden()
    expect(page.get_by_role("button", name="EN")).to_have_attribute("aria-pressed", "true")
    assert english.locator(".key-line").all_text_contents() == summary["en"]
    assert page.url.endswith("?kf=en")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_key_fact_lines_link_every_figure_they_show_to_the_text(page, live_app, amazon_id, lang):
    response = live_app.api.get(f"/documents/{amazon_id}/summary")
    assert response.status_code == 200
    line_facts = response.json()["line_facts"]
    page.goto(f"{live_app.url}/documents/{amazon_id}?kf={lang}")
    lines = page.locator(f"#key-facts-{lang} li")
    expect(lines).to_have_count(len(line_facts))
    for n, shown in enumerate(line_facts):
        links = lines.nth(n).locator("a.key-source")
        expect(links).to_have_count(len(shown))  # the lead, its growth, what the line adds
        targets = [page.locator(f"#{link.get_attribute('data-target')}") for link in links.all()]
        for target, fact in zip(targets, shown, strict=True):
            expect(target).to_contain_text(fact["text"])
    screenshot(page, f"document-key-fact-sources-{lang}")
    link = lines.last.locator("a.key-source").first
    mark = page.locator(f"#{link.get_attribute('data-target')}")
    link.click()
    expect(mark).to_be_in_viewport()
    expect(mark).to_be_focused()
    expect(mark).to_have_class(re.compile(r"\bflash\b"))


def test_fact_row_scrolls_to_and_flashes_its_highlight(page, live_app, amazon_id):
    facts = _api_document(live_app, amazon_id)["facts"]
    first = min(range(len(facts)), key=lambda i: facts[i]["start"])
    page.goto(f"{live_app.url}/documents/{amazon_id}")
    row = page.locator(f'#facts-table tbody tr[data-fact="{first}"]')
    row.scroll_into_view_if_needed()
    mark = page.locator(f"#at-{facts[first]['start']}")
    expect(mark).not_to_be_in_viewport()  # the table sits below the text
    row.locator("td").nth(2).click()
    expect(mark).to_be_in_viewport()
    expect(mark).to_have_class(re.compile(r"\bflash\b"))
    expect(mark).to_be_focused()
    tip = page.locator("#fact-tip")
    expect(tip).to_be_visible()
    expect(tip).to_contain_text(facts[first]["subject"] or "No subject")
    screenshot(page, "document-row-jump")


def test_highlights_are_reached_by_keyboard_and_show_their_fact(page, live_app, amazon_id):
    facts = _api_document(live_app, amazon_id)["facts"]
    first = min(facts, key=lambda f: f["start"])
    page.goto(f"{live_app.url}/documents/{amazon_id}")
    # Tab from the last entity chip lands on the first highlight of the text.
    page.locator(".doc-head .chips a").last.focus()
    page.keyboard.press("Tab")
    focused = page.locator("mark.fact:focus")
    expect(focused).to_have_attribute("id", f"at-{first['start']}")
    outline = focused.evaluate("m => getComputedStyle(m).outlineStyle")
    assert outline != "none", "a focused highlight must show where the focus is"
    tip = page.locator("#fact-tip")
    expect(tip).to_be_visible()
    for part in (first["subject"], first["claim_type"].capitalize()[:5]):
        expect(tip).to_contain_text(part)
    page.keyboard.press("Escape")
    expect(tip).to_be_hidden()
    # Hovering another highlight shows that fact instead.
    last = max(facts, key=lambda f: f["start"])
    page.hover(f"#at-{last['start']}")
    expect(tip).to_be_visible()
    expect(tip).to_contain_text(last["subject"] or "No subject")


def test_document_with_markup_is_shown_as_text_and_runs_nothing(page, live_app):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(live_app.url + "/")
    page.locator("#paste-box summary").click()
    page.fill("#text", MARKUP_REPORT)
    page.select_option("#lang", "fr")
    page.get_by_role("button", name="Read the report").click()
    page.wait_for_url(re.compile(r"/documents/[0-9a-f]{16}$"), timeout=60_000)
    document_id = page.url.rsplit("/", 1)[1]
    stored = live_app.api.get(f"/documents/{document_id}/text").text
    assert "<script>" in stored, "the stored text keeps the markup as characters"

    body = page.locator("#doc-text")
    assert body.text_content() == stored
    assert body.locator("script, img, b, i, a").count() == 0
    expect(body).to_contain_text("<script>window.__pwned = 1;")
    expect(body).to_contain_text('<img src=x onerror="window.__pwned = 2">')
    assert page.evaluate("() => window.__pwned") is None
    assert page.title() != "pwned"
    assert dialogs == []
    expect(page.locator("#doc-text mark.fact")).to_have_count(
        len(_api_document(live_app, document_id)["facts"])
    )
    screenshot(page, "document-markup")


def test_explorer_filters_by_metric_sorts_and_downloads_csv(page, live_app):
    expected = live_app.api.get("/facts", params={"metric": "price_target", "limit": 500}).json()
    assert expected["count"] > 1
    page.goto(live_app.url + "/explorer")
    page.select_option("#f-metric", "price_target")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"metric=price_target"))
    rows = page.locator("#explorer-table tbody tr")
    expect(rows).to_have_count(min(expected["count"], 50))
    assert set(rows.evaluate_all("rs => rs.map(r => r.dataset.metric)")) == {"price_target"}
    expect(page.locator("#result-count")).to_contain_text(f"of {expected['count']}")

    page.get_by_role("link", name=re.compile("^Value")).click()
    page.wait_for_url(re.compile(r"sort=value"))
    by_value = live_app.api.get(
        "/facts", params={"metric": "price_target", "sort": "value", "limit": 50}
    ).json()["data"]
    figures = page.locator("#explorer-table tbody tr td:nth-child(8)").all_text_contents()
    assert figures == [f["text"] for f in by_value]
    expect(page.locator("th[aria-sort=ascending]")).to_contain_text("Value")
    screenshot(page, "explorer")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download CSV").click()
    download = download_info.value
    table = list(csv.DictReader(io.StringIO(Path(download.path()).read_text(encoding="utf-8"))))
    assert len(table) == expected["count"]
    assert {row["metric"] for row in table} == {"price_target"}
    assert [row["text"] for row in table][: len(by_value)] == [f["text"] for f in by_value]


@pytest.mark.parametrize(("subject", "metric", "series_by"), CHARTS)
def test_chart_of_a_subject_metric_over_periods(page, live_app, subject, metric, series_by):
    facts = live_app.api.get(
        "/facts", params={"subject": subject, "metric": metric, "limit": 500}
    ).json()["data"]
    assert facts, f"the seeded reports hold {subject} {metric} facts"
    unit = max({f["unit"] for f in facts}, key=[f["unit"] for f in facts].count)
    charted = [f for f in facts if f["unit"] == unit]
    page.goto(live_app.url + "/explorer")
    page.fill("#f-subject", subject)
    page.select_option("#f-metric", metric)
    page.select_option("#f-series", series_by)
    page.get_by_role("button", name="Apply filters").click()
    svg = page.locator("svg.chart-svg")
    expect(svg).to_be_visible()
    expect(svg.locator("circle")).to_have_count(len(charted))
    labels = svg.locator("text.x-label").all_text_contents()
    assert len(labels) == len({f["period"] for f in charted})
    if any(f["period"] is None for f in charted):
        assert labels[-1] == "No period"
    if series_by == "attribution":
        legend = page.locator(".chart-legend li").all_text_contents()
        for firm in {f["attribution"] for f in charted if f["attribution"]}:
            assert any(item.startswith(firm) for item in legend), (firm, legend)
    box = svg.bounding_box()
    assert box and box["width"] > 600 and box["height"] > 200
    screenshot(page, f"chart-{subject}-{metric}")


def test_entities_list_and_entity_page(page, live_app):
    expected = live_app.api.get("/entities", params={"limit": 50}).json()
    nvda = next(e for e in expected["data"] if e["id"] == "NVDA")
    page.goto(live_app.url + "/entities")
    expect(page.locator("#entity-count")).to_contain_text(str(expected["count"]))
    row = page.locator("#entities-table tbody tr", has_text="NVIDIA").first
    expect(row.locator("td").nth(2)).to_have_text(str(nvda["facts"]))
    screenshot(page, "entities")
    row.get_by_role("link", name="NVIDIA").click()
    page.wait_for_url(re.compile(r"/entities/NVDA$"))
    detail = live_app.api.get("/entities/NVDA").json()
    expect(page.locator("#entity-facts tbody tr")).to_have_count(len(detail["facts"]))
    expect(page.locator("svg.chart-svg")).to_be_visible()
    screenshot(page, "entity")


def test_api_clients_keep_json_on_the_urls_pages_share(live_app, amazon_id):
    for path in (f"/documents/{amazon_id}", "/entities", "/entities/NVDA"):
        plain = live_app.api.get(path)
        assert plain.headers["content-type"].startswith("application/json"), path
        page_html = live_app.api.get(path, headers={"Accept": "text/html,*/*;q=0.8"})
        assert page_html.headers["content-type"].startswith("text/html"), path
        assert page_html.headers["vary"] == "Accept"


def test_every_page_stays_on_this_machine_and_fits_a_phone(browser, live_app, amazon_id):
    pages = {
        "upload": "/",
        "document": f"/documents/{amazon_id}",
        "explorer": "/explorer?subject=NVDA&metric=price_target",
        "entities": "/entities",
        "entity": "/entities/AMZN",
    }
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    recorded: list[str] = []
    context.on("request", lambda request: recorded.append(request.url))
    phone = context.new_page()
    try:
        for name, path in pages.items():
            phone.goto(live_app.url + path, wait_until="networkidle")
            overflow = phone.evaluate(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{name} is {overflow}px wider than a phone screen"
            screenshot(phone, f"{name}-phone")
    finally:
        context.close()
    everything = recorded + live_app.requests
    assert any(u.endswith("/static/app.css") for u in recorded)
    assert off_machine(everything, live_app.host) == []
