"""Journey: export a plan's projection as JSON and CSV; the files hold the figures the page shows."""

import json

import pytest

from tests.factories import csv_table

from .pages import all_figures

pytestmark = pytest.mark.e2e


def test_exported_json_and_csv_match_the_figures_on_the_plan_page(page, checked, log_in_as, make_plan, user):
    plan = make_plan(user, title="Move to management", location="london")
    log_in_as(page.context, user)
    page.goto(f"/plans/{plan.pk}/")
    checked(page, "plan-london", "Move to management · CareerPath")
    shown = all_figures(page)
    assert ("management", "director-vp") in shown

    actions = page.get_by_role("navigation", name="Plan actions")
    with page.expect_download() as download_info:
        actions.get_by_role("link", name="JSON").click()
    download = download_info.value
    assert download.suggested_filename == "careerpath-move-to-management-projection.json"
    exported = json.loads(download.path().read_text(encoding="utf-8"))
    assert exported["plan"] == {"id": plan.pk, "title": "Move to management"}
    assert exported["currency"] == "GBP"
    from_json = {
        (track["track"], step["role"]): (step["base_min"], step["base_max"])
        for track in exported["tracks"]
        for step in track["steps"]
    }
    assert from_json == shown

    response = page.request.get(actions.get_by_role("link", name="CSV", exact=True).get_attribute("href"))
    assert response.ok
    assert response.headers["content-type"].startswith("text/csv")
    assert 'filename="careerpath-move-to-management-projection.csv"' in response.headers["content-disposition"]
    rows = csv_table(response.text())
    assert {row["Currency"] for row in rows} == {"GBP"}
    # The CSV names tracks and roles as people do; the JSON's slugs map them back.
    names = {
        (track["name"], step["title"]): (track["track"], step["role"])
        for track in exported["tracks"]
        for step in track["steps"]
    }
    from_csv = {names[(row["Track"], row["Role"])]: (int(row["Base min"]), int(row["Base max"])) for row in rows}
    assert from_csv == shown
