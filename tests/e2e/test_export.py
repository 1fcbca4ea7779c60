"""Journey: export a plan's projection as JSON and CSV; the files hold the figures the page shows."""

import csv
import io
import json

import pytest

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
    assert download.suggested_filename == f"plan-{plan.pk}-projection.json"
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
    assert f'filename="plan-{plan.pk}-projection.csv"' in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text())))
    assert {row["currency"] for row in rows} == {"GBP"}
    from_csv = {(row["track"], row["role"]): (int(row["base_min"]), int(row["base_max"])) for row in rows}
    assert from_csv == shown
