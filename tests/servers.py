"""Real servers for the tests that need processes of their own: gunicorn against a database of its own,
driven over HTTP by a browser-like client that reads and submits the page's forms."""

import contextlib
import http.cookiejar
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from tests.factories import PASSWORD

ROOT = Path(__file__).resolve().parent.parent
SERVER_START_TIMEOUT = 20


def run_manage(database_url: str, *args: str, **env: str) -> str:
    """Run manage.py in a process of its own against `database_url`; its output."""
    environment = {**os.environ, "DATABASE_URL": database_url, "DEBUG": "1", **env}
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def is_postgres(url: str) -> bool:
    return url.startswith(("postgres://", "postgresql://"))


@contextlib.contextmanager
def empty_database(folder: Path, name: str = "scratch") -> Iterator[str]:
    """The URL of a new, empty database: a SQLite file in `folder`, or a throwaway PostgreSQL
    database (dropped afterwards) when DATABASE_URL names PostgreSQL."""
    configured = os.environ.get("DATABASE_URL", "")
    if not is_postgres(configured):
        yield f"sqlite:///{folder / f'{name}.sqlite3'}"
        return
    import psycopg

    parts = urllib.parse.urlsplit(configured)
    database = f"careerpath_{name}_{secrets.token_hex(4)}"
    admin_url = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{database}"')
    try:
        yield parts._replace(path=f"/{database}").geturl()
    finally:
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


@contextlib.contextmanager
def site_database(folder: Path, name: str = "site") -> Iterator[str]:
    """A new database with the migrations and the salary data, for servers in other processes."""
    with empty_database(folder, name) as url:
        run_manage(url, "migrate", "--noinput", "-v0")
        run_manage(url, "loaddata", "compensation", "-v0")
        yield url


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def gunicorn_servers(count: int, folder: Path, **env: str) -> Iterator[list[str]]:
    """`count` gunicorn processes (one worker each) on loopback ports; their base URLs.

    `env` is added to the environment (DATABASE_URL, REDIS_URL ...); REDIS_URL is dropped unless given.
    """
    environment = {**os.environ, "DEBUG": "1", "LOG_LEVEL": "WARNING", **env}
    if "REDIS_URL" not in env:
        environment.pop("REDIS_URL", None)
    processes, bases, logs = [], [], []
    try:
        for number in range(count):
            port = free_port()
            log = folder / f"gunicorn-{number}.log"
            logs.append(log)
            command = [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}"]
            # One worker; gunicorn's default control socket path is shared by every server on the machine.
            command += ["--workers", "1", "--no-control-socket"]
            with log.open("w") as output:
                processes.append(
                    subprocess.Popen(command, cwd=ROOT, env=environment, stdout=output, stderr=subprocess.STDOUT)
                )
            bases.append(f"http://127.0.0.1:{port}")
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        for base, process, log in zip(bases, processes, logs, strict=True):
            while WebClient(base).ping() is None:
                assert process.poll() is None, log.read_text()
                assert time.monotonic() < deadline, f"{base} did not start:\n{log.read_text()}"
                time.sleep(0.1)
        yield bases
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@dataclass
class Page:
    status: int
    headers: dict[str, str]
    text: str

    @property
    def location(self) -> str:
        return self.headers.get("Location", "")


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class WebClient:
    """A browser-like HTTP client for a real server: keeps cookies, sends the CSRF token, never
    follows redirects (tests look at them). Clients given the same `jar` share a session."""

    def __init__(self, base: str, jar: http.cookiejar.CookieJar | None = None, host: str | None = None) -> None:
        self.base = base
        self.host = host  # the Host a load balancer passes on, the same whichever process answers
        self.jar = jar if jar is not None else http.cookiejar.CookieJar()
        self._opener = urllib.request.build_opener(
            urllib.request.ProxyHandler({}),  # loopback: never through a proxy
            urllib.request.HTTPCookieProcessor(self.jar),
            _NoRedirects(),
        )

    def request(self, method: str, path: str, data: list[tuple[str, str]] | dict | None = None) -> Page:
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body, method=method)  # noqa: S310 (http)
        if self.host:
            request.add_header("Host", self.host)
        if method == "POST":
            request.add_header("Referer", self.base + path)  # Django checks it on HTTPS only; browsers send it
        try:
            with self._opener.open(request, timeout=30) as response:
                return Page(response.status, dict(response.headers), response.read().decode())
        except urllib.error.HTTPError as error:
            return Page(error.code, dict(error.headers), error.read().decode())

    def get(self, path: str) -> Page:
        return self.request("GET", path)

    def ping(self) -> int | None:
        try:
            return self.get("/healthz").status
        except OSError:
            return None

    def cookie(self, name: str) -> str | None:
        return next((cookie.value for cookie in self.jar if cookie.name == name), None)

    def submit(self, path: str, changes: dict | None = None, *, form_action: str | None = None) -> Page:
        """GET `path`, fill its POST form (the one posting to `form_action`, or the first) with what the
        page put there plus `changes`, and post it, as a person pressing the form's button does."""
        page = self.get(path)
        assert page.status == 200, (path, page.status)
        return self.post_form(page.text, path, changes, form_action=form_action)

    def post_form(self, html: str, path: str, changes: dict | None = None, *, form_action: str | None = None) -> Page:
        forms = [form for form in html_forms(html) if form.method == "post"]
        if form_action is not None:
            forms = [form for form in forms if form.action == form_action]
        assert forms, f"no POST form{f' to {form_action}' if form_action else ''} on {path}"
        form = forms[0]
        changes = changes or {}
        fields = [(name, value) for name, value in form.fields if name not in changes]
        for name, value in changes.items():
            fields += [(name, item) for item in value] if isinstance(value, list) else [(name, value)]
        return self.request("POST", form.action or path, fields)

    def log_in(self, email: str, password: str = PASSWORD) -> Page:
        return self.submit("/accounts/login/", {"login": email, "password": password})


@dataclass
class HtmlForm:
    action: str
    method: str
    fields: list[tuple[str, str]]


class _FormReader(HTMLParser):
    """The forms of a page with the values a browser would submit (checked boxes, selected options)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[HtmlForm] = []
        self._select: str | None = None
        self._textarea: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        if tag == "form":
            self.forms.append(HtmlForm(attributes.get("action", ""), attributes.get("method", "get").lower(), []))
            return
        if not self.forms or "name" not in attributes or "disabled" in attributes:
            if tag == "option" and self._select and "selected" in attributes:
                self.forms[-1].fields.append((self._select, attributes.get("value", "")))
            return
        name = attributes["name"]
        if tag == "input":
            kind = attributes.get("type", "text").lower()
            if kind in ("checkbox", "radio") and "checked" not in attributes:
                return
            if kind in ("submit", "button", "image", "file", "reset"):
                return
            self.forms[-1].fields.append((name, attributes.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "select":
            self._select = name
        elif tag == "textarea":
            self._textarea, self._text = name, []

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            self.forms[-1].fields.append((self._textarea, "".join(self._text).removeprefix("\n")))
            self._textarea = None

    def handle_data(self, data):
        if self._textarea is not None:
            self._text.append(data)


def html_forms(html: str) -> list[HtmlForm]:
    reader = _FormReader()
    reader.feed(html)
    reader.close()
    return reader.forms
