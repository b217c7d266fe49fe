"""Fixtures of the browser suite: one real township with seeded data for the whole run, the
system's Chromium driven by Playwright, and a guard on every page that fails the test on a
console error, an uncaught script error, a dialog, or a request that leaves the server's
origin. A failed test leaves a screenshot of each of its pages in $LIAISON_BROWSER_ARTIFACTS
(a temporary directory by default), named in the failure's summary.
"""

import os
import re
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

from township import Township, seed

CHROMIUM = os.environ.get("LIAISON_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(
    os.environ.get("LIAISON_BROWSER_ARTIFACTS") or tempfile.mkdtemp(prefix="liaison-browser-shots-")
)
ARTIFACTS.mkdir(parents=True, exist_ok=True)


@pytest.fixture(scope="session")
def township():
    server = Township.start()
    try:
        server.seeded = seed(server)
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        # Root (CI) cannot use Chromium's sandbox. No request may reach another host: any name
        # but the loopback address resolves to nothing, on top of the per-request check below.
        arguments = ["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
        if os.geteuid() == 0:
            arguments.append("--no-sandbox")
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=arguments)
        yield browser
        browser.close()


class Guard:
    """What every page of a test did that it must not: filled by listeners, checked at the end."""

    def __init__(self, origin):
        self.origin = origin
        self.requests = []
        self.problems = []
        # Statuses a test provokes on purpose (a 401 sign-in, a 409 stale decision): Chromium
        # logs them as console errors, which are then expected.
        self.expected_statuses = set()

    def watch(self, context):
        context.on("request", self.request)
        context.on("page", self.page)

    def page(self, page):
        page.on("response", self.response)
        page.on("console", lambda message: self.console(page, message))
        page.on("pageerror", lambda error: self.problems.append(f"script error: {error}"))
        page.on("dialog", lambda dialog: self.dialog(dialog))

    def request(self, request):
        self.requests.append(request.url)
        parts = urlsplit(request.url)
        if parts.scheme == "data":
            return
        if f"{parts.scheme}://{parts.netloc}" != self.origin:
            self.problems.append(f"request left the server's origin: {request.url}")

    def response(self, response):
        if response.status >= 500:
            self.problems.append(f"{response.status} from {response.url}")
        if response.request.resource_type == "document":
            policy = response.headers.get("content-security-policy", "")
            if "default-src 'self'" not in policy or "frame-ancestors 'none'" not in policy:
                self.problems.append(f"no strict Content-Security-Policy on {response.url}")
            if response.headers.get("x-content-type-options") != "nosniff":
                self.problems.append(f"no X-Content-Type-Options: nosniff on {response.url}")

    def console(self, page, message):
        provoked = re.search(r"status of (\d{3})", message.text)
        if provoked and int(provoked.group(1)) in self.expected_statuses:
            return
        if message.type == "error":
            self.problems.append(f"console error on {page.url}: {message.text}")

    def dialog(self, dialog):
        self.problems.append(f"a dialog opened ({dialog.type}): {dialog.message!r}")
        dialog.dismiss()


@pytest.fixture
def contexts(browser, township, request):
    """Makes browser contexts (separate cookie jars: separate sessions), each guarded."""
    made = []
    guard = Guard(township.url)

    def make(locale="zh-CN", width=1280, height=900):
        context = browser.new_context(
            ignore_https_errors=True,  # the self-signed certificate; devices pin it instead
            locale=locale,
            viewport={"width": width, "height": height},
        )
        guard.watch(context)
        made.append(context)
        return context

    make.guard = guard
    yield make
    problems = list(guard.problems)
    if problems or getattr(request.node, "failed_call", False):
        folder = ARTIFACTS / re.sub(r"[^\w.-]", "_", request.node.name)
        folder.mkdir(parents=True, exist_ok=True)
        for number, context in enumerate(made):
            for index, page in enumerate(context.pages):
                page.screenshot(path=str(folder / f"context{number}-page{index}.png"), full_page=True)
        problems.append(f"screenshots of this test's pages: {folder}")
    for context in made:
        context.close()
    assert guard.requests, "the test made no request at all"
    assert not guard.problems, "\n".join(problems)


@pytest.fixture
def context(contexts):
    return contexts()


@pytest.fixture
def page(context):
    return context.new_page()


def sign_in(page, township, token=None):
    page.goto(f"{township.url}/sign-in")
    page.fill("#token", token or township.token)
    page.locator("#sign-in [type=submit]").click()
    page.wait_for_load_state()


@pytest.fixture
def signed_in(page, township):
    sign_in(page, township)
    assert urlsplit(page.url).path == "/", f"sign-in did not reach the dashboard: {page.url}"
    return page


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call" and report.failed:
        item.failed_call = True
    return report


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if exitstatus != 0 and any(ARTIFACTS.iterdir()):
        terminalreporter.write_line(f"Screenshots of the failed tests' pages: {ARTIFACTS}")
