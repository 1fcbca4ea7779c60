"""Plan pages through Django's client: create, view, edit, duplicate, delete, and their errors."""

import re
from html import unescape

import pytest
from django.urls import reverse

from careerpath.models import Plan
from tests.factories import PLAN_POST
from tests.links import why_urls

pytestmark = pytest.mark.django_db


def steps(html: str) -> dict[str, tuple[int, int]]:
    """Each projected step's role and base range, read from the data attributes the page carries."""
    found = re.findall(r'data-role="([^"]+)" data-base-min="(\d+)" data-base-max="(\d+)"', html)
    return {role: (int(low), int(high)) for role, low, high in found}


def test_create_plan_saves_it_and_shows_its_projection(user_client, user):
    response = user_client.post(reverse("plan_new"), PLAN_POST, follow=True)
    plan = Plan.objects.get(owner=user)
    assert response.redirect_chain[-1][0] == reverse("plan_detail", args=[plan.pk])
    html = response.content.decode()
    assert "Plan “Move to management” saved." in html
    assert sorted(s.slug for s in plan.skills.all()) == ["deep-learning", "nlp"]
    assert plan.location.slug == "seattle" and plan.years_experience == 4
    figures = steps(html)
    assert {"mid", "senior", "team-lead", "director-vp", "ml-architect"} <= set(figures)
    assert "research-scientist" not in figures and "needs a PhD or research experience" in html  # a Master's
    assert figures["director-vp"][0] > figures["team-lead"][0] > figures["senior"][0] > figures["mid"][0]


def test_plan_page_shows_figures_with_money_and_sources(user_client, plan):
    html = user_client.get(reverse("plan_detail", args=[plan.pk])).content.decode()
    assert re.search(r"\$\d{3},\d{3} – \$\d{3},\d{3}", html)
    assert "Assumption" in html
    # Sources are one click away: each "Why this figure" links to its explanation.
    common = next(url for url in why_urls(html) if url.endswith("figure=common"))
    assert common.startswith(f"/plans/{plan.pk}/explain/?")
    explanation = user_client.get(common).content.decode()
    assert "Seattle: $135,000 – $180,000" in explanation  # the location band's source sentence


def test_missing_title_and_bad_years_are_explained_and_nothing_is_saved(user_client, user):
    data = {**PLAN_POST, "title": "", "years_experience": "-3"}
    response = user_client.post(reverse("plan_new"), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Give the plan a title" in html
    assert "Years of experience cannot be negative." in html
    assert not Plan.objects.filter(owner=user).exists()


def test_unknown_location_is_refused_with_a_message(user_client, plan):
    data = {**PLAN_POST, "location": "atlantis", "version": plan.version}
    response = user_client.post(reverse("plan_edit", args=[plan.pk]), data)
    assert response.status_code == 400
    assert "Choose a location from the list." in response.content.decode()
    plan.refresh_from_db()
    assert plan.location.slug == "seattle"


def test_failed_save_keeps_what_was_typed(user_client, plan):
    data = {**PLAN_POST, "title": "A new title", "years_experience": "abc", "version": plan.version}
    html = user_client.post(reverse("plan_edit", args=[plan.pk]), data).content.decode()
    assert 'value="A new title"' in html
    plan.refresh_from_db()
    assert plan.title == "Move to management"


def test_edit_saves_and_bumps_version(user_client, plan):
    data = {**PLAN_POST, "location": "london", "skills": ["nlp"], "version": plan.version}
    response = user_client.post(reverse("plan_edit", args=[plan.pk]), data)
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.location.slug == "london" and plan.version == 2
    assert [s.slug for s in plan.skills.all()] == ["nlp"]
    html = user_client.get(reverse("plan_detail", args=[plan.pk])).content.decode()
    assert "£" in html


def test_stale_edit_is_refused_with_a_conflict_and_keeps_the_input(user_client, plan):
    first = {**PLAN_POST, "title": "From tab one", "version": 1}
    second = {**PLAN_POST, "title": "From tab two", "version": 1}
    assert user_client.post(reverse("plan_edit", args=[plan.pk]), first).status_code == 302
    response = user_client.post(reverse("plan_edit", args=[plan.pk]), second)
    assert response.status_code == 409
    html = response.content.decode()
    assert "changed in another tab or window" in html
    assert 'value="From tab two"' in html
    plan.refresh_from_db()
    assert plan.title == "From tab one"
    # Saving again from the conflict page (now carrying the current version) goes through.
    resend = {**second, "version": plan.version}
    assert user_client.post(reverse("plan_edit", args=[plan.pk]), resend).status_code == 302


def test_preview_in_query_shows_unsaved_figures_without_saving(user_client, plan):
    url = reverse("plan_detail", args=[plan.pk])
    saved = steps(user_client.get(url).content.decode())
    query = {k: v for k, v in PLAN_POST.items() if k not in ("title", "notes")}
    previewed = user_client.get(url, {**query, "location": "sf-bay-area"}).content.decode()
    assert "Showing unsaved changes" in previewed
    assert steps(previewed)["senior"][0] > saved["senior"][0]
    plan.refresh_from_db()
    assert plan.location.slug == "seattle"


def test_htmx_request_gets_only_the_projection_partial(user_client, plan):
    url = reverse("plan_detail", args=[plan.pk])
    query = {k: v for k, v in PLAN_POST.items() if k not in ("title", "notes")}
    response = user_client.get(url, {**query, "industry": "technology-faang"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="projection"')
    assert "<html" not in html and 'name="title"' not in html
    assert steps(html)


def test_htmx_preview_with_bad_input_returns_422_with_the_message(user_client, plan):
    url = reverse("plan_detail", args=[plan.pk])
    response = user_client.get(url, {**PLAN_POST, "years_experience": "200"}, headers={"HX-Request": "true"})
    assert response.status_code == 422
    assert "Years of experience must be 50 or fewer." in response.content.decode()


def test_duplicate_copies_inputs_and_skills(user_client, user, plan):
    response = user_client.post(reverse("plan_duplicate", args=[plan.pk]))
    copy = Plan.objects.exclude(pk=plan.pk).get(owner=user)
    assert response.url == reverse("plan_edit", args=[copy.pk])
    assert copy.title == "Move to management (copy)"
    assert sorted(s.slug for s in copy.skills.all()) == ["deep-learning", "nlp"]


def test_delete_asks_then_deletes(user_client, plan):
    url = reverse("plan_delete", args=[plan.pk])
    assert "cannot be undone" in user_client.get(url).content.decode()
    response = user_client.post(url, follow=True)
    assert "Plan “Move to management” deleted." in response.content.decode()
    assert not Plan.objects.filter(pk=plan.pk).exists()


def test_plan_list_shows_own_plans_only_with_names(user_client, plan, make_plan, other_user):
    make_plan(other_user, title="Someone else's plan")
    html = user_client.get(reverse("plan_list")).content.decode()
    assert "Move to management" in html and "Seattle" in html and "Finance/Fintech" in html
    assert "Someone else" not in html


def test_plan_list_paginates(user_client, user, make_plan):
    for i in range(25):
        make_plan(user, title=f"Plan {i:02d}")
    first = user_client.get(reverse("plan_list")).content.decode()
    second = user_client.get(reverse("plan_list"), {"page": 2}).content.decode()
    assert first.count("data-plan=") == 20 and second.count("data-plan=") == 5
    assert "Page 1 of 2" in first


@pytest.mark.parametrize(
    "name", ["plan_detail", "plan_edit", "plan_delete", "plan_share", "projection_json", "projection_csv"]
)
def test_other_users_get_404_and_anonymous_users_the_login_page(client, other_user, plan, name):
    url = reverse(name, args=[plan.pk])
    response = client.get(url)
    assert response.status_code == 302 and response.url.startswith(reverse("account_login"))
    client.force_login(other_user)
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("name", ["plan_edit", "plan_duplicate", "plan_delete", "plan_share"])
def test_other_users_cannot_post_to_a_plan(client, other_user, plan, name):
    client.force_login(other_user)
    assert client.post(reverse(name, args=[plan.pk]), PLAN_POST).status_code == 404
    plan.refresh_from_db()
    assert plan.title == "Move to management"
    assert Plan.objects.count() == 1


def test_what_if_and_other_locations_are_linked_and_shown(user_client, plan):
    page = user_client.get(reverse("plan_detail", args=[plan.pk])).content.decode()
    options = r'<div class="options" data-load-when-seen>\s*<p class="js-hide"><a href="([^"]+)"'
    link = unescape(re.search(options, page)[1])
    html = user_client.get(link).content.decode()  # without JavaScript, the link's page
    assert 'data-what-if="reinforcement-learning"' in html
    assert 'data-what-if="phd"' in html
    assert 'data-what-if="nlp"' not in html  # already has it
    assert 'data-location="bangalore"' in html and "₹" in html


def test_chart_is_inline_svg_with_a_table(user_client, plan):
    html = user_client.get(reverse("plan_detail", args=[plan.pk])).content.decode()
    assert "<svg" in html and "<rect" in html
    assert "The chart as a table" in html


def test_each_plan_page_shows_its_own_inputs(user_client, user, make_plan):
    """The rendered inputs are cached by their values: two plans must never share them."""
    london = make_plan(user, location="london", skills=["nlp"], years_experience="7", notes="Ask about relocation")
    bangalore = make_plan(user, location="bangalore", skills=["reinforcement-learning"], years_experience="2")
    for _ in range(2):  # the second round is served from the cache
        for plan, location, skill, years in (
            (london, "london", "nlp", "7"),
            (bangalore, "bangalore", "reinforcement-learning", "2"),
        ):
            html = user_client.get(reverse("plan_detail", args=[plan.pk])).content.decode()
            assert ("Ask about relocation</textarea>" in html) == (plan == london)
            assert re.search(rf'<option value="{location}" selected>', html)
            assert re.search(rf'value="{skill}"[^>]*checked', html)
            assert f'name="years_experience" value="{years}"' in html
            assert (
                len(re.findall(r"<option [^>]*selected>", html)) == 10
            )  # one per select (horizon, money and freelance clients too), no more
