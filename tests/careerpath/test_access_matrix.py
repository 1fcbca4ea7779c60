"""Who reaches what: every URL that names a plan, a share link or a token, tried by its owner, by
another user, by a staff member who does not own it, and by an anonymous visitor.

Only the owner sees or changes anything. Another user and non-owner staff get a plain 404 (the same
answer as for a plan that does not exist, so ids cannot be probed) and nothing changes. Anonymous
visitors are sent to the log-in page. A live share token shows the plan to anyone, read-only.
"""

import re
from dataclasses import dataclass
from urllib.parse import quote, urlencode

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from careerpath.models import Plan, ShareLink
from tests.factories import PLAN_POST

pytestmark = pytest.mark.django_db

PREVIEW = {**{k: v for k, v in PLAN_POST.items() if k not in ("title", "notes")}, "location": "london"}


@dataclass
class World:
    owner: object
    other: object
    staff: object
    plan: Plan
    second: Plan
    link: ShareLink


@pytest.fixture
def world(make_user, make_plan):
    owner = make_user("owner@example.com")
    other = make_user("other@example.com")
    staff = make_user("staff@example.com", is_staff=True)
    plan = make_plan(owner, title="Owner’s private plan", notes="owner's private note")
    second = make_plan(owner, title="Owner’s second plan")
    make_plan(other, title="Other’s own plan")
    make_plan(other, title="Other’s second plan")
    link = ShareLink.objects.create(plan=plan)
    return World(owner, other, staff, plan, second, link)


def edit_data(w: World) -> dict:
    return {**PLAN_POST, "title": "Changed by someone", "version": w.plan.version}


# name: (method, url, POST data, what the owner gets)
CASES = {
    "plan_detail": ("get", lambda w: reverse("plan_detail", args=[w.plan.pk]), None, 200),
    "plan_detail preview": (
        "get",
        lambda w: reverse("plan_detail", args=[w.plan.pk]) + "?" + urlencode(PREVIEW, doseq=True),
        None,
        200,
    ),
    "plan_edit GET": ("get", lambda w: reverse("plan_edit", args=[w.plan.pk]), None, 200),
    "plan_edit POST": ("post", lambda w: reverse("plan_edit", args=[w.plan.pk]), edit_data, 302),
    "plan_duplicate": ("post", lambda w: reverse("plan_duplicate", args=[w.plan.pk]), None, 302),
    "plan_delete GET": ("get", lambda w: reverse("plan_delete", args=[w.plan.pk]), None, 200),
    "plan_delete POST": ("post", lambda w: reverse("plan_delete", args=[w.plan.pk]), None, 302),
    "plan_share GET": ("get", lambda w: reverse("plan_share", args=[w.plan.pk]), None, 200),
    "plan_share POST": ("post", lambda w: reverse("plan_share", args=[w.plan.pk]), None, 302),
    "share_revoke": ("post", lambda w: reverse("share_revoke", args=[w.plan.pk, w.link.pk]), None, 302),
    "projection_json": ("get", lambda w: reverse("projection_json", args=[w.plan.pk]), None, 200),
    "projection_csv": ("get", lambda w: reverse("projection_csv", args=[w.plan.pk]), None, 200),
    "plan_compare a/b": (
        "get",
        lambda w: reverse("plan_compare") + f"?a={w.plan.pk}&b={w.second.pk}",
        None,
        200,
    ),
}


def state(w: World) -> dict:
    """Everything a request by someone else must leave untouched."""
    return {
        "plans": sorted(Plan.objects.values_list("id", "owner_id", "title", "version", "location_id")),
        "links": sorted(ShareLink.objects.values_list("id", "plan_id", "revoked")),
    }


def send(client, w: World, case: str):
    method, url, data, _ = CASES[case]
    payload = data(w) if data else {}
    return getattr(client, method)(url(w), payload) if method == "post" else client.get(url(w))


@pytest.mark.parametrize("case", CASES)
def test_owner_gets_the_page_or_the_change(client, world, case):
    client.force_login(world.owner)

    response = send(client, world, case)

    assert response.status_code == CASES[case][3]


@pytest.mark.parametrize("who", ["other", "staff"])
@pytest.mark.parametrize("case", CASES)
def test_anyone_but_the_owner_gets_404_and_changes_nothing(client, world, case, who):
    client.force_login(getattr(world, who))
    before = state(world)

    response = send(client, world, case)

    assert response.status_code == 404
    html = response.content.decode()
    assert "Owner’s private plan" not in html and "private note" not in html
    assert state(world) == before


@pytest.mark.parametrize("case", CASES)
def test_anonymous_visitors_are_sent_to_log_in(client, world, case):
    before = state(world)

    response = send(client, world, case)

    assert response.status_code == 302
    path = CASES[case][1](world)
    assert response["Location"] == f"{reverse('account_login')}?next={quote(path, safe='/')}"
    assert state(world) == before


def test_missing_plans_get_the_same_404_as_other_peoples(client, world):
    client.force_login(world.other)

    mine_missing = client.get(reverse("plan_detail", args=[999_999]))
    theirs = client.get(reverse("plan_detail", args=[world.plan.pk]))

    assert mine_missing.status_code == theirs.status_code == 404
    assert mine_missing.content == theirs.content


def test_compare_with_one_plan_of_someone_else_is_404(client, world):
    own = Plan.objects.filter(owner=world.other).first()
    client.force_login(world.other)

    for query in (f"a={own.pk}&b={world.plan.pk}", f"a={world.plan.pk}&b={own.pk}"):
        response = client.get(f"{reverse('plan_compare')}?{query}")
        assert response.status_code == 404
        assert "Owner’s private plan" not in response.content.decode()


def test_compare_chooser_lists_only_your_own_plans(client, world):
    client.force_login(world.other)

    html = client.get(reverse("plan_compare")).content.decode()

    assert "Other’s own plan" in html and "Other’s second plan" in html
    assert "Owner’s" not in html


def test_plan_list_shows_only_your_own_plans(client, world):
    client.force_login(world.staff)

    html = client.get(reverse("plan_list")).content.decode()

    assert "Owner’s" not in html and "Other’s" not in html


def test_revoking_a_link_through_another_plan_of_yours_is_404(client, world):
    """The link id must belong to the plan in the URL, not only the plan to the user."""
    own = Plan.objects.filter(owner=world.other).first()
    client.force_login(world.other)

    response = client.post(reverse("share_revoke", args=[own.pk, world.link.pk]))

    assert response.status_code == 404
    world.link.refresh_from_db()
    assert world.link.revoked is None


# Share tokens --------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["owner", "other", "staff", "anonymous"])
def test_a_live_share_token_shows_the_plan_read_only_to_anyone(client, world, who):
    if who != "anonymous":
        client.force_login(getattr(world, who))

    response = client.get(reverse("shared_plan", args=[world.link.token]))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Owner’s private plan" in html
    assert "private note" not in html and world.owner.email not in html
    forms = re.findall(r"<form[^>]*>", html.split("<main", 1)[1])
    assert all('method="get"' in form for form in forms)  # nothing to submit, only to read ("why" is a GET)
    assert reverse("plan_edit", args=[world.plan.pk]) not in html


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_a_share_token_cannot_change_anything(client, world, method):
    before = state(world)

    response = getattr(client, method)(reverse("shared_plan", args=[world.link.token]))

    assert response.status_code == 405
    assert state(world) == before


@pytest.mark.parametrize(
    "token",
    ["revoked", "not-a-token", "a" * 32, "%00", "../plans/1", "<script>alert(1)</script>"],
)
def test_revoked_or_unknown_tokens_are_404(client, world, token):
    if token == "revoked":
        link = ShareLink.objects.create(plan=world.plan)
        client.force_login(world.owner)
        client.post(reverse("share_revoke", args=[world.plan.pk, link.pk]))
        client.logout()
        token = link.token

    response = client.get(f"/s/{quote(token)}/")

    assert response.status_code == 404
    assert "Owner’s private plan" not in response.content.decode()


def test_a_token_opens_only_its_own_plan(client, world):
    html = client.get(reverse("shared_plan", args=[world.link.token])).content.decode()

    assert "Owner’s second plan" not in html


# Account pages -------------------------------------------------------------------------------------

ACCOUNT_PAGES = ["account_overview", "account_export", "account_delete", "account_change_password", "account_email"]


@pytest.mark.parametrize("name", ACCOUNT_PAGES)
def test_account_pages_send_anonymous_visitors_to_log_in(client, name):
    response = client.get(reverse(name))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_account_export_holds_only_your_own_data(client, world):
    client.force_login(world.other)

    export = client.get(reverse("account_export")).json()

    assert export["account"]["email"] == "other@example.com"
    assert [plan["title"] for plan in export["plans"]] == ["Other’s own plan", "Other’s second plan"]
    assert world.link.token not in str(export)


def test_deleting_your_account_leaves_other_accounts_alone(client, world):
    from tests.factories import PASSWORD

    client.force_login(world.other)

    response = client.post(reverse("account_delete"), {"password": PASSWORD})

    assert response.status_code == 302
    assert not Plan.objects.filter(title="Other’s own plan").exists()
    assert Plan.objects.filter(owner=world.owner).count() == 2
    assert ShareLink.objects.filter(pk=world.link.pk).exists()


# Admin ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["anonymous", "owner"])
def test_only_staff_reach_the_admin(client, world, who):
    if who != "anonymous":
        client.force_login(getattr(world, who))

    for url in (reverse("admin:index"), reverse("admin:careerpath_plan_change", args=[world.plan.pk])):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))


def test_staff_reach_the_admin_index(client, world):
    client.force_login(world.staff)

    assert client.get(reverse("admin:index")).status_code == 200


def test_staff_without_permission_cannot_open_a_plan_in_admin(client, world):
    client.force_login(world.staff)

    response = client.get(reverse("admin:careerpath_plan_change", args=[world.plan.pk]))

    assert response.status_code == 403
    assert "Owner’s private plan" not in response.content.decode()


def test_staff_with_view_permission_see_plans_in_admin_for_support(client, world):
    world.staff.user_permissions.add(Permission.objects.get(codename="view_plan"))
    client.force_login(world.staff)

    response = client.get(reverse("admin:careerpath_plan_change", args=[world.plan.pk]))

    assert response.status_code == 200
    assert "Owner’s private plan" in response.content.decode()
