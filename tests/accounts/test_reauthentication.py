"""A stolen session alone cannot take an account over, and the owner hears of every change.

The takeover this replays (with only a session cookie): add an attacker's address on
/accounts/email/, confirm it, make it primary, remove the owner's address, then reset the password
through the new address. Each email step now asks for the password first
(ACCOUNT_REAUTHENTICATION_REQUIRED); password change and account deletion ask for the current one in
their forms. Email and password changes send a notice to the address that was primary before
(ACCOUNT_EMAIL_NOTIFICATIONS).
"""

from urllib.parse import urlencode

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

ATTACKER = "mallory@evil.example"
NEW_PASSWORD = "violet-harbour-compass-58"
REAUTHENTICATE = f"{reverse('account_reauthenticate')}?{urlencode({'next': reverse('account_email')})}"


@pytest.fixture
def stolen_session(client, user):
    """A client holding the owner's session cookie, as a thief would: logged in, no password typed."""
    client.force_login(user)
    return client


@pytest.fixture
def second_address(user):
    return EmailAddress.objects.create(user=user, email="ada@work.example", verified=True, primary=False)


def addresses(user) -> set[tuple[str, bool, bool]]:
    return set(EmailAddress.objects.filter(user=user).values_list("email", "verified", "primary"))


def reauthenticate(client, password=PASSWORD):
    return client.post(reverse("account_reauthenticate"), {"password": password, "next": reverse("account_email")})


def test_takeover_with_a_stolen_session_stops_at_adding_an_address(stolen_session, user, mailoutbox):
    before = addresses(user)

    response = stolen_session.post(reverse("account_email"), {"action_add": "", "email": ATTACKER})

    assert response.status_code == 302
    assert response["Location"] == REAUTHENTICATE
    assert addresses(user) == before
    assert not EmailAddress.objects.filter(email=ATTACKER).exists()
    assert mailoutbox == []  # no confirmation link went to the attacker


@pytest.mark.parametrize("action", ["action_primary", "action_remove"])
def test_making_primary_or_removing_an_address_asks_for_the_password(stolen_session, user, second_address, action):
    before = addresses(user)

    response = stolen_session.post(reverse("account_email"), {action: "", "email": second_address.email})

    assert response["Location"] == REAUTHENTICATE
    assert addresses(user) == before


def test_password_change_and_account_deletion_still_need_the_current_password(stolen_session, user):
    change = stolen_session.post(
        reverse("account_change_password"),
        {"oldpassword": "a-guess", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    delete = stolen_session.post(reverse("account_delete"), {"password": "a-guess"})

    assert change.status_code == 200
    assert delete.status_code == 400
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_reauthenticate_page_is_in_the_site_layout_under_the_strict_policy(stolen_session):
    response = stolen_session.get(REAUTHENTICATE)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Confirm it is you · CareerPath</title>" in html
    assert "<h1>Confirm it is you</h1>" in html
    assert 'class="skip-link"' in html
    assert '<label for="id_password">Password:</label>' in html
    assert '<input type="hidden" name="next" value="/accounts/email/">' in html
    assert "style=" not in html and "<script>" not in html
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_a_wrong_password_does_not_let_the_change_through(stolen_session, user):
    stolen_session.post(reverse("account_email"), {"action_add": "", "email": ATTACKER})

    response = reauthenticate(stolen_session, password="a-guess")

    assert response.status_code == 200
    assert "Incorrect password." in response.content.decode()
    assert not EmailAddress.objects.filter(email=ATTACKER).exists()


def test_the_right_password_carries_out_the_change_that_asked_for_it(stolen_session, user, mailoutbox):
    stolen_session.post(reverse("account_email"), {"action_add": "", "email": "ada@work.example"})

    response = reauthenticate(stolen_session)

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email")
    assert ("ada@work.example", False, False) in addresses(user)
    assert [message.to for message in mailoutbox] == [["ada@work.example"]]  # its confirmation link
    # For the next few minutes the password is not asked again.
    stolen_session.post(reverse("account_email"), {"action_add": "", "email": "ada@home.example"})
    assert EmailAddress.objects.filter(user=user, email="ada@home.example").exists()


# Notices to the owner


def test_changing_the_primary_address_tells_the_old_one(stolen_session, user, second_address, mailoutbox):
    reauthenticate(stolen_session)

    stolen_session.post(reverse("account_email"), {"action_primary": "", "email": second_address.email})

    [notice] = mailoutbox
    assert notice.to == [user.email]
    assert notice.subject == "[CareerPath] Your email address was changed"
    assert f"changed from {user.email} to ada@work.example" in notice.body
    assert "If it was not you" in notice.body


def test_removing_an_address_tells_the_primary_one(stolen_session, user, second_address, mailoutbox):
    reauthenticate(stolen_session)

    stolen_session.post(reverse("account_email"), {"action_remove": "", "email": second_address.email})

    [notice] = mailoutbox
    assert notice.to == [user.email]
    assert notice.subject == "[CareerPath] An email address was removed from your account"
    assert "ada@work.example was removed" in notice.body


def test_changing_the_password_tells_the_owner(stolen_session, user, mailoutbox):
    stolen_session.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
        HTTP_USER_AGENT="Firefox/140",
    )

    [notice] = mailoutbox
    assert notice.to == [user.email]
    assert notice.subject == "[CareerPath] Your password was changed"
    assert "Your password was changed." in notice.body
    assert "Browser: Firefox/140" in notice.body


def test_resetting_the_password_tells_the_owner(client, user, mailoutbox):
    client.post(reverse("account_reset_password"), {"email": user.email})
    [reset_link_mail] = mailoutbox
    link = next(word for word in reset_link_mail.body.split() if "/accounts/password/reset/key/" in word)
    form = client.get(link.split("testserver", 1)[1], follow=True)
    client.post(form.redirect_chain[-1][0], {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    notice = mailoutbox[-1]
    assert notice.to == [user.email]
    assert notice.subject == "[CareerPath] Your password was reset"
