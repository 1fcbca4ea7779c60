"""One person's digest never stops the others' (issue 24, item 1): a bad title, a refused address or any
other error is logged with the user id, the run goes on, the exit status counts the failures, and a
digest is recorded as sent only once it went."""

import logging
import smtplib

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import CommandError, call_command

from accounts.models import DataChangeAlert, DigestSent
from accounts.services import send_data_change_digests
from careerpath.models import Plan
from tests.builders import change_band

pytestmark = pytest.mark.django_db

REFUSED = "refused@example.com"
BROKEN = "broken@example.com"


class RefusingBackend(EmailBackend):
    """The test outbox, but the mail server answers 550 for one address and breaks on another."""

    def send_messages(self, messages):
        for message in messages:
            if REFUSED in message.to:
                raise smtplib.SMTPRecipientsRefused({REFUSED: (550, b"5.1.1 No such user")})
            if BROKEN in message.to:
                raise RuntimeError("the mail server went away")
        return super().send_messages(messages)


@pytest.fixture
def refusing_mail(settings):
    settings.EMAIL_BACKEND = "tests.accounts.test_digest_robustness.RefusingBackend"


@pytest.fixture
def moved(make_user, make_plan):
    """Make people (in this order, so the first ones are written to first) whose Seattle plans move 7 %."""

    def make(*emails):
        people = []
        for email in emails:
            person = make_user(email)
            make_plan(person, title=f"Plan of {email}", location="seattle")
            DataChangeAlert.objects.create(user=person, threshold=5)
            people.append(person)
        change_band("location-seattle", "2026 survey: Seattle", min_amount=145000, max_amount=192000)
        return people

    return make


def test_a_title_with_a_line_break_already_saved_still_gets_a_one_line_subject_and_the_run_goes_on(moved):
    first, _ = moved("first@example.com", "second@example.com")
    Plan.objects.filter(owner=first).update(title="Lead\r\nBcc: everyone@example.com")

    call_command("send_data_change_digests", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert [m.to for m in mail.outbox] == [["first@example.com"], ["second@example.com"]]
    subject = mail.outbox[0].subject
    assert subject == "[CareerPath] The salary data changed: “Lead Bcc: everyone@example.com” moved"
    assert "\n" not in subject and "\r" not in subject
    assert DigestSent.objects.count() == 2


def test_a_refused_address_is_logged_and_counted_and_everyone_else_gets_theirs(moved, refusing_mail, caplog):
    refused, broken, _ = moved(REFUSED, BROKEN, "fine@example.com")

    with caplog.at_level(logging.ERROR, logger="accounts.services"), pytest.raises(CommandError) as caught:
        call_command("send_data_change_digests", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert [m.to for m in mail.outbox] == [["fine@example.com"]]
    assert caught.value.returncode == 2  # the exit status: how many failed
    assert str(caught.value) == (
        f"Version 2: 1 digest sent, 2 failed (user ids {refused.pk}, {broken.pk}; see the log)."
    )
    logged = [record.getMessage() for record in caplog.records]
    assert f"The data-change digest of version 2 to user {refused.pk} failed" in logged
    assert f"The data-change digest of version 2 to user {broken.pk} failed" in logged
    # Only the digest that went is recorded: the others are tried again on the next run.
    assert list(DigestSent.objects.values_list("user__email", flat=True)) == ["fine@example.com"]


def test_a_failed_digest_goes_on_the_next_run_once_the_server_takes_it(moved, settings):
    settings.EMAIL_BACKEND = "tests.accounts.test_digest_robustness.RefusingBackend"
    refused, fine = moved(REFUSED, "fine@example.com")
    report = send_data_change_digests()
    assert (report.sent, report.failed) == ([fine.pk], [refused.pk])

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    report = send_data_change_digests()

    assert (report.sent, report.failed) == ([refused.pk], [])
    assert [m.to for m in mail.outbox] == [["fine@example.com"], [REFUSED]]
    assert DigestSent.objects.filter(user=refused, data_version=2).exists()


def test_a_run_without_failures_exits_0_with_its_summary(moved, capsys):
    moved("fine@example.com")

    call_command("send_data_change_digests")

    assert capsys.readouterr().out == "Version 2: 1 digest sent.\n"


def test_the_body_comes_from_the_template_with_each_plan_and_its_link(moved):
    (person,) = moved("fine@example.com")
    Plan.objects.filter(owner=person).update(title="R&D <lead>")

    send_data_change_digests()

    body = mail.outbox[0].body
    assert body.startswith("The salary data behind CareerPath changed, and it moves these plans of yours:\n")
    assert "\nR&D <lead>\n" in body  # plain text: not HTML-escaped
    assert "because the Seattle band changed from $135,000 – $180,000 to $145,000 – $192,000" in body
    assert f"/plans/{Plan.objects.get(owner=person).pk}/" in body
