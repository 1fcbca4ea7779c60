"""The checks of `make chaos`, against a running server (scripts/chaos.sh starts it).

1. Load: wrk (2 threads, 64 connections, 30 s) on the home page, the estimate partial (htmx) and a
   logged-in plan page. Passes with no 5xx, no other non-2xx/3xx and no socket errors.
2. Faults: a plan is saved; PostgreSQL is stopped while requests go on. Passes if every page answers
   the friendly 503 ("can't reach its database", no traceback, no 500), if the app answers 200 again
   within a few seconds of PostgreSQL's restart without being restarted itself, and if the saved plan
   is still there.

Standard library only. Prints a PASS/FAIL summary; exits 1 on failure.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import shlex
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

FRIENDLY = "can’t reach its database"
LEAKS = ("Traceback", "OperationalError", "InterfaceError", "psycopg", "Connection refused")
RECOVERY_LIMIT = 10.0  # seconds after PostgreSQL accepts connections again
ESTIMATE = {
    "current_level": "mid",
    "years_experience": "4",
    "location": "seattle",
    "industry": "technology-faang",
    "company_type": "large",
    "education": "masters",
    "skills": ["deep-learning", "cloud-platforms"],
    "work_mode": "onsite",
    "target_track": "",
    "target_year": "",
}
PLAN = {**ESTIMATE, "industry": "finance-fintech", "target_track": "management", "notes": ""}


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: str


class Browser:
    """A client that keeps cookies itself: the server marks them Secure, and this is plain HTTP."""

    def __init__(self, base: str):
        parts = urlsplit(base)
        self.host, self.port = parts.hostname, parts.port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, data: dict | None = None, headers: dict | None = None) -> Response:
        connection = http.client.HTTPConnection(self.host, self.port, timeout=10)
        sent = {"Host": self.host, **(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data, doseq=True)
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=sent)
            raw = connection.getresponse()
            text = raw.read().decode("utf-8", "replace")
            for header, value in raw.getheaders():
                if header.lower() == "set-cookie":
                    name, _, rest = value.partition("=")
                    self.cookies[name.strip()] = rest.split(";", 1)[0]
            return Response(raw.status, {k.lower(): v for k, v in raw.getheaders()}, text)
        finally:
            connection.close()

    def get(self, path: str, **headers) -> Response:
        return self.request("GET", path, headers=headers)

    def post_form(self, path: str, data: dict) -> Response:
        """POST the way the page's own form would: with the token the page carries."""
        page = self.get(path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.body).group(1)
        return self.request("POST", path, {**data, "csrfmiddlewaretoken": token})

    def cookie_header(self) -> str:
        return "; ".join(f"{k}={v}" for k, v in self.cookies.items())


@dataclass
class Report:
    failures: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)

    def check(self, ok: bool, message: str) -> bool:
        self.lines.append(f"  {'ok  ' if ok else 'FAIL'}  {message}")
        print(self.lines[-1], flush=True)
        if not ok:
            self.failures.append(message)
        return ok


# Phase 1: load -----------------------------------------------------------------------------------

WRK_SCRIPT = """
local paths = {%(paths)s}
local cookies = {%(cookies)s}
local htmx = {%(htmx)s}
local counter = 0
local threads = {}
server_errors = 0
setup = function(thread) table.insert(threads, thread) end
request = function()
  counter = counter %% #paths + 1
  local headers = {}
  if cookies[counter] ~= "" then headers["Cookie"] = cookies[counter] end
  if htmx[counter] then headers["HX-Request"] = "true" end
  return wrk.format("GET", paths[counter], headers)
end
response = function(status, headers, body)
  if status >= 500 then server_errors = server_errors + 1 end
end
done = function(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("server_errors") end
  io.write(string.format("5xx responses: %%d\\n", total))
end
"""


def run_load(base: str, work: Path, plan_path: str, browser: Browser, report: Report) -> None:
    targets = [
        ("/", "", False),
        ("/estimate/?" + urlencode(ESTIMATE, doseq=True), "", True),
        (plan_path, browser.cookie_header(), False),
    ]
    for path, cookie, htmx in targets:
        answer = Browser(base)
        answer.cookies = dict(browser.cookies) if cookie else {}
        status = answer.get(path, **({"HX-Request": "true"} if htmx else {})).status
        report.check(status == 200, f"before the load, GET {path[:60]} answers 200 (got {status})")

    def lua_list(items):
        return ", ".join(items)

    script = work / "rotate.lua"
    script.write_text(
        WRK_SCRIPT
        % {
            "paths": lua_list(f'"{p}"' for p, _, _ in targets),
            "cookies": lua_list(f'"{c}"' for _, c, _ in targets),
            "htmx": lua_list("true" if h else "false" for _, _, h in targets),
        }
    )
    command = ["wrk", "-t2", "-c64", "-d30s", "--timeout", "10s", "--latency", "-s", str(script), base]
    print(f"\n$ {shlex.join(command)}", flush=True)
    output = subprocess.run(command, capture_output=True, text=True, check=False).stdout
    print(output, flush=True)

    requests = re.search(r"(\d+) requests in", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    sockets = re.search(r"Socket errors: (.*)", output)
    server_errors = re.search(r"5xx responses: (\d+)", output)
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    report.check(
        bool(requests) and int(requests.group(1)) > 0, f"wrk sent {requests.group(1) if requests else 0} requests"
    )
    report.check(server_errors is not None and server_errors.group(1) == "0", "no 5xx responses under load")
    report.check(non_2xx is None, f"no non-2xx/3xx responses ({non_2xx.group(1) if non_2xx else 0})")
    report.check(sockets is None, f"no socket errors ({sockets.group(1) if sockets else 'none'})")
    if rate:
        report.lines.append(f"        {rate.group(1)} requests/s")


# Phase 2: faults ---------------------------------------------------------------------------------


@dataclass
class Sample:
    at: float
    path: str
    status: int  # 0 when the connection itself failed
    body: str


class Poller:
    """Keeps requesting pages, the way visitors would, while the database goes away and comes back."""

    def __init__(self, base: str, cookies: dict, paths: list[tuple[str, bool]]):
        self.base, self.cookies, self.paths = base, cookies, paths
        self.samples: list[Sample] = []
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self.run, args=(i,), daemon=True) for i in range(4)]

    def run(self, offset: int):
        browser = Browser(self.base)
        browser.cookies = dict(self.cookies)
        turn = offset
        while not self.stop.is_set():
            path, htmx = self.paths[turn % len(self.paths)]
            turn += 1
            try:
                response = browser.get(path, **({"HX-Request": "true"} if htmx else {}))
                sample = Sample(time.monotonic(), path, response.status, response.body)
            except OSError as error:
                sample = Sample(time.monotonic(), path, 0, repr(error))
            with self.lock:
                self.samples.append(sample)
            time.sleep(0.05)

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for thread in self.threads:
            thread.join()

    def between(self, start: float, end: float) -> list[Sample]:
        with self.lock:
            return [s for s in self.samples if start <= s.at <= end]


def shell(command: str) -> None:
    subprocess.run(shlex.split(command), check=True)


def run_faults(base: str, args, browser: Browser, report: Report) -> None:
    saved = browser.post_form("/plans/new/", {**PLAN, "title": "Committed before the outage"})
    location = saved.headers.get("location", "")
    report.check(
        saved.status == 302 and "/plans/" in location, f"a plan is saved by POST ({saved.status} → {location})"
    )
    plan_path = urlsplit(location).path
    paths = [
        ("/", False),
        (plan_path, False),
        ("/estimate/?" + urlencode(ESTIMATE, doseq=True), True),
        ("/healthz", False),
    ]

    form = browser.get("/plans/new/").body
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)

    with Poller(base, browser.cookies, paths) as poller:
        time.sleep(2)
        before_stop = time.monotonic()
        print(f"\n$ {args.pg_stop}", flush=True)
        shell(args.pg_stop)
        stopped = time.monotonic()
        time.sleep(1)
        typed = {**PLAN, "title": "Typed during the outage", "csrfmiddlewaretoken": token}
        attempt = browser.request("POST", "/plans/new/", typed)
        time.sleep(4)
        outage_end = time.monotonic()
        print(f"$ {args.pg_start}", flush=True)
        shell(args.pg_start)
        for _ in range(80):
            if subprocess.run(shlex.split(args.pg_ready), check=False).returncode == 0:
                break
            time.sleep(0.25)
        ready = time.monotonic()
        recovered_at = None
        while time.monotonic() - ready < 30:
            time.sleep(0.2)
            latest = {}
            for sample in poller.between(ready, time.monotonic()):
                latest[sample.path] = sample.status
            if len(latest) == len(paths) and all(status == 200 for status in latest.values()):
                recovered_at = time.monotonic()
                break
        time.sleep(1)

    everything = poller.between(0, float("inf"))
    outage = poller.between(stopped + 0.5, outage_end)
    statuses = sorted({s.status for s in outage})
    print(f"\n  {len(everything)} requests while PostgreSQL went away and came back; during the outage: {statuses}")
    report.check(
        bool(outage) and all(s.status == 503 for s in outage),
        f"every request during the outage got 503 ({len(outage)})",
    )
    pages = [s for s in outage if s.path != "/healthz"]
    report.check(bool(pages) and all(FRIENDLY in s.body for s in pages), "each page answered the friendly 503 page")
    report.check(
        all(s.body.startswith('{"status": "error"') for s in outage if s.path == "/healthz"),
        "/healthz answered 503 with status error",
    )
    report.check(
        not [s for s in everything if s.status >= 500 and s.status != 503], "no 500 (or other 5xx) at any time"
    )
    report.check(not [s for s in everything if s.status == 0], "no failed connections: the workers stayed up")
    leaked = [s for s in everything if any(word in s.body for word in LEAKS)]
    report.check(not leaked, "no traceback or driver error shown to anyone")
    report.check(
        attempt.status == 503 and FRIENDLY in attempt.body,
        f"a save during the outage got the 503 page ({attempt.status})",
    )
    early = [s for s in poller.between(before_stop - 2, before_stop) if s.status != 200]
    report.check(not early, "every request before the outage got 200")

    took = (recovered_at - ready) if recovered_at else None
    report.check(
        took is not None and took <= RECOVERY_LIMIT,
        f"recovered on its own: every page 200 again {took:.1f}s after PostgreSQL was back"
        if took is not None
        else "recovered on its own (it did not, within 30s)",
    )
    page = browser.get(plan_path)
    report.check(
        page.status == 200 and "Committed before the outage" in page.body, "the plan saved before the outage is there"
    )
    plans = browser.get("/plans/")
    report.check("Typed during the outage" not in plans.body, "nothing half-saved from the request during the outage")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True)
    parser.add_argument("--work", required=True, type=Path)
    parser.add_argument("--pg-stop", required=True)
    parser.add_argument("--pg-start", required=True)
    parser.add_argument("--pg-ready", required=True)
    args = parser.parse_args()
    report = Report()
    started = time.monotonic()

    browser = Browser(args.base)
    browser.get("/accounts/login/")
    logged_in = browser.post_form(
        "/accounts/login/", {"login": os.environ["CHAOS_EMAIL"], "password": os.environ["CHAOS_PASSWORD"]}
    )
    if not report.check(logged_in.status == 302 and "sessionid" in browser.cookies, "logged in over a real session"):
        return finish(report, started)
    first = browser.post_form("/plans/new/", {**PLAN, "title": "Under load"})
    plan_path = urlsplit(first.headers.get("location", "")).path
    if not report.check(first.status == 302 and plan_path.startswith("/plans/"), f"a plan to load ({plan_path})"):
        return finish(report, started)

    for title, phase in (
        ("1. Load", lambda: run_load(args.base, args.work, plan_path, browser, report)),
        ("2. PostgreSQL stopped and restarted under requests", lambda: run_faults(args.base, args, browser, report)),
    ):
        print(f"\n== {title}", flush=True)
        try:
            phase()
        except Exception as error:  # a broken step is a failed check, reported with the others
            report.check(False, f"{title} could not finish: {error!r}")
    return finish(report, started)


def finish(report: Report, started: float) -> int:
    print(f"\n== Summary ({time.monotonic() - started:.0f}s)")
    print("\n".join(report.lines))
    if report.failures:
        print(f"\nCHAOS FAIL: {len(report.failures)} check(s) failed")
        return 1
    print("\nCHAOS PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
