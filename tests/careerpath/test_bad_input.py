"""Random and hostile input to every form and htmx endpoint: never a 500, always a message, and what
a person typed comes back escaped.

Hypothesis generates huge strings, any Unicode (NUL bytes included), negative and enormous numbers,
unknown slugs, missing fields, lists where one value is expected, and script payloads. Each endpoint
gets a modest number of examples so the suite stays fast.
"""

from html import escape
from urllib.parse import quote

import pytest
from django.core.cache import cache
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerpath.models import Plan
from careerpath.profiles import PROFILE_FIELDS
from tests.factories import PASSWORD, PLAN_POST

pytestmark = pytest.mark.django_db

EXAMPLES = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg/onload=alert(1)>",
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    '" autofocus onfocus="alert(1)',
    "' onmouseover='alert(1)",
]
# Raw forms of the payloads that must never reach a page unescaped. (The bare quote payloads are
# checked by their tails: a quote alone appears legitimately in any HTML.)
DANGEROUS = ["<script>alert(1)", "<img src=x onerror", "<svg/onload", "</textarea><script", "</title><script"]
DANGEROUS += ['" autofocus onfocus="', "' onmouseover='"]

hostile = st.sampled_from(PAYLOADS)
huge = st.integers(min_value=200, max_value=100_000).map(lambda n: ("x" * 7 + "é") * (n // 8))
numbers = st.one_of(
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.sampled_from(["-1", "0", "51", "32767", "32768", "65536", "2147483648", "9" * 5000, "1e308", "NaN", "inf"]),
    st.sampled_from(["-0", "4.0", "4.5", "٣", "0x10", "1_000", " 4 ", "", "\x00", "4\x00"]),
)
slugs = st.sampled_from(["mid", "seattle", "london", "phd", "onsite", "nlp", "management", "atlantis", "MID", "mid "])
text = st.text(max_size=200)
scalar = st.one_of(text, hostile, huge, numbers, slugs, st.just("\x00" * 3))
value = st.one_of(scalar, st.lists(scalar, min_size=0, max_size=4))


def form_data(fields):
    """A form's fields, each missing, a scalar, or a list of values."""
    return st.fixed_dictionaries({}, optional=dict.fromkeys(fields, value))


def typed_values(data: dict) -> list[str]:
    values = []
    for item in data.values():
        values.extend(item if isinstance(item, list) else [item])
    return [str(v) for v in values]


def assert_handled(response, data: dict | None = None):
    """2xx/3xx/4xx, a message when refused, and every typed value escaped in HTML."""
    assert response.status_code < 500, response.status_code
    content_type = response.get("Content-Type", "")
    if not content_type.startswith("text/html"):
        return
    html = response.content.decode()
    assert "Traceback" not in html
    if response.status_code in (400, 422):
        assert "error-summary" in html or "errorlist" in html or "<h1>Bad request</h1>" in html
    for typed in typed_values(data or {}):
        for raw in DANGEROUS:
            if raw in typed:
                assert raw not in html, raw


@pytest.fixture
def no_rate_limits(settings):
    settings.ACCOUNT_RATE_LIMITS = False
    cache.clear()
    yield
    cache.clear()


PROFILE = [*PROFILE_FIELDS, "title", "notes", "version", "csrfmiddlewaretoken", "unexpected"]
HX = {"HTTP_HX_REQUEST": "true"}


# Plans -------------------------------------------------------------------------------------------


@EXAMPLES
@given(data=form_data(PROFILE))
def test_new_plan_survives_any_input(user_client, data):
    response = user_client.post(reverse("plan_new"), data)

    assert_handled(response, data)


@EXAMPLES
@given(changes=form_data(PROFILE))
def test_new_plan_survives_bad_values_among_good_ones(user_client, changes):
    data = {**PLAN_POST, **changes}

    response = user_client.post(reverse("plan_new"), data)

    assert_handled(response, data)


@EXAMPLES
@given(changes=form_data(PROFILE))
def test_plan_edit_survives_any_input(user_client, plan, changes):
    plan.refresh_from_db()
    data = {**PLAN_POST, "version": str(plan.version), **changes}

    response = user_client.post(reverse("plan_edit", args=[plan.pk]), data)

    assert_handled(response, data)


@EXAMPLES
@given(query=form_data(PROFILE_FIELDS), htmx=st.booleans())
def test_estimate_survives_any_query(client, query, htmx):
    response = client.get(reverse("estimate"), query, **(HX if htmx else {}))

    assert_handled(response, query)


@EXAMPLES
@given(changes=form_data(PROFILE_FIELDS), htmx=st.booleans())
def test_plan_preview_survives_any_query(user_client, plan, changes, htmx):
    query = {**{k: v for k, v in PLAN_POST.items() if k in PROFILE_FIELDS}, **changes}

    response = user_client.get(reverse("plan_detail", args=[plan.pk]), query, **(HX if htmx else {}))

    assert_handled(response, query)


@EXAMPLES
@given(changes=form_data(PROFILE_FIELDS))
def test_new_plan_preview_survives_any_query(user_client, changes):
    query = {**{k: v for k, v in PLAN_POST.items() if k in PROFILE_FIELDS}, **changes}

    response = user_client.get(reverse("plan_new"), query, **HX)

    assert_handled(response, query)


@EXAMPLES
@given(query=form_data(["a", "b", "page"]))
def test_compare_and_plan_list_survive_any_query(user_client, plan, query):
    assert_handled(user_client.get(reverse("plan_compare"), query), query)
    assert_handled(user_client.get(reverse("plan_list"), query), query)


@EXAMPLES
@given(plan_id=st.one_of(st.integers(min_value=0, max_value=10**30), st.just(2**63), st.just(2**64)))
def test_any_plan_id_in_the_address_is_a_404_not_a_crash(user_client, plan_id):
    for name in ("plan_detail", "plan_edit", "plan_share", "projection_json", "projection_csv"):
        response = user_client.get(reverse(name, args=[plan_id]))
        assert response.status_code == 404
    assert user_client.post(reverse("plan_duplicate", args=[plan_id])).status_code == 404


@EXAMPLES
@given(token=st.one_of(text, hostile, huge).filter(lambda t: t and "/" not in t))
def test_any_share_token_is_a_404_not_a_crash(client, token):
    response = client.get(f"/s/{quote(token, safe='')}/")

    assert response.status_code == 404
    assert_handled(response, {"token": token})


@pytest.mark.parametrize("path", ["/s/%00/", "/s/abc%00def/", "/s/" + "a" * 65 + "/", "/s/%E2%80%AE/"])
def test_share_addresses_no_token_could_have_are_404(client, path):
    """PostgreSQL refuses NUL bytes in text outright, so these never reach the database."""
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("number", ["9223372036854775808", "-9223372036854775809", "9" * 5000, "1e9", "0"])
def test_compare_with_ids_beyond_any_integer_column_is_404(user_client, plan, number):
    for query in ({"a": number, "b": plan.pk}, {"a": plan.pk, "b": number}):
        assert user_client.get(reverse("plan_compare"), query).status_code == 404


# Accounts ----------------------------------------------------------------------------------------

EMAILS = st.one_of(
    st.emails().map(str), text, hostile, huge, st.sampled_from(["ada@example.com", "a@b", "@", "x\x00@example.com"])
)


@EXAMPLES
@given(
    data=st.fixed_dictionaries({}, optional={"login": st.one_of(EMAILS, value), "password": value, "remember": value})
)
def test_login_survives_any_input(client, user, no_rate_limits, data):
    cache.clear()

    response = client.post(reverse("account_login"), data)

    assert_handled(response, data)
    assert "_auth_user_id" not in client.session


@EXAMPLES
@given(
    data=st.fixed_dictionaries({}, optional={"email": st.one_of(EMAILS, value), "password1": value, "password2": value})
)
def test_signup_survives_any_input(client, no_rate_limits, data):
    cache.clear()

    response = client.post(reverse("account_signup"), data)

    assert_handled(response, data)


@EXAMPLES
@given(data=st.fixed_dictionaries({}, optional={"email": st.one_of(EMAILS, value)}))
def test_password_reset_survives_any_input(client, user, no_rate_limits, data):
    cache.clear()

    response = client.post(reverse("account_reset_password"), data)

    assert_handled(response, data)


@EXAMPLES
@given(
    uid=st.one_of(st.from_regex(r"\A[0-9A-Za-z]{1,30}\Z"), st.just("zzzzzzzzzzzzzzzzzzzzzz")),
    key=st.one_of(text, hostile, huge).filter(lambda k: k and "/" not in k),
    post=st.booleans(),
)
def test_password_reset_link_survives_any_key(client, user, no_rate_limits, uid, key, post):
    cache.clear()
    url = f"/accounts/password/reset/key/{uid}-{quote(key, safe='')}/"

    response = client.post(url, {"password1": "x", "password2": "y"}) if post else client.get(url)

    assert_handled(response, {"key": key})


@EXAMPLES
@given(data=st.fixed_dictionaries({}, optional={"oldpassword": value, "password1": value, "password2": value}))
def test_password_change_survives_any_input(user_client, user, no_rate_limits, data):
    cache.clear()

    response = user_client.post(reverse("account_change_password"), data)

    assert_handled(response, data)
    user.refresh_from_db()
    assert user.check_password(PASSWORD)  # nothing random can be the right old password


@EXAMPLES
@given(data=st.fixed_dictionaries({"password": scalar}))
def test_account_delete_survives_any_input(user_client, user, no_rate_limits, data):
    cache.clear()

    response = user_client.post(reverse("account_delete"), data)

    assert_handled(response, data)
    assert type(user).objects.filter(pk=user.pk).exists()


def test_account_delete_with_no_fields_explains_itself(user_client, user):
    response = user_client.post(reverse("account_delete"), {})

    assert response.status_code == 400
    assert "error-summary" in response.content.decode()
    assert type(user).objects.filter(pk=user.pk).exists()


# Wrong shapes ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ('{"title": "<script>alert(1)</script>", "years_experience": [1, 2]}', "application/json"),
        ("\x00\xff garbage", "application/octet-stream"),
        ('--broken\r\nContent-Disposition: form-data; name="title"\r\n\r\nx', "multipart/form-data; boundary=broken"),
        ("title=%ZZ&years_experience=%00", "application/x-www-form-urlencoded"),
    ],
)
def test_a_body_that_is_not_a_form_is_refused_with_a_message(user_client, user, body, content_type):
    response = user_client.post(reverse("plan_new"), body, content_type=content_type)

    assert 400 <= response.status_code < 500
    assert not Plan.objects.filter(owner=user).exists()


# Stored payloads come back escaped everywhere ----------------------------------------------------


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_hostile_title_and_notes_are_shown_escaped_on_every_page(user_client, client, user, payload):
    data = {**PLAN_POST, "title": f"Plan {payload}", "notes": f"Note {payload}"}
    response = user_client.post(reverse("plan_new"), data, follow=True)
    plan = Plan.objects.get(owner=user)
    assert plan.title == f"Plan {payload}"  # kept exactly as typed, escaped only when shown
    link = plan.share_links.create()
    other = user_client.post(reverse("plan_new"), {**PLAN_POST, "title": "Second"})
    second = Plan.objects.get(owner=user, title="Second")
    assert other.status_code == 302

    pages = {
        "saved message": response,
        "plan page": user_client.get(reverse("plan_detail", args=[plan.pk])),
        "edit page": user_client.get(reverse("plan_edit", args=[plan.pk])),
        "plan list": user_client.get(reverse("plan_list")),
        "share page": user_client.get(reverse("plan_share", args=[plan.pk])),
        "delete page": user_client.get(reverse("plan_delete", args=[plan.pk])),
        "compare": user_client.get(reverse("plan_compare"), {"a": plan.pk, "b": second.pk}),
        "compare chooser": user_client.get(reverse("plan_compare")),
        "shared page": client.get(link.get_absolute_url()),
    }
    for name, page in pages.items():
        html = page.content.decode()
        assert page.status_code == 200, name
        assert payload not in html, name
        assert escape(f"Plan {payload}") in html, name


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_hostile_value_in_a_refused_form_comes_back_escaped(user_client, payload):
    data = {**PLAN_POST, "title": payload, "years_experience": payload, "location": payload}

    response = user_client.post(reverse("plan_new"), data)

    assert response.status_code == 400
    html = response.content.decode()
    assert payload not in html
    assert f'value="{escape(payload)}"' in html  # what was typed is kept, escaped
    assert "Choose a location from the list." in html


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_hostile_email_at_login_comes_back_escaped(client, no_rate_limits, payload):
    response = client.post(reverse("account_login"), {"login": payload, "password": "x"})

    assert response.status_code == 200
    html = response.content.decode()
    assert payload not in html
    assert escape(payload) in html


def test_a_nul_byte_in_text_is_refused_with_a_message(user_client, user):
    response = user_client.post(reverse("plan_new"), {**PLAN_POST, "title": "A\x00B", "notes": "C\x00D"})

    assert response.status_code == 400
    assert "Null characters are not allowed." in response.content.decode()
    assert not Plan.objects.filter(owner=user).exists()


@pytest.mark.parametrize("years", ["99999999999999999999", "32768", "-1"])
def test_years_beyond_the_range_are_refused_before_the_database(user_client, user, years):
    response = user_client.post(reverse("plan_new"), {**PLAN_POST, "years_experience": years})

    assert response.status_code == 400
    assert "Years of experience" in response.content.decode()
    assert not Plan.objects.filter(owner=user).exists()


@pytest.mark.parametrize("year", ["99999999999999999999", "32768", "1999"])
def test_target_years_beyond_the_range_are_refused_before_the_database(user_client, user, year):
    response = user_client.post(reverse("plan_new"), {**PLAN_POST, "target_year": year})

    assert response.status_code == 400
    assert "Choose a target year between" in response.content.decode()


@pytest.mark.parametrize("version", [None, "", "0", "-1", "99999999999999999999", "two"])
def test_an_edit_without_a_sound_version_never_overwrites_the_plan(user_client, plan, version):
    """Optimistic locking holds for any version field: missing or wrong means stale, never saved."""
    data = {**PLAN_POST, "title": "Overwritten?"}
    if version is not None:
        data["version"] = version

    response = user_client.post(reverse("plan_edit", args=[plan.pk]), data)

    assert response.status_code in (400, 409)
    html = response.content.decode()
    assert 'value="Overwritten?"' in html  # what was typed is kept on the page
    plan.refresh_from_db()
    assert plan.title == "Move to management" and plan.version == 1
