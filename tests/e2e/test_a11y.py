"""Issue 6, accessibility: every view of the real window passes an axe-core audit (WCAG 2.1 A and AA rules,
colour contrast included) in English and in Dutch, and can be reached and used from the keyboard alone
with a visible focus ring."""
import json
import subprocess
import time

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from conftest import ROOT, until, x_viewable
from test_foundation import onboard

AXE = (ROOT / "ui" / "node_modules" / "axe-core" / "axe.min.js").read_text()
VIEWS = ["today", "inbox", "dashboard", "team", "review", "followups", "reminders", "rhythm", "organisation", "data"]


def audit(app, context="document"):
    """Runs axe in the page; returns the violations of the WCAG 2.x A/AA rules."""
    if not app.driver.execute_script("return typeof window.axe !== 'undefined'"):
        app.driver.execute_script(AXE)
    result = app.driver.execute_async_script(
        f"""const done = arguments[arguments.length - 1];
        axe.run({context}, {{ runOnly: {{ type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }},
                             resultTypes: ['violations'] }})
           .then(r => done(JSON.stringify(r.violations.map(v => ({{
              id: v.id, impact: v.impact, help: v.help,
              nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + n.failureSummary) }})))))
           .catch(e => done(JSON.stringify([{{ id: 'axe-error', help: String(e), nodes: [] }}])));""")
    return json.loads(result)


def assert_clean(app, where):
    violations = audit(app)
    assert violations == [], f"{where}:\n" + json.dumps(violations, indent=2)


@pytest.fixture
def populated(app):
    app.cli("demo-data", "--people", "3", "--years", "1", "--per-day", "6", "--seed", "11")
    app.cli("followup", "add", "--person", "1", "--text", "Send the budget", "--due", "2026-12-20")
    app.cli("reminder", "add", "--person", "1", "--kind", "checkin", "--at", "16:00")
    return app


@pytest.mark.parametrize("locale,scheme", [("en", "light"), ("nl", "light"), ("en", "dark")])
def test_every_view_passes_axe(populated, locale, scheme):
    app = populated
    app.cli("language", locale)
    if scheme == "dark":
        # WebKitGTK reports prefers-color-scheme: dark under a dark GTK theme, as on a dark desktop.
        app.extra_env["GTK_THEME"] = "Adwaita:dark"
    app.start()
    app.driver.set_script_timeout(60)
    app.wait("[data-testid=today-view]")
    assert app.driver.execute_script("return matchMedia('(prefers-color-scheme: dark)').matches") == (scheme == "dark")
    for view in VIEWS:
        app.find(f"[data-nav={view}]").click()
        app.wait(f"[data-nav={view}][aria-current=page]")
        time.sleep(0.8)  # charts and lists load
        assert_clean(app, f"{view} ({locale}, {scheme})")
        if scheme == "dark" and view in ("today", "dashboard"):
            app.screenshot(f"dark-{view}")
        if locale == "nl" and view in ("dashboard", "review", "reminders", "organisation"):
            app.screenshot(f"nl-{view}")


def test_onboarding_and_quick_log_window_pass_axe(app):
    from Xlib import display as xdisplay

    app.start()
    app.driver.set_script_timeout(60)
    app.wait("[data-testid=onboarding]")
    assert_clean(app, "onboarding")
    onboard(app)
    # The quick-log window, opened by the global shortcut as a person would.
    main = app.driver.current_window_handle
    time.sleep(1.0)
    subprocess.run(["xdotool", "key", "--clearmodifiers", "ctrl+alt+space"], check=True, env=app.env())
    assert until(lambda: x_viewable(xdisplay.Display(), "Cadence quick log")), "the shortcut opens the quick log"
    assert until(lambda: len(app.driver.window_handles) == 2), app.driver.window_handles
    app.driver.switch_to.window(next(h for h in app.driver.window_handles if h != main))
    app.wait("[data-testid=quicklog-window] [data-category]")
    assert_clean(app, "quick-log window")


def focused(app):
    return app.driver.execute_script(
        "const e = document.activeElement; const s = getComputedStyle(e);"
        "return {tag: e.tagName, nav: e.dataset.nav || null, testid: e.dataset.testid || null,"
        " outline: s.outlineStyle + ' ' + s.outlineWidth, visible: e.matches(':focus-visible')}")


def test_keyboard_alone_reaches_every_view_and_logs(populated):
    app = populated
    (app.xdg / "Downloads").mkdir()
    app.extra_env["XDG_DOWNLOAD_DIR"] = str(app.xdg / "Downloads")
    app.start()
    app.wait("[data-testid=today-view]")
    # Tab from the top of the page to the main navigation, with a visible ring on every stop.
    app.driver.execute_script("document.activeElement && document.activeElement.blur(); window.focus()")
    seen = []
    for _ in range(60):
        ActionChains(app.driver).send_keys(Keys.TAB).perform()
        f = focused(app)
        if f["nav"]:
            assert f["visible"] and not f["outline"].startswith("none"), f
            seen.append(f["nav"])
        if len(set(seen)) == len(VIEWS):
            break
    assert set(seen) == set(VIEWS), f"navigation reached by Tab: {seen}"

    # Enter on a nav item opens its view; every view gets there without a mouse.
    for view in VIEWS:
        app.driver.execute_script(f"document.querySelector('[data-nav={view}]').focus()")
        ActionChains(app.driver).send_keys(Keys.ENTER).perform()
        app.wait(f"[data-nav={view}][aria-current=page]")

    # The assistant's one click, from the keyboard: Tab to a leader's review button, Enter writes the PDF.
    downloads = app.xdg / "Downloads"
    assert not list(downloads.glob("*.pdf"))
    app.driver.execute_script("document.querySelector('[data-nav=review]').focus()")
    ActionChains(app.driver).send_keys(Keys.ENTER).perform()
    app.wait("[data-testid=quick-review]")
    for _ in range(20):
        ActionChains(app.driver).send_keys(Keys.TAB).perform()
        f = focused(app)
        if f["testid"] == "quick-review":
            assert f["visible"] and not f["outline"].startswith("none"), f
            break
    else:
        raise AssertionError("Tab never reached a one-click review button")
    ActionChains(app.driver).send_keys(Keys.ENTER).perform()
    app.wait("[data-testid=pdf-saved]")
    assert list(downloads.glob("Leadership review *.pdf")), list(downloads.iterdir())

    # Back on Today: 2 chooses the category, the note takes the text, Enter saves.
    app.driver.execute_script("document.querySelector('[data-nav=today]').focus()")
    ActionChains(app.driver).send_keys(Keys.ENTER).perform()
    app.wait("[data-testid=today-view]")
    app.driver.execute_script("document.activeElement.blur()")
    ActionChains(app.driver).send_keys("2").perform()
    ActionChains(app.driver).send_keys("Opened the new lab", Keys.ENTER).perform()
    app.wait_text("[data-testid=timeline]", "Opened the new lab")
