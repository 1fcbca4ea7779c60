"""Log in, "remember me", log out, where the user lands afterwards, and who reaches the admin."""

import pytest
from django.contrib.messages import get_messages
from django.test import override_settings
from django.urls import reverse

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def log_in(client, email="ada@example.com", password=PASSWORD, **extra):
    return client.post(reverse("account_login"), {"login": email, "password": password, **extra})


def logged_in_id(client):
    return client.session.get("_auth_user_id")


def test_login_page_is_in_the_site_layout_with_labelled_fields(client):
    response = client.get(reverse("account_login"))

    html = response.content.decode()
    assert "<title>Log in · CareerPath</title>" in html
    assert "<h1>Log in</h1>" in html
    assert 'class="skip-link"' in html
    assert '<label for="id_login">Email:</label>' in html
    assert '<label for="id_password">Password:</label>' in html
    remember = '<input type="checkbox" name="remember" id="id_remember">'
    assert f'<label for="id_remember">{remember} Remember me</label>' in html
    assert 'href="/accounts/password/reset/"' in html
    assert "style=" not in html and "<script>" not in html


def test_login_lands_on_the_plan_list(client, user):
    response = log_in(client)

    assert response.status_code == 302
    assert response["Location"] == reverse("plan_list")
    assert logged_in_id(client) == str(user.pk)


def test_login_changes_the_session_key(client, user):
    before = client.session.session_key
    assert before

    log_in(client)

    after = client.session.session_key
    assert after and after != before


def test_login_follows_a_local_next(client, user):
    response = log_in(client, next="/plans/compare/?a=1")

    assert response["Location"] == "/plans/compare/?a=1"


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/", "https:evil.example"])
def test_login_ignores_an_off_site_next(client, user, next_url):
    response = log_in(client, next=next_url)

    assert response.status_code == 302
    assert response["Location"] == reverse("plan_list")


def test_login_page_carries_next_into_the_form(client):
    response = client.get(reverse("account_login"), {"next": "/plans/new/"})

    assert '<input type="hidden" name="next" value="/plans/new/">' in response.content.decode()


def test_wrong_password_shows_an_error_and_does_not_log_in(client, user):
    response = log_in(client, password="not-my-password")

    assert response.status_code == 200
    html = response.content.decode()
    assert "The email address and/or password you specified are not correct." in html
    assert 'role="alert"' in html
    assert logged_in_id(client) is None


def test_without_remember_me_the_session_ends_when_the_browser_closes(client, user):
    log_in(client)

    assert client.session.get_expire_at_browser_close() is True


def test_with_remember_me_the_session_outlives_the_browser(client, user):
    log_in(client, remember="on")

    assert client.session.get_expire_at_browser_close() is False


def test_logout_by_get_only_asks_for_confirmation(user_client, user):
    response = user_client.get(reverse("account_logout"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Log out · CareerPath</title>" in html
    assert f'<form method="post" action="{reverse("account_logout")}"' in html
    assert logged_in_id(user_client) == str(user.pk)


def test_logout_by_post_logs_out_and_goes_home(user_client):
    response = user_client.post(reverse("account_logout"))

    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert logged_in_id(user_client) is None
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["You have logged out."]


def test_account_pages_send_anonymous_visitors_to_login_with_next(client):
    response = client.get(reverse("account_change_password"))

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={reverse('account_change_password')}"


@override_settings(ACCOUNT_RATE_LIMITS={"login": "3/m/ip"})
def test_login_attempts_are_rate_limited(client, user):
    for _ in range(3):
        assert log_in(client, password="guess").status_code == 200

    response = log_in(client)  # even the right password waits

    assert response.status_code == 429
    assert "Too many attempts. Please wait a minute and try again." in response.content.decode()
    assert logged_in_id(client) is None


@override_settings(ACCOUNT_RATE_LIMITS={"login_failed": "10/m/ip,2/5m/key"})
def test_repeated_failures_for_one_email_lock_it_for_a_while(client, user):
    for _ in range(2):
        log_in(client, password="guess")

    response = log_in(client)

    assert response.status_code == 200
    assert "Too many failed login attempts. Try again later." in response.content.decode()
    assert logged_in_id(client) is None


def test_admin_sends_a_normal_user_to_the_admin_login(user_client):
    response = user_client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_admin_sends_anonymous_visitors_to_the_admin_login(client):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_admin_opens_for_staff(client, make_user):
    staff = make_user("staff@example.com", is_staff=True)
    client.force_login(staff)

    response = client.get("/admin/")

    assert response.status_code == 200
