"""Reading the projection on any screen: the result changes where the person is looking, a chart read at a
glance, what-ifs and explanations in plain words, compare and share on a phone, inputs readable in full, unsaved
edits said and kept, words that point the right way, a dark mode that passes, and the smaller things.

Every test runs once per screen: a phone and a desktop, each in the light and the dark colour scheme.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .conftest import NOT_FOUND_LOG, SCREENSHOTS
from .pages import edit_inputs, projection_update, show_earnings, show_options

pytestmark = pytest.mark.e2e


def in_view(page: Page, selector: str) -> bool:
    box = page.locator(selector).bounding_box()
    height = page.viewport_size["height"]
    return box is not None and box["y"] >= -1 and box["y"] + box["height"] <= height + 1


def on_one_line(page: Page, selector: str) -> list[str]:
    """The texts of `selector` that the browser broke over more than one line."""
    return page.eval_on_selector_all(
        selector, "els => els.filter(e => e.getClientRects().length > 1).map(e => e.textContent)"
    )


# The result changes where the person is looking ---------------------------------------------


def test_summary_follows_every_change_and_stays_in_view(page, screen):
    page.goto("/")
    summary = page.locator("[data-summary]")
    expect(summary).to_contain_text("Next step: Senior ML Engineer")
    expect(summary.locator("#projection-loading")).to_have_count(1)  # the update indicator is in it
    before = summary.inner_text()

    with projection_update(page):
        page.get_by_label("Location").select_option("london")
    assert in_view(page, "[data-summary]"), "the summary is off-screen after a change at the top of the form"
    expect(summary).to_contain_text("£")

    with projection_update(page):
        page.get_by_label("Reinforcement learning").check()  # the end of the form
    assert in_view(page, "[data-summary]"), "the summary is off-screen after a change at the end of the form"
    assert summary.inner_text() != before

    if screen.startswith("phone"):
        summary.get_by_role("link", name="See details").click()
        expect(page).to_have_url(re.compile("#projection-details$"))


# A chart people read at a glance ------------------------------------------------------------


def test_chart_has_fitted_axis_matching_legend_role_names_and_values_on_focus(page, screen):
    page.goto("/")
    svg = page.locator("#projection svg.chart-svg")
    labels = svg.locator(".axis-label").all_text_contents()
    if "$0" in labels:  # a wide range (up to VP) may start at zero, but only when the lowest pay is below one tick
        lowest = min(
            int(v)
            # A step that cannot be taken (research without a PhD) has no pay to read.
            for v in page.locator("#projection li.step[data-base-min]").evaluate_all(
                "steps => steps.map(s => s.dataset.baseMin)"
            )
        )
        first_tick = next(label for label in labels if label.startswith("$") and label != "$0")
        assert lowest < int(float(first_tick[1:-1]) * (1_000_000 if first_tick.endswith("M") else 1000)), labels
    expect(svg.locator("line.baseline")).to_have_count(1)
    # Zero is said as zero, never "$0, not at zero" (issue 32).
    note = "The pay axis starts at zero." if "$0" in labels else "The pay axis starts at $"
    expect(page.locator("#projection .chart figcaption")).to_contain_text(note)

    # One colour per series, the same in the legend as in the chart; a midline in every band.
    colours = page.eval_on_selector_all(
        "#projection .legend .swatch",
        """swatches => swatches.map(s => {
            const slug = [...s.classList].find(c => c.startsWith('s-'));
            const band = document.querySelector('#projection .bar.' + slug + ' .band');
            return [slug, getComputedStyle(s).backgroundColor, band && getComputedStyle(band).fill];
        })""",
    )
    assert len({legend for _, legend, _ in colours}) == len(colours) >= 3
    for slug, legend, fill in colours:
        assert legend == fill, f"{slug}: legend {legend}, chart {fill}"
    bars = svg.locator("g.bar")
    assert bars.count() == svg.locator("g.bar line.mid").count() >= 6

    names = svg.locator("text.name").all_text_contents()
    # A name with no free place (the total bands take room, issue 32) is left to its band's tip and the table.
    assert {"Senior", "ML Architect"} <= set(names) and len(names) >= bars.count() // 2, names

    # Values on keyboard focus and on tap, not only on hover.
    bar = svg.locator("g.bar.s-management").last
    expect(bar).to_have_attribute("tabindex", "0")
    index = re.search(r"\bb(\d+)\b", bar.get_attribute("class"))[1]
    tip = svg.locator(f".tips .t{index}")
    expect(tip).to_be_hidden()
    if screen.startswith("phone"):  # phones write the figures under the chart instead (issue 23)
        readout = page.locator("#projection .chart-readout")
        bar.focus()
        expect(readout).to_contain_text("VP of Machine Learning, 20")
        page.locator("h1").click()
        svg.locator("g.bar").first.click()
        expect(readout).not_to_contain_text("VP of Machine Learning")
        bar.click()
        expect(readout).to_contain_text("VP of Machine Learning, 20")
    else:
        bar.focus()
        expect(tip).to_be_visible()
        expect(tip).to_contain_text("VP of Machine Learning, 20")
        page.locator("h1").click()
        expect(tip).to_be_hidden()
        bar.click()
        expect(tip).to_be_visible()

    # Nothing clipped: every label lies inside the drawing, and the drawing is reachable.
    clipped = page.evaluate(
        """() => { const svg = document.querySelector('#projection svg.chart-svg'), s = svg.getBoundingClientRect();
            return [...svg.querySelectorAll('.axis-label, .name')].filter(t => {
                const r = t.getBoundingClientRect(); return r.left < s.left - 1 || r.right > s.right + 1;
            }).map(t => t.textContent); }"""
    )
    assert not clipped, f"labels cut off: {clipped}"
    expect(page.get_by_text("The chart as a table")).to_have_count(1)


# What-if that helps decide --------------------------------------------------------------------


def test_what_if_is_ranked_and_said_in_words_on_one_line(page, screen):
    page.goto("/")
    show_options(page)
    rows = page.locator("#projection .what-if li")
    texts = rows.all_inner_texts()
    assert len(texts) >= 4
    for text in texts:
        assert re.match(r"^(Adding|Getting a) .+: \+\$[\d,]+( to \+\$[\d,]+)? base a year at your next step, ", text), (
            text
        )
    # "+$700 to +$800 base a year …; +$20,000 total pay over 10 years": ranked by the next step's change
    largest = [int(re.findall(r"\+\$([\d,]+)", t.split(";")[0])[-1].replace(",", "")) for t in texts]
    assert largest == sorted(largest, reverse=True), "what-if is not ranked, largest change first"
    assert not on_one_line(page, "#projection .what-if .change"), "a change is broken over two lines"


# Explanations in plain words ------------------------------------------------------------------


def test_why_this_figure_speaks_in_sentences_with_units(page, screen):
    page.goto("/")
    common = page.locator("#projection details.why").last
    common.locator("summary").click()
    lines = common.locator(".explanation li")
    expect(lines.first).to_be_visible()
    text = "\n".join(lines.all_inner_texts())
    assert "Seattle pays 17" in text and "% more than the US average" in text
    assert "percentile points within the band" in text
    assert not re.search(r"\b\d\.\d{3}\b", text), f"a raw factor is shown: {text}"
    assert not re.search(r"\b(location|industry|role)-[a-z-]+\b", text), f"a slug is shown: {text}"
    expect(page.locator("#projection .band-ref")).to_have_count(0)

    page.goto("/methodology/")
    expect(page.locator("main")).not_to_contain_text("Admins edit")
    expect(page.locator("#money")).to_have_text("How money is written")


# Compare and share on any screen --------------------------------------------------------------


def cells_cut_off(page: Page, table: str) -> list[str]:
    return page.eval_on_selector_all(
        f"{table} td, {table} th",
        "cells => cells.filter(c => c.getBoundingClientRect().right > window.innerWidth + 1).map(c => c.textContent)",
    )


def test_compare_says_differences_in_words_and_fits_a_phone(page, screen, log_in_as, make_plan, user):
    a = make_plan(user, title="Seattle plan")
    b = make_plan(user, title="Bay Area plan", location="sf-bay-area")
    log_in_as(page.context, user)
    page.goto(f"/plans/compare/?a={a.pk}&b={b.pk}")
    expect(page.locator(".compare-highlights li").first).to_have_text(
        re.compile(
            r"^\w.* track: over 10 years “Bay Area plan” earns \$[\d,]+ more in total pay, as paid .*"
            r"“Bay Area plan” pays \$[\d,]+ to \$[\d,]+ more in total pay a year at .+ and gets there the same year\.$"
        )
    )
    director = page.locator('.compare-steps tr[data-role="director-vp"] .difference')
    expect(director).to_have_text(
        re.compile(r"“Bay Area plan” pays \$[\d,]+ to \$[\d,]+ more in total pay a year at Director/VP")
    )
    assert not cells_cut_off(page, ".compare-steps"), "compare's step table is cut off"


def test_share_page_has_a_copy_link_and_fits_a_phone(page, screen, log_in_as, make_plan, user):
    plan = make_plan(user, title="Move to management")
    log_in_as(page.context, user)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(f"/plans/{plan.pk}/share/")
    page.get_by_role("button", name="Create a share link").click()
    field = page.locator("input.share-url")
    expect(field).to_have_attribute("readonly", "")
    url = field.input_value()
    assert re.match(r"^http://[^/]+/s/[\w-]+/$", url)
    page.get_by_role("button", name="Copy link").click()
    expect(page.get_by_role("button", name="Copied")).to_be_visible()
    assert page.evaluate("() => navigator.clipboard.readText()") == url
    assert not cells_cut_off(page, ".share-links"), "the share table is cut off"
    revoke = page.get_by_role("button", name="Revoke")
    assert revoke.bounding_box()["x"] + revoke.bounding_box()["width"] <= page.viewport_size["width"]
    assert page.locator("main > form").bounding_box()["width"] <= 600  # not stretched across a desktop


# Inputs readable in full ----------------------------------------------------------------------

# The selected text's width against the room a select gives it (without its padding and arrow).
TRUNCATED = """() => { const ctx = document.createElement('canvas').getContext('2d');
    return [...document.querySelectorAll('#profile-form select')].filter(s => {
        const style = getComputedStyle(s); ctx.font = style.font;
        const room = s.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return ctx.measureText(s.selectedOptions[0].text).width > room;
    }).map(s => s.name + ': ' + s.selectedOptions[0].text); }"""


def test_every_select_shows_its_longest_choice_in_full(page, screen, log_in_as, make_plan, user):
    plan = make_plan(user)
    log_in_as(page.context, user)
    page.goto(f"/plans/{plan.pk}/")
    edit_inputs(page)  # folded on a phone (issue 23)
    page.evaluate(
        """() => document.querySelectorAll('#profile-form select').forEach(s => {
            const longest = [...s.options].reduce((a, b) => (b.text.length > a.text.length ? b : a));
            s.value = longest.value; })"""
    )
    truncated = page.evaluate(TRUNCATED)
    assert not truncated, f"selected values cut off: {truncated}"


# Unsaved edits are said and kept --------------------------------------------------------------


def test_unsaved_changes_show_in_the_header_and_leaving_asks_first(page, screen, log_in_as, make_plan, user):
    plan = make_plan(user, title="Move to management")
    log_in_as(page.context, user)
    page.goto(f"/plans/{plan.pk}/")
    edit_inputs(page)  # folded on a phone (issue 23)
    badge = page.locator(".page-head [data-unsaved]")
    expect(badge).to_be_hidden()
    with projection_update(page):
        page.get_by_label("Location").select_option("london")
    expect(badge).to_have_text("Unsaved changes")
    expect(badge).to_be_visible()

    dialogs = []

    def answer(dialog):
        dialogs.append(dialog.type)
        dialog.dismiss()  # stay on the page

    page.on("dialog", answer)
    with page.expect_event("dialog"):  # however long the browser takes to ask (it was a fixed 300 ms)
        page.locator("header.site-header").get_by_role("link", name="My plans").click()
    assert dialogs == ["beforeunload"]
    expect(page).to_have_url(re.compile(rf"/plans/{plan.pk}/"))

    page.get_by_role("button", name="Save changes").click()  # saving is not leaving
    expect(page.locator(".messages")).to_contain_text("saved")
    assert dialogs == ["beforeunload"]
    expect(badge).to_be_hidden()


# Words that point the right way ---------------------------------------------------------------


def test_shared_plan_says_this_plan_and_sign_up_keeps_the_inputs(page, screen, make_plan, user):
    from careerpath.models import ShareLink

    plan = make_plan(user, title="Move to management", target_track="management")
    link = ShareLink.objects.create(plan=plan)
    page.goto(link.get_absolute_url())
    show_earnings(page)  # both parts that load when seen are in the text read, not whichever came in time
    show_options(page)
    projection = page.locator("#projection").inner_text()
    assert not re.search(r"\byour?\b|\byours\b", projection, re.IGNORECASE), "a shared plan speaks of 'your'"
    expect(page.locator('#projection tr.current th[scope="row"]')).to_contain_text("(this plan)")

    page.goto("/")
    with projection_update(page):
        page.get_by_label("Location").select_option("london")
    save = page.get_by_role("button", name="Sign up to save it")
    save.click()
    expect(page).to_have_url(re.compile(r"/accounts/signup/\?next=%2Faccounts%2Festimate%2F$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign up")

    page.goto("/accounts/login/")
    expect(page.get_by_label("Remember me")).to_have_count(1)


def test_account_forms_use_sentence_case(page, screen, log_in_as, user):
    log_in_as(page.context, user)
    page.goto("/accounts/password/change/")
    for label in ("Current password", "New password", "New password (again)"):
        expect(page.get_by_label(re.compile(rf"^{re.escape(label)}:?$"))).to_have_count(1)
    # 10: the only address cannot be made primary or removed.
    page.goto("/accounts/email/")
    expect(page.get_by_role("button", name="Make primary")).to_have_count(0)
    expect(page.get_by_role("button", name="Remove")).to_have_count(0)


# Dark mode that passes ------------------------------------------------------------------------


def test_delete_link_and_error_summary_pass_contrast_and_no_placeholder_looks_like_a_value(
    page, screen, log_in_as, make_plan, user, e2e_assets, browser_errors
):
    from .conftest import axe_violations

    browser_errors.allow(r"status of (400 \(Bad Request\)|422 \(Unprocessable)")
    plan = make_plan(user, title="Move to management")
    log_in_as(page.context, user)
    page.goto(f"/plans/{plan.pk}/")
    edit_inputs(page)  # folded on a phone (issue 23)
    expect(page.locator("#profile-form [placeholder]")).to_have_count(0)
    page.get_by_label("Years of experience").fill("")
    page.locator("#profile-form").evaluate("form => form.noValidate = true")
    page.get_by_role("button", name="Save changes").click()
    # The form's answer (400, at the edit address): the emptied field's live update, 500 ms after it, can
    # swap its own error summary into the old page, which would answer for it while the page is leaving.
    page.wait_for_url(re.compile(rf"/plans/{plan.pk}/edit/$"))
    expect(page.locator("main .error-summary a").first).to_be_visible()
    expect(page.locator(".plan-actions a.danger")).to_have_text("Delete")
    violations = [v for v in axe_violations(page, e2e_assets["axe"]) if v.startswith("color-contrast")]
    assert not violations, violations


# The smaller things --------------------------------------------------------------------------


def test_new_plan_heading_has_room_and_my_plans_fits_a_phone(page, screen, log_in_as, make_plan, user):
    make_plan(user, title="Finance plan", industry="finance-fintech")
    log_in_as(page.context, user)
    page.goto("/plans/new/")
    h1 = page.get_by_role("heading", level=1).bounding_box()
    h2 = page.get_by_role("heading", name="Where you stand").bounding_box()
    assert h2["y"] - (h1["y"] + h1["height"]) >= 16, "the heading touches the next one"

    page.goto("/plans/")
    expect(page.locator("table.plans")).to_contain_text("Finance/Fintech")
    assert not cells_cut_off(page, "table.plans"), "My plans is cut off"

    page.goto("/methodology/")
    caption = page.locator(".data-table caption").first.bounding_box()
    assert caption["width"] >= min(300, page.viewport_size["width"] - 40), "the caption is squeezed"
    assert caption["height"] < 60


def test_log_in_form_is_not_stretched_and_error_pages_keep_the_navigation(page, screen, browser_errors):
    browser_errors.allow(NOT_FOUND_LOG)
    page.goto("/accounts/login/")
    assert page.locator("main > form").bounding_box()["width"] <= 600
    page.goto("/no-such-page/")
    navigation = page.get_by_role("navigation", name="Main")
    for name in ("My plans", "Methodology", "Account"):
        expect(navigation.get_by_role("link", name=name)).to_have_count(1)


def test_admin_is_titled_careerpath(page, screen, log_in_as, make_user):
    staff = make_user("root@example.com", is_staff=True, is_superuser=True)
    log_in_as(page.context, staff)
    page.goto("/admin/")
    expect(page).to_have_title(re.compile("CareerPath administration"))
    expect(page.locator("#site-name")).to_have_text("CareerPath administration")


def test_printed_plan_is_a_one_page_summary(page, screen, log_in_as, make_plan, user):
    plan = make_plan(user, title="Move to management")
    log_in_as(page.context, user)
    page.goto(f"/plans/{plan.pk}/")
    page.emulate_media(media="print")
    expect(page.locator("#profile-form")).to_be_hidden()
    inputs = page.locator("dl.print-only")
    expect(inputs).to_be_visible()
    expect(inputs).to_contain_text("Seattle")
    expect(page.locator("[data-summary]")).to_be_hidden()
    page.screenshot(path=SCREENSHOTS / f"plan-print-{screen}.png", full_page=True)
    pdf = page.pdf(path=SCREENSHOTS.parent / f"plan-{screen}.pdf", format="A4")
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert pages == 1, f"the printed plan has {pages} pages"
