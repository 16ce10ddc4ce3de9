"""axe-core (the engine behind Lighthouse's accessibility audit, from npm) over every page of the
navigation, in the light and the dark palette, at rest and in the states a reader brings about:
after Run and Run tests, a drill review with its answer shown, a mock interview, a lesson's
review prompts graded and due. Any serious or
critical violation fails, listed with the elements at fault. Buttons are also checked while
hovered and while focused, where Material's own colours change."""

import re
from pathlib import Path

import pytest
from course_content import built_cards, drill_page, nav_pages
from drill_store import make_every_card_due
from lesson_page import FIRST_TEST_BLOCK, LESSON, RUNTIME, block, open_lesson, run, run_tests
from playwright.sync_api import expect

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
PALETTES = ["light", "dark"]
BLOCKING = {"serious", "critical"}

# Over the whole page, or the elements `selector` matches; every rule, or those `rules` names.
RUN_AXE = """async ([selector, rules]) => {
  const context = selector ? document.querySelectorAll(selector) : document;
  const only = rules ? { runOnly: { type: "rule", values: rules } } : {};
  const results = await axe.run(context, { resultTypes: ["violations"], ...only });
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary}`).slice(0, 5),
  }));
}"""


@pytest.fixture
def audited(page):
    """The page fixture with axe-core injected into every document it loads."""
    page.add_init_script(path=str(AXE))
    return page


def open_in_palette(page, url, palette):
    page.emulate_media(color_scheme=palette)
    page.goto(url)
    scheme = "slate" if palette == "dark" else "default"
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", scheme)


# Transitions caught half-way (Material fades its header title on scroll) are not what a
# reader sees once the page is still. Endless animations (a busy block's ring) never settle.
SETTLED = """() => document.getAnimations().every((animation) =>
  animation.playState !== 'running' || animation.effect.getComputedTiming().endTime === Infinity)"""


def violations(page, selector=None, rules=None):
    page.wait_for_function(SETTLED)
    return page.evaluate(RUN_AXE, [selector, rules])


def blocking_violations(page):
    return [violation for violation in violations(page) if violation["impact"] in BLOCKING]


def report(violations):
    """One paragraph per violation: rule, impact, and the elements at fault."""
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']}\n  " + "\n  ".join(v["nodes"]) for v in violations
    )


def assert_no_blocking_violations(page):
    found = blocking_violations(page)
    assert found == [], report(found)


@pytest.mark.parametrize("palette", PALETTES)
@pytest.mark.parametrize("nav_page", nav_pages(), ids=lambda page: page.source)
def test_every_page_has_no_serious_violation(audited, site_url, nav_page, palette):
    open_in_palette(audited, site_url + nav_page.url, palette)
    audited.wait_for_load_state("networkidle")
    assert_no_blocking_violations(audited)


@pytest.mark.parametrize("palette", PALETTES)
def test_the_lesson_after_run_run_tests_check_and_a_hint_has_no_serious_violation(
    audited, site_url, palette
):
    open_in_palette(audited, site_url, palette)
    open_lesson(audited, site_url)
    run(block(audited, 1))
    run_tests(block(audited, FIRST_TEST_BLOCK))
    exercise = audited.locator("div.runnable.exercise").first
    exercise.get_by_role("button", name=re.compile("^Hint")).click()
    exercise.get_by_role("button", name="Check").click()
    expect(exercise.locator(".exercise-checks li").first).to_be_visible(timeout=90_000)
    assert_no_blocking_violations(audited)


@pytest.mark.parametrize("palette", PALETTES)
def test_a_drill_review_a_mock_interview_and_an_exercise_card_have_no_serious_violation(
    audited, site_url, built_site, palette
):
    open_in_palette(audited, site_url + drill_page().url, palette)
    audited.get_by_role("button", name="Review today's cards").click()
    audited.get_by_role("button", name="Show answer").click()
    expect(audited.locator(".drill-grades")).to_be_visible()
    assert_no_blocking_violations(audited)
    audited.goto(site_url + drill_page().url)
    audited.get_by_role("button", name="Start mock interview").click()
    expect(audited.locator(".drill-timer")).to_be_visible()
    assert_no_blocking_violations(audited)
    exercise = next(card for card in built_cards(built_site) if card["kind"] == "exercise")
    audited.goto(site_url + drill_page().url + "#" + exercise["id"])
    block_ = audited.locator(".drill-exercise .runnable-block")
    block_.get_by_role("button", name="Check").click()
    expect(audited.locator(".drill-proposal")).to_be_visible(timeout=90_000)
    assert_no_blocking_violations(audited)


# One button of each look: its classes decide its colours.
BUTTON_LOOKS = """() => {
  const seen = new Map();
  for (const button of document.querySelectorAll("article button, article .md-button")) {
    const look = button.tagName + "." + [...button.classList].sort().join(".");
    if (!seen.has(look) && button.checkVisibility() && !button.disabled) seen.set(look, button);
  }
  return [...seen.values()].map((button, index) => {
    button.dataset.look = String(index);
    return `[data-look="${index}"]`;
  });
}"""


def contrast_problems(page, selector):
    return violations(page, selector, ["color-contrast"])


def grade_and_open_prompts(page):
    """The lesson's first prompt graded (its grade shown as pressed), the second open to grade."""
    prompts = page.locator("details.flashcard")
    for index in range(2):
        prompts.nth(index).locator("summary").click()
    prompts.first.get_by_role("button", name="Good").click()
    expect(prompts.first.get_by_role("status")).to_contain_text("Graded Good")


@pytest.mark.parametrize("palette", PALETTES)
def test_review_prompts_graded_and_due_have_no_serious_violation(audited, site_url, palette):
    open_in_palette(audited, site_url + LESSON, palette)
    grade_and_open_prompts(audited)
    assert_no_blocking_violations(audited)
    make_every_card_due(audited)
    audited.reload()
    expect(audited.locator(".lesson-progress")).to_contain_text("1 prompt due in this lesson")
    expect(audited.locator(".review-due").first).to_be_visible()
    assert_no_blocking_violations(audited)


@pytest.mark.parametrize("palette", PALETTES)
@pytest.mark.parametrize("where", ["lesson", "drill"])
def test_buttons_keep_their_contrast_when_hovered_and_focused(audited, site_url, palette, where):
    url = site_url + {"lesson": "", "drill": drill_page().url}[where]
    open_in_palette(audited, url, palette)
    if where == "lesson":
        open_lesson(audited, site_url)  # in the palette the home page was opened in
        run_tests(block(audited, FIRST_TEST_BLOCK))  # shows every control of a block
        grade_and_open_prompts(audited)  # and of the review prompts
    else:
        expect(audited.locator(".drill-due")).to_be_visible()
    audited.keyboard.press("Tab")  # keyboard focus, so that :focus-visible applies below
    problems = {}
    for selector in audited.evaluate(BUTTON_LOOKS):
        button = audited.locator(selector)
        # Scrolled to as a reader scrolls, not by Playwright's scroll_into_view_if_needed, which
        # waits for the button to be visible first: a copy button inside a listing that earlier
        # buttons' scrolling left far from the view is not laid out (content-visibility), so it
        # never is, and the wait never ends.
        button.evaluate("button => button.scrollIntoView({ block: 'center' })")
        button.hover()
        problems[f"{selector} hovered"] = contrast_problems(audited, selector)
        audited.mouse.move(0, 0)
        button.focus()
        problems[f"{selector} focused"] = contrast_problems(audited, selector)
        button.blur()
    failing = {state: found for state, found in problems.items() if found}
    assert failing == {}, "\n".join(f"{state}: {report(found)}" for state, found in failing.items())


# The contrast of a button's text with what is behind it (its own background, or its ancestors'
# composited), by WCAG's formula: axe-core leaves out aria-disabled controls, which the blocks'
# Run, Run tests, Check and Stop are while unavailable, yet they stay focused and legible.
CONTRAST = """(element) => {
  const rgba = (colour) => {
    const [r, g, b, a = 1] = colour.match(/[\\d.]+/g).map(Number);
    return [r, g, b, a];
  };
  const over = ([r, g, b, a], below) => [
    ...[r, g, b].map((channel, i) => channel * a + below[i] * (1 - a)),
    1,
  ];
  const layers = [];
  for (let node = element; node; node = node.parentElement) {
    layers.push(rgba(getComputedStyle(node).backgroundColor));
  }
  const behind = layers.reverse().reduce((below, layer) => over(layer, below), [255, 255, 255, 1]);
  const text = over(rgba(getComputedStyle(element).color), behind);
  const luminance = (channels) => {
    const [r, g, b] = channels.slice(0, 3).map((c) => {
      const s = c / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(text), luminance(behind)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}"""


def settled_contrast(page, button):
    """The button's contrast once the page is still: Run fades to its busy look when pressed,
    and a two-process run once read it half-way (2.1)."""
    page.wait_for_function(SETTLED)
    return button.evaluate(CONTRAST)


@pytest.mark.parametrize("palette", PALETTES)
def test_unavailable_buttons_keep_their_contrast_at_rest_and_focused(audited, site_url, palette):
    audited.route(RUNTIME, lambda route: None)  # never answered: Run stays busy
    open_in_palette(audited, site_url, palette)
    open_lesson(audited, site_url)
    first = block(audited, 1)
    first.get_by_role("button", name="Run", exact=True).click()
    unavailable = first.locator("button[aria-disabled='true']")
    expect(unavailable).to_have_count(1)  # Run, while Stop is now available
    idle_stop = block(audited, 2).get_by_role("button", name="Stop")
    expect(idle_stop).to_have_attribute("aria-disabled", "true")  # nothing to stop
    audited.keyboard.press("Tab")  # keyboard focus from here on
    contrasts = {}
    for name, button in {"running Run": unavailable, "idle Stop": idle_stop}.items():
        contrasts[name] = settled_contrast(audited, button)
        button.focus()
        contrasts[f"{name} focused"] = settled_contrast(audited, button)
    assert min(contrasts.values()) >= 4.5, contrasts
