"""The township office's console in a real Chromium, against a real `township serve` whose
data three real `liaison` devices wrote in Chinese (see township.py). Every test's pages are
guarded by conftest.py: no console error, no dialog, no request off the server's origin, a
strict Content-Security-Policy on every page.
"""

import os
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from conftest import sign_in
from township import XSS_TITLE

CJK = re.compile(r"[\u4e00-\u9fff]")


def visit(page, township, path):
    """Opens a console page and checks what every page must hold."""
    response = page.goto(f"{township.url}{path}")
    check_page(page)
    return response


def check_page(page):
    assert page.locator("html").get_attribute("lang") in ("en", "zh-Hans")
    inline = page.locator("script:not([src])").count()
    assert inline == 0, f"{page.url} has {inline} inline script(s)"
    assert page.evaluate(
        "[...document.scripts].every(s => !s.textContent.includes('alert'))"
    ), f"{page.url} runs a script holding residents' text"
    if "alert(1)" in page.content():
        assert XSS_TITLE in page.locator("body").inner_text(), (
            f"{page.url} holds the XSS title but does not show it as text"
        )
    unlabelled = page.evaluate(
        """[...document.querySelectorAll('input, select, textarea')]
             .filter(c => !['hidden', 'submit', 'button'].includes(c.type))
             .filter(c => c.labels.length === 0 && !c.getAttribute('aria-label')
                          && !c.getAttribute('aria-labelledby'))
             .map(c => c.name || c.id)"""
    )
    assert not unlabelled, f"{page.url}: controls without a label: {unlabelled}"


def path_of(page):
    return urlsplit(page.url).path


def row_ids(page, table="table#reports"):
    return [
        row.get_attribute("data-report-id")
        for row in page.locator(f"{table} tr[data-report-id]").all()
    ]


def count_in(text):
    numbers = [int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", text)]
    assert numbers, f"no count in {text!r}"
    return numbers


def choose(form, shown):
    """Picks the radio whose row or label shows `shown`; returns its value."""
    for radio in form.locator("input[name=choice]").all():
        around = radio.evaluate(
            "r => (r.labels[0] || r.closest('tr, li, label') || r.parentElement).innerText"
        )
        if shown in around:
            radio.check()
            return radio.get_attribute("value")
    raise AssertionError(f"no choice showing {shown!r} in {form.inner_text()!r}")


# Signing in and out


def test_sign_in_and_out(contexts, township):
    make = contexts
    make.guard.expected_statuses.add(401)
    context = make()
    page = context.new_page()
    visit(page, township, "/")
    assert path_of(page) == "/sign-in", "a page without a session must lead to the sign-in"

    page.fill("#token", "lsn_" + "0" * 64)
    with page.expect_response(lambda r: r.request.method == "POST") as answer:
        page.locator("#sign-in [type=submit]").click()
    assert answer.value.status == 401
    assert page.locator(".error").is_visible()
    assert not [c for c in context.cookies() if c["name"] == "liaison_session"]

    sign_in(page, township)
    assert path_of(page) == "/"
    check_page(page)
    session = [c for c in context.cookies() if c["name"] == "liaison_session"]
    assert len(session) == 1, context.cookies()
    assert session[0]["httpOnly"] and session[0]["secure"] and session[0]["sameSite"] == "Strict"

    page.locator("#sign-out [type=submit]").click()
    page.wait_for_load_state()
    assert path_of(page) == "/sign-in"

    # The old cookie, replayed by another browser, opens nothing: the session ended at the server.
    replay = make()
    replay.add_cookies(session)
    other = replay.new_page()
    visit(other, township, "/reports")
    assert path_of(other) == "/sign-in"

    sign_in(page, township)
    visit(page, township, "/audit")
    trail = page.locator("table#audit").inner_text()
    # The trail's machine fields (the action) are never translated.
    assert "王主任" in trail and "sign in" in trail and "sign out" in trail, trail


# Reports: filters, paging, a report and its history


def test_filters_and_pages_the_reports(signed_in, township):
    page = signed_in
    seeded = township.seeded
    total = len(seeded.villages)
    visit(page, township, "/reports")
    assert total in count_in(page.locator("p#result-count").inner_text())
    first = row_ids(page)
    assert len(first) == 50
    page.locator('a[rel="next"]').first.click()
    page.wait_for_load_state()
    check_page(page)
    second = row_ids(page)
    assert len(second) == total - 50
    assert not set(first) & set(second)
    assert set(first) | set(second) == set(seeded.villages)
    page.locator('a[rel="prev"]').first.click()
    page.wait_for_load_state()
    assert row_ids(page) == first

    visit(page, township, "/reports")
    village = page.locator("form#filters [name=village]")
    if village.evaluate("c => c.tagName") == "SELECT":
        village.select_option(label="西村")
    else:
        village.fill("西村")
    page.locator("form#filters [type=submit]").first.click()
    page.wait_for_load_state()
    check_page(page)
    assert "village=" in page.url
    west = {i for i, v in seeded.villages.items() if v == "西村"}
    assert west and set(row_ids(page)) == west
    assert len(west) in count_in(page.locator("p#result-count").inner_text())
    csv = page.locator("a#csv").get_attribute("href")
    assert "village=" in csv
    download = page.request.get(urljoin(page.url, csv))
    assert download.ok and download.headers["content-type"].startswith("text/csv")
    body = download.body()
    assert body.startswith(b"\xef\xbb\xbf") and "西村".encode() in body

    visit(page, township, "/reports?q=宅基地")
    assert seeded.ids["boundary"] in row_ids(page)

    visit(page, township, "/reports?conflicted=1")
    assert set(row_ids(page)) == {seeded.ids[r] for r in ("boundary", "stale", "history")}

    visit(page, township, "/reports?sort=urgency")
    ranked = row_ids(page)
    assert set(ranked[: len(seeded.urgent)]) == seeded.urgent, "urgent reports come first"

    visit(page, township, "/reports?urgency=urgent")
    assert set(row_ids(page)) == seeded.urgent


def test_opens_a_report_and_reads_its_history(signed_in, township):
    page = signed_in
    report = township.seeded.ids["history"]
    visit(page, township, "/reports?q=山坡")
    page.locator(f'tr[data-report-id="{report}"] a.report-link').click()
    page.wait_for_load_state()
    check_page(page)
    assert path_of(page) == f"/reports/{report}"

    fields = page.locator("section#fields").inner_text()
    for shown in ("山坡滑坡隐患（东坡）", "山坡滑坡隐患（北坡）", "李伟", "王芳", "张主任"):
        assert shown in fields, f"{shown!r} not among the fields: {fields!r}"
    assert "已联系村委会" in page.locator("section#notes").inner_text()
    history = page.locator("section#history")
    assert history.locator("tr, li").count() >= 4
    text = history.inner_text()
    for shown in ("李伟", "王芳", "山坡滑坡隐患", "张主任"):
        assert shown in text, f"{shown!r} not in the history: {text!r}"
    assert page.locator("a#decide").get_attribute("href") == f"/conflicts/{report}"

    # In Chinese, values read as a clerk says them: the category `dispute` is 纠纷.
    visit(page, township, f"/reports/{township.seeded.ids['dispute']}")
    fields = page.locator("section#fields").inner_text()
    assert "纠纷" in fields and "dispute" not in fields, fields


# Conflicts


def test_resolves_a_conflict_and_a_device_receives_it(signed_in, township):
    page = signed_in
    report = township.seeded.ids["boundary"]
    visit(page, township, "/conflicts")
    assert report in row_ids(page, "table#conflicts")
    page.locator(f'table#conflicts tr[data-report-id="{report}"] a').first.click()
    page.wait_for_load_state()
    check_page(page)
    assert path_of(page) == f"/conflicts/{report}"

    form = page.locator('form.decision[data-field="title"]')
    choose(form, "宅基地边界纠纷（乙）")
    reason = "双方到场核实，以乙方测量为准"
    form.locator('textarea[name="reason"]').fill(reason)
    form.locator("[type=submit]").click()
    page.wait_for_load_state()
    check_page(page)
    assert path_of(page) == f"/reports/{report}"
    assert page.locator("p#notice").is_visible()

    for name in ("李伟", "王芳"):
        device = township.devices[name]
        device.sync()
        shown = device.show(report)
        assert shown["title"] == "宅基地边界纠纷（乙）", (name, shown)
        assert shown["conflicts"] == [], (name, shown)

    visit(page, township, f"/audit?report={report}")
    assert reason in page.locator("table#audit").inner_text()


def test_a_stale_decision_is_refused(contexts, township):
    contexts.guard.expected_statuses.add(409)
    report = township.seeded.ids["stale"]
    first, second = contexts().new_page(), contexts().new_page()
    for page in (first, second):
        sign_in(page, township)
        visit(page, township, f"/conflicts/{report}")
    forms = [p.locator('form.decision[data-field="urgency"]') for p in (first, second)]
    choices = forms[0].locator("input[name=choice]").all()
    assert len(choices) >= 2
    choices[0].check()
    forms[0].locator('textarea[name="reason"]').fill("现场查看后定为此级")
    forms[0].locator("[type=submit]").click()
    first.wait_for_load_state()
    assert first.locator("p#notice").is_visible()

    forms[1].locator("input[name=choice]").nth(1).check()
    forms[1].locator('textarea[name="reason"]').fill("第二位管理员的决定")
    with second.expect_response(lambda r: r.request.method == "POST") as answer:
        forms[1].locator("[type=submit]").click()
    second.wait_for_load_state()
    check_page(second)
    assert answer.value.status == 409
    assert second.locator("p#stale").is_visible()

    device = township.devices["李伟"]
    device.sync()
    decided = device.show(report)
    assert decided["conflicts"] == []
    visit(first, township, f"/audit?report={report}")
    audit = first.locator("table#audit").inner_text()
    assert "现场查看后定为此级" in audit and "第二位管理员的决定" not in audit


# Devices


def test_enrols_and_revokes_a_device(signed_in, township):
    page = signed_in
    visit(page, township, "/devices")
    for name in ("李伟", "王芳", "张强"):
        assert page.locator(f'table#devices tr[data-device="{name}"]').count() == 1

    page.fill("form#enrol [name=name]", "赵敏")
    page.fill("form#enrol [name=villages]", "西村")
    page.locator("form#enrol [type=submit]").click()
    page.wait_for_load_state()
    check_page(page)
    link = page.locator("code#enrolment-link").inner_text().strip()
    assert link.startswith(township.url) and "#code=" in link and township.pin in link

    device = township.device("赵敏", ["西村"], link=link)
    device.new("村口路灯损坏", "西村", "other")
    device.sync()

    visit(page, township, "/devices")
    row = page.locator('table#devices tr[data-device="赵敏"]')
    assert row.count() == 1
    before = row.inner_text()
    revoke = row.locator("form.revoke")
    revoke.locator('[name="reason"]').fill("设备遗失")
    revoke.locator("[type=submit]").click()
    page.wait_for_load_state()
    check_page(page)
    visit(page, township, "/devices")
    after = page.locator('table#devices tr[data-device="赵敏"]').inner_text()
    assert after != before, f"the row shows no revocation: {after!r}"

    refused = device.run("sync", check=False)
    assert refused.returncode != 0, refused.stdout
    visit(page, township, "/audit")
    assert "设备遗失" in page.locator("table#audit").inner_text()


# Language


def test_switches_language(contexts, township):
    chinese = contexts(locale="zh-CN").new_page()
    visit(chinese, township, "/sign-in")
    assert chinese.locator("html").get_attribute("lang") == "zh-Hans"
    english = contexts(locale="en-US").new_page()
    visit(english, township, "/sign-in")
    assert english.locator("html").get_attribute("lang") == "en"

    sign_in(chinese, township)
    visit(chinese, township, "/reports")
    assert CJK.search(chinese.locator("a#nav-reports").inner_text())
    chinese.locator('a[hreflang="en"]').first.click()
    chinese.wait_for_load_state()
    check_page(chinese)
    assert path_of(chinese) == "/reports"
    assert chinese.locator("html").get_attribute("lang") == "en"
    assert not CJK.search(chinese.locator("a#nav-reports").inner_text())
    visit(chinese, township, "/")
    assert chinese.locator("html").get_attribute("lang") == "en", "the choice is kept"
    chinese.locator('a[hreflang="zh-Hans"]').first.click()
    chinese.wait_for_load_state()
    assert chinese.locator("html").get_attribute("lang") == "zh-Hans"
    assert path_of(chinese) == "/"


# Residents' text stays text


def test_the_xss_title_shows_as_text_everywhere(signed_in, township):
    page = signed_in
    report = township.seeded.ids["xss"]
    for path in ("/", "/reports?q=script", f"/reports/{report}", "/reports?sort=urgency"):
        visit(page, township, path)
        assert XSS_TITLE in page.locator("main").inner_text(), f"{path} does not show the title"


def test_every_page_of_the_navigation(signed_in, township):
    page = signed_in
    for link in ("nav-dashboard", "nav-reports", "nav-conflicts", "nav-devices", "nav-audit"):
        page.locator(f"a#{link}").click()
        page.wait_for_load_state()
        check_page(page)
        assert page.locator("main h1").count() >= 1
    visit(page, township, "/")
    for part in ("svg#weekly-chart", "svg#open-chart", "section#overdue", "section#urgent"):
        assert page.locator(part).count() == 1, f"the dashboard has no {part}"
    assert page.locator("section#awaiting").count() == 1
    # The keyboard alone reaches the navigation.
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") in ("A", "INPUT", "BUTTON", "SELECT")


# Screenshots for the docs (only when asked: LIAISON_DOCS_SCREENSHOTS=docs/screenshots)


def test_screenshots_for_the_docs(contexts, township):
    folder = os.environ.get("LIAISON_DOCS_SCREENSHOTS")
    page = contexts(locale="zh-CN", width=1024, height=768).new_page()
    sign_in(page, township)
    report = township.seeded.ids["history"]
    for name, path in (
        ("dashboard", "/"),
        ("conflict", f"/conflicts/{report}"),
        ("report", f"/reports/{report}"),
    ):
        visit(page, township, path)
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            # The top of each page, at most 1100 px, keeps the committed pictures small.
            height = min(page.evaluate("document.documentElement.scrollHeight"), 1100)
            page.screenshot(
                path=str(Path(folder) / f"{name}.png"),
                full_page=True,
                clip={"x": 0, "y": 0, "width": 1024, "height": height},
            )
