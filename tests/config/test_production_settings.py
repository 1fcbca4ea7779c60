"""Production mode (DEBUG=0): refuses to start half-configured, passes Django's deploy checks, and
keeps secrets out of the repository and out of the logs.

Settings are read once per process, so production mode is exercised in a subprocess.
"""

import json
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from tests.factories import PASSWORD

BASE_DIR = Path(settings.BASE_DIR)
GOOD_KEY = "x7!Qm2#Lp9$Vr4^Tz8&Kc1*Nw6(Hd3)Jf5_Bg0+Ys-Ua=Oe]Il["  # 50 characters, test only


def production(env: dict[str, str], *args: str, code: str | None = None) -> subprocess.CompletedProcess:
    """Run manage.py (or a Python snippet) with DEBUG=0 and only the given settings variables."""
    base = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "ALLOWED_HOSTS", "DEBUG")}
    base.update({"DEBUG": "0", "DJANGO_SETTINGS_MODULE": "config.settings", **env})
    command = [sys.executable, "-c", code] if code else [sys.executable, "manage.py", *args]
    return subprocess.run(command, cwd=BASE_DIR, env=base, capture_output=True, text=True, timeout=120)


# Refusing to start ---------------------------------------------------------------------------------


def test_production_refuses_to_start_without_a_secret_key():
    result = production({"ALLOWED_HOSTS": "example.com"}, "check")

    assert result.returncode != 0
    assert "ImproperlyConfigured: With DEBUG=0, set SECRET_KEY" in result.stderr


def test_production_refuses_a_short_secret_key():
    result = production({"ALLOWED_HOSTS": "example.com", "SECRET_KEY": "too-short"}, "check")

    assert result.returncode != 0
    assert "ImproperlyConfigured: With DEBUG=0, set SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = production({"SECRET_KEY": GOOD_KEY}, "check")

    assert result.returncode != 0
    assert "ImproperlyConfigured: With DEBUG=0, set ALLOWED_HOSTS" in result.stderr


def test_a_debug_value_that_is_not_a_boolean_is_refused():
    result = production({"DEBUG": "maybe", "SECRET_KEY": GOOD_KEY, "ALLOWED_HOSTS": "example.com"}, "check")

    assert result.returncode != 0
    assert "ImproperlyConfigured: DEBUG must be 0 or 1, not 'maybe'" in result.stderr


def test_a_misspelt_email_verification_mode_is_refused():
    env = {"SECRET_KEY": GOOD_KEY, "ALLOWED_HOSTS": "example.com", "ACCOUNT_EMAIL_VERIFICATION": "mandtory"}
    result = production(env, "check")

    assert result.returncode != 0
    assert "ACCOUNT_EMAIL_VERIFICATION must be mandatory, optional or none, not 'mandtory'" in result.stderr


def test_the_wsgi_application_refuses_too():
    code = "import config.wsgi"

    result = production({"ALLOWED_HOSTS": "example.com"}, code=code)

    assert result.returncode != 0
    assert "With DEBUG=0, set SECRET_KEY" in result.stderr


# Deploy checks and what production turns on --------------------------------------------------------


def test_deploy_checks_report_nothing():
    result = production(
        {"SECRET_KEY": GOOD_KEY, "ALLOWED_HOSTS": "example.com"}, "check", "--deploy", "--fail-level", "WARNING"
    )

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


PROBE = """
import json
import django
django.setup()
from django.conf import settings
from django.test import Client
from django.test.utils import setup_test_environment
setup_test_environment()
client = Client()
health_https = client.get("/healthz", secure=True)
health_http = client.get("/healthz")
page_http = client.get("/methodology/")
names = ["DEBUG", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY", "SESSION_COOKIE_SAMESITE",
         "CSRF_COOKIE_SAMESITE", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS",
         "SECURE_HSTS_PRELOAD", "SECURE_PROXY_SSL_HEADER", "X_FRAME_OPTIONS", "SECURE_CONTENT_TYPE_NOSNIFF"]
print(json.dumps({
    "settings": {name: getattr(settings, name) for name in names},
    "health_https": [health_https.status_code, health_https.get("Strict-Transport-Security")],
    "health_http": health_http.status_code,
    "page_http": [page_http.status_code, page_http.get("Location")],
}))
"""


@pytest.fixture(scope="module")
def probed(tmp_path_factory):
    database = tmp_path_factory.mktemp("prod") / "probe.sqlite3"
    env = {"SECRET_KEY": GOOD_KEY, "ALLOWED_HOSTS": "example.com", "DATABASE_URL": f"sqlite:///{database}"}
    result = production(env, code=PROBE)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_cookies_are_secure_httponly_and_samesite(probed):
    values = probed["settings"]

    assert values["DEBUG"] is False
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["SESSION_COOKIE_HTTPONLY"] is True
    assert values["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert values["CSRF_COOKIE_SAMESITE"] == "Lax"


def test_production_sends_hsts_for_a_year_with_subdomains_and_preload(probed):
    status, hsts = probed["health_https"]

    assert status == 200
    assert hsts == "max-age=31536000; includeSubDomains; preload"
    assert probed["settings"]["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_production_redirects_http_to_https_except_the_health_check(probed):
    assert probed["page_http"] == [301, "https://testserver/methodology/"]
    assert probed["health_http"] == 200  # a load balancer probing over plain HTTP is answered


# Secrets stay out of the repository ----------------------------------------------------------------

SECRET_PATTERNS = {
    "private key": re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----"),
    "AWS access key": re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"),
    "GitHub token": re.compile(r"\bgh[pousr]_[A-Za-z0-9]{36}\b"),
    "Slack token": re.compile(r"\bxox[abprs]-[A-Za-z0-9-]{10,}"),
    "Stripe live key": re.compile(r"\b[sr]k_live_[A-Za-z0-9]{16,}"),
}
# `password = "…"`, `PASSWORD: '…'`, `SECRET_KEY="…"` with a literal value in application code.
ASSIGNED_SECRET = re.compile(r"""(?i)\b\w*(?:password|passwd|secret|api_key|token)\w*\s*[:=]\s*["']([^"'\s]{8,})["']""")
# Placeholders and local-only values that are meant to be public.
PUBLIC_VALUES = {
    "django-insecure-local-development-only",  # settings.py, DEBUG=1 only
    "demo-careerpath-2025",  # seed_demo's public demo account, refused with DEBUG=0
}


def repository_files() -> list[Path]:
    """Files git tracks plus new files not ignored: whatever the next commit could contain."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [BASE_DIR / name for name in listed.split("\0") if name and (BASE_DIR / name).is_file()]


def readable(path: Path) -> str | None:
    if path.stat().st_size > 2_000_000 or path.name.endswith((".min.js", ".min.css")):
        return None  # vendored bundles: third-party code, and long random-looking strings
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None  # binary (screenshots)


@pytest.fixture(scope="module")
def repository():
    if subprocess.run(["git", "rev-parse"], cwd=BASE_DIR, capture_output=True).returncode != 0:
        pytest.skip("not a git checkout")
    return [(path, text) for path in repository_files() if (text := readable(path)) is not None]


def test_no_key_files_are_in_the_repository(repository):
    names = [path.name for path, _ in repository]

    assert not [
        n for n in names if n == ".env" or n.endswith((".pem", ".key", ".p12", ".pfx")) or n.startswith("id_rsa")
    ]


def test_no_credentials_are_in_the_repository(repository):
    found = [
        f"{path.relative_to(BASE_DIR)}: {kind}"
        for path, text in repository
        for kind, pattern in SECRET_PATTERNS.items()
        if pattern.search(text)
    ]

    assert found == []


def test_application_code_assigns_no_literal_password_or_secret(repository):
    found = [
        f"{path.relative_to(BASE_DIR)}: {match.group(0)}"
        for path, text in repository
        if path.suffix == ".py" and "tests" not in path.relative_to(BASE_DIR).parts
        for match in ASSIGNED_SECRET.finditer(text)
        if match.group(1) not in PUBLIC_VALUES
    ]

    assert found == []


def test_the_secret_scanner_recognises_what_it_looks_for():
    fake_key = "AKIA" + "ABCDEFGHIJKLMNOP"
    fake_pem = "-----BEGIN " + "RSA PRIVATE KEY-----"

    assert SECRET_PATTERNS["AWS access key"].search(f"aws_access_key_id = {fake_key}")
    assert SECRET_PATTERNS["private key"].search(fake_pem)
    assert ASSIGNED_SECRET.search('EMAIL_HOST_PASSWORD = "hunter2hunter2"')
    assert not ASSIGNED_SECRET.search('EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")')


# Passwords and tokens never reach the logs --------------------------------------------------------


def test_logging_does_not_record_sql_or_request_bodies():
    loggers = settings.LOGGING.get("loggers", {})

    # SQL with its parameters (session data, password hashes) is logged only at DEBUG.
    assert loggers["django.db.backends"]["level"] != "DEBUG"
    for name, config in {**loggers, "root": settings.LOGGING["root"]}.items():
        for handler in config.get("handlers", []):
            assert settings.LOGGING["handlers"][handler]["class"] in (
                "logging.StreamHandler",
                "django.utils.log.AdminEmailHandler",
            ), name


@pytest.mark.django_db
def test_passwords_and_reset_tokens_never_appear_in_log_records(client, user, caplog, settings):
    settings.DEBUG = True  # the chattiest mode: Django logs every query's SQL and parameters
    cache.clear()
    new_password = "a-brand-new-secret-phrase-77"
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="django.db.backends")

    client.post(reverse("account_login"), {"login": user.email, "password": "a-wrong-password-31"})
    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    client.post(reverse("account_logout"))
    client.post(reverse("account_reset_password"), {"email": user.email})
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/key/\S+/)", mail.outbox[-1].body).group(1)
    token = link.rstrip("/").rsplit("/", 1)[-1].split("-", 1)[1]
    form_page = client.get(link, follow=True)
    set_password_url = form_page.redirect_chain[-1][0]
    done = client.post(set_password_url, {"password1": new_password, "password2": new_password})
    client.post(reverse("account_login"), {"login": user.email, "password": new_password})
    cache.clear()

    assert done.status_code == 302
    user.refresh_from_db()
    assert user.check_password(new_password)
    assert any(r.name == "django.db.backends" for r in caplog.records)  # the capture did see queries
    logged = "\n".join(
        f"{r.getMessage()} {r.args!r} {getattr(r, 'sql', '')} {getattr(r, 'params', '')}" for r in caplog.records
    )
    for secret in (PASSWORD, "a-wrong-password-31", new_password, token):
        assert secret not in logged


# Issue 33: a key of 32-49 characters was accepted (check --deploy only warned), and without EMAIL_HOST the
# console backend wrote password-reset links into the server's log.


@pytest.mark.parametrize("length", [32, 49])
def test_production_refuses_a_secret_key_under_50_characters(length):
    result = production({"ALLOWED_HOSTS": "example.com", "SECRET_KEY": GOOD_KEY[:length]}, "check")

    assert result.returncode != 0
    assert "set SECRET_KEY to a random string of 50+ characters" in result.stderr


RESET_WITHOUT_MAIL_SERVER = """
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.test import Client
user = get_user_model().objects.create_user(username="ada@example.com", email="ada@example.com", password="x")
EmailAddress.objects.create(user=user, email="ada@example.com", verified=True, primary=True)
client = Client()
answer = client.post("/accounts/password/reset/", {"email": "ada@example.com"}, secure=True,
                     HTTP_X_FORWARDED_PROTO="https")
print("STATUS", answer.status_code)
"""


def test_without_a_mail_server_production_warns_loudly_at_start_and_logs_no_reset_link(tmp_path):
    env = {"SECRET_KEY": GOOD_KEY, "ALLOWED_HOSTS": "testserver", "DATABASE_URL": f"sqlite:///{tmp_path / 'db'}"}
    env["EMAIL_HOST"] = ""

    result = production(env, code=RESET_WITHOUT_MAIL_SERVER)

    assert result.returncode == 0, result.stderr
    assert "STATUS 302" in result.stdout
    output = result.stdout + result.stderr
    assert "NO MAIL SERVER: EMAIL_HOST is not set" in result.stderr
    assert "An email was not sent" in result.stderr
    assert "/password/reset/key/" not in output and "ada@example.com" not in output


def test_with_a_mail_server_there_is_no_warning():
    result = production(
        {"SECRET_KEY": GOOD_KEY, "ALLOWED_HOSTS": "example.com", "EMAIL_HOST": "smtp.example.com"}, "check"
    )
    assert result.returncode == 0, result.stderr
    assert "NO MAIL SERVER" not in result.stderr
