"""The benchmark suite's measurements and its report; `scripts/bench.sh` runs it step by step.

Each step writes one JSON file into the results folder; `report` reads them all, checks every
target and writes docs/benchmarks.md. Steps that need Django run with the environment bench.sh
sets (production settings, PostgreSQL through DATABASE_URL).

    python scripts/bench.py engine RESULTS            # projections per second, engine only
    python scripts/bench.py setup RESULTS LABEL       # bench users, plans, a session, the varied inputs' data
    python scripts/bench.py panel RESULTS             # server time per uncached update (p50, p99)
    python scripts/bench.py scale RESULTS LABEL       # p50 latency of the pages that grow with data
    python scripts/bench.py varied_check RESULTS NAME # the varied-input wrk script's check run, read back
    python scripts/bench.py report RESULTS            # docs/benchmarks.md

SQL queries per page and page weight are tests (tests/careerpath/test_queries.py, tests/config/test_page_weight.py),
not benchmark steps.
"""

from __future__ import annotations

import datetime
import http.client
import json
import math
import os
import platform
import random
import re
import shlex
import statistics
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

OWNER = "bench-owner@example.com"
ADMIN = "bench-admin@example.com"
PROFILE = {
    "current_level": "mid",
    "years_experience": "4",
    "location": "seattle",
    "industry": "finance-fintech",
    "company_type": "large",
    "education": "masters",
    "skills": ["deep-learning", "nlp"],
    "work_mode": "onsite",
    "target_track": "management",
    "target_year": "",
}
MAX_SKILLS = 4  # skills per drawn profile: 0 to this many, as people tick a few boxes
ENGINE_PROFILES = 10_000
ENGINE_PASSES = 5
PANEL_PROFILES = 400  # uncached panels rendered in-process, each for a new profile
PANEL_WARMUP = 50
VIEW_REQUESTS = 200  # uncached live updates through Django's test client, per view
VIEW_WARMUP = 20
SCALE_REQUESTS = 50  # per page and round; bench.sh runs 4 rounds per database: 200 in all
SCALE_WARMUP = 10
PANEL_MARKER = "data-announce="  # in every rendered panel, never in its error state

BUSY_WARNING = 0.2
DRIFT_WARNING = 0.1  # the bare view at the end of the HTTP run differs this much from the start

# Issue 25: live updates are measured against the floor they cannot go below, the profile form alone
# (/bench/form/: validated, nothing projected), in the same gunicorn run; pages that can be served
# without that work against the bare view.
TARGETS = {
    "engine": 10_000,  # projections per CPU-second, one process, earnings included
    "panel_p50_ms": 1.2,  # uncached projection partial, engine + render, in-process
    "estimate_varied_vs_form": 0.5,
    "estimate_hit_vs_form": 0.8,
    "home_vs_bare": 0.5,
    "plan_varied_vs_bare_user": 0.45,
    "p99_ms": 100,
    "update_kb": 20,  # a live update's body, uncompressed (median over the panel profiles)
    "scale_ratio": 1.5,
}


def django_setup() -> None:
    import django

    django.setup()


def write(results: Path, name: str, data: dict) -> None:
    (results / f"{name}.json").write_text(json.dumps(data, indent=2))


def read(results: Path, name: str) -> dict | None:
    path = results / f"{name}.json"
    return json.loads(path.read_text()) if path.exists() else None


def query_string(profile: dict) -> str:
    return urllib.parse.urlencode(profile, doseq=True)


def percentile(samples: list[float], q: float) -> float:
    """The q-th percentile (0-100), nearest rank: p99 of 400 samples is the 396th smallest."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


# Varied inputs: what people really send -----------------------------------------------------------


def input_space(catalog, year: int) -> dict:
    """Every value the profile form accepts, from the database (the form's own choices)."""
    from careerpath.forms import MAX_YEARS, YEARS_AHEAD, ProfileForm

    fields = ProfileForm(catalog=catalog).fields

    def slugs(name: str) -> list[str]:
        values = []
        for value, label in fields[name].choices:  # levels come grouped by track: (track, [(slug, name), …])
            values += [str(v) for v, _ in label] if isinstance(label, (list, tuple)) else [str(value)]
        return [v for v in values if v != ""]

    return {
        **{
            name: slugs(name)
            for name in (
                "current_level",
                "location",
                "industry",
                "company_type",
                "education",
                "skills",
                "work_mode",
                "client_market",
                "target_track",
            )
        },
        "years": [0, MAX_YEARS],
        "target_year": [year, year + YEARS_AHEAD],
        "max_skills": MAX_SKILLS,
    }


def combinations(space: dict) -> int:
    """How many distinct profiles `draw` (and scripts/bench/varied.lua) can produce."""
    count = 1
    for name in ("current_level", "location", "industry", "company_type", "education", "work_mode", "client_market"):
        count *= len(space[name])
    count *= space["years"][1] - space["years"][0] + 1
    skills = len(space["skills"])
    count *= sum(math.comb(skills, k) for k in range(min(space["max_skills"], skills) + 1))
    count *= len(space["target_track"]) + 1  # or none
    count *= space["target_year"][1] - space["target_year"][0] + 2  # or none
    return count


def draw(rng: random.Random, space: dict) -> dict:
    """One random valid profile as the form sends it; scripts/bench/varied.lua draws the same way."""
    skills = rng.sample(space["skills"], rng.randint(0, min(space["max_skills"], len(space["skills"]))))
    return {
        "current_level": rng.choice(space["current_level"]),
        "years_experience": str(rng.randint(*space["years"])),
        "location": rng.choice(space["location"]),
        "industry": rng.choice(space["industry"]),
        "company_type": rng.choice(space["company_type"]),
        "education": rng.choice(space["education"]),
        "skills": skills,
        "work_mode": rng.choice(space["work_mode"]),
        "client_market": rng.choice(space["client_market"]),
        "target_track": rng.choice(space["target_track"]) if rng.random() < 0.5 else "",
        "target_year": str(rng.randint(*space["target_year"])) if rng.random() < 0.5 else "",
    }


def distinct_draws(rng: random.Random, space: dict, n: int) -> list[dict]:
    seen, drawn = set(), []
    while len(drawn) < n:
        profile = draw(rng, space)
        key = query_string({**profile, "skills": sorted(profile["skills"])})
        if key not in seen:
            seen.add(key)
            drawn.append(profile)
    return drawn


def _lua(value) -> str:
    if isinstance(value, list):
        return "{" + ", ".join(_lua(v) for v in value) + "}"
    if isinstance(value, int):
        return str(value)
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_lua_space(path: Path, space: dict) -> None:
    """The input space as a Lua table for scripts/bench/varied.lua (its DATA argument)."""
    body = ",\n".join(f"  {name} = {_lua(value)}" for name, value in space.items())
    header = "-- Written by scripts/bench.py setup from the database; read by scripts/bench/varied.lua."
    path.write_text(f"{header}\nreturn {{\n{body},\n}}\n")


def profile_of(values: dict):
    """A drawn profile as the engine takes it (what ProfileForm.profile() gives for valid input)."""
    from engine.profile import Profile

    return Profile(
        current_level=values["current_level"],
        years_experience=int(values["years_experience"]),
        location=values["location"],
        industry=values["industry"],
        company_type=values["company_type"],
        education=values["education"],
        skills=frozenset(values["skills"]),
        work_mode=values["work_mode"],
        client_market=values["client_market"],
        target_track=values["target_track"] or None,
        target_year=int(values["target_year"]) if values["target_year"] else None,
    )


# Engine ------------------------------------------------------------------------------------------


def engine(results: Path) -> None:
    """Projections per second over random valid profiles, single process (best of the passes)."""
    django_setup()
    from careerpath.clock import this_year
    from compensation.catalog import build_catalog, current_version
    from engine.projection import project

    catalog = build_catalog(current_version())
    year = this_year()
    space = input_space(catalog, year)
    rng = random.Random(7)
    profiles = [profile_of(draw(rng, space)) for _ in range(ENGINE_PROFILES)]
    passes, wall = [], []
    for _ in range(ENGINE_PASSES):
        cpu_started, wall_started = time.process_time(), time.perf_counter()
        for profile in profiles:
            for track in project(profile, catalog, year).tracks:
                track.earnings  # noqa: B018  (worked out when read: the figure counts them)
        passes.append(len(profiles) / (time.process_time() - cpu_started))
        wall.append(len(profiles) / (time.perf_counter() - wall_started))
    data = {"profiles": len(profiles), "passes": passes, "wall": wall, "per_second": max(passes)}
    write(results, "engine", data)
    print(f"engine: {max(passes):,.0f} projections per CPU-second (passes: {', '.join(f'{p:,.0f}' for p in passes)})")


def idle(results: Path, label: str) -> None:
    """How busy the CPUs are with other work, over two seconds when the suite runs nothing."""

    def ticks() -> tuple[int, int]:
        values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        return sum(values), values[3] + values[4]  # all, idle + iowait

    total, idle_ticks = ticks()
    time.sleep(2)
    total2, idle2 = ticks()
    busy = 1 - (idle2 - idle_ticks) / max(1, total2 - total)
    write(results, f"idle-{label}", {"busy": busy, "load": Path("/proc/loadavg").read_text().split()[0]})
    print(f"CPU busy with other work ({label}): {busy:.0%}")


# Setup: users, plans, a session, the varied inputs ------------------------------------------------


def setup(results: Path, label: str) -> None:
    """A person with five plans (and a share link), an admin, a session cookie for wrk, and the
    input space for scripts/bench/varied.lua. Prints shell assignments for bench.sh."""
    django_setup()
    from allauth.account.models import EmailAddress
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.middleware.csrf import _get_new_csrf_string
    from django.test import Client

    from careerpath import services
    from careerpath.clock import this_year
    from careerpath.forms import PlanForm
    from careerpath.models import Plan, ShareLink
    from careerpath.profiles import profile_from_values, query_of
    from careerpath.views.rendering import HOME_EXAMPLE
    from compensation.catalog import get_catalog

    User = get_user_model()

    def person(email: str, staff: bool) -> User:
        user, _ = User.objects.update_or_create(
            username=email, defaults={"email": email, "is_staff": staff, "is_superuser": staff}
        )
        EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
        return user

    owner, _admin = person(OWNER, staff=False), person(ADMIN, staff=True)
    catalog = get_catalog()
    plans = list(Plan.objects.filter(owner=owner).order_by("id"))
    for n in range(len(plans), 5):
        form = PlanForm({**PROFILE, "title": f"Bench plan {n}", "notes": ""}, catalog=catalog)
        assert form.is_valid(), form.errors
        plans.append(services.create_plan(owner, form.cleaned_data, catalog))
    link = ShareLink.objects.filter(plan=plans[0], revoked__isnull=True).first() or ShareLink.objects.create(
        plan=plans[0]
    )
    client = Client()
    client.force_login(owner)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    csrf = _get_new_csrf_string()  # a plan's live update is a POST: the cookie's token goes in X-CSRFToken

    space = input_space(catalog, this_year())
    lua = results / "varied-data.lua"
    write_lua_space(lua, space)
    data = {
        "plan": plans[0].pk,
        "other": plans[1].pk,
        "share": link.token,
        "session": session,
        "cookie": f"{settings.SESSION_COOKIE_NAME}={session}; {settings.CSRF_COOKIE_NAME}={csrf}",
        "csrf": csrf,
        "plan_preview": f"/plans/{plans[0].pk}/preview/",
        # The home page's own inputs as its form sends them: after the first request, a cache hit.
        "estimate_hit": f"/estimate/?{query_of(profile_from_values(HOME_EXAMPLE))}",
        "plan_page": f"/plans/{plans[0].pk}/",
        "varied_data": str(lua),
        "space": space,
        "combinations": combinations(space),
        "render_cache_entries": settings.CACHES["render"].get("OPTIONS", {}).get("MAX_ENTRIES", 300),
    }
    write(results, f"setup-{label}", data)
    for key in ("plan", "cookie", "csrf", "estimate_hit", "plan_page", "plan_preview", "varied_data"):
        print(f"{key}={shlex.quote(str(data[key]))}")


def _clients():
    from django.contrib.auth import get_user_model
    from django.test import Client

    User = get_user_model()
    anonymous = Client(SERVER_NAME="127.0.0.1")
    owner = Client(SERVER_NAME="127.0.0.1")
    owner.force_login(User.objects.get(username=OWNER))
    admin = Client(SERVER_NAME="127.0.0.1")
    admin.force_login(User.objects.get(username=ADMIN))
    return anonymous, owner, admin


def _get(client, url: str, headers: dict):
    response = client.get(url, headers=headers)
    if response.status_code != 200:
        raise SystemExit(f"GET {url} answered {response.status_code}, not 200")
    return response


def _summary(samples: list[float]) -> dict:
    return {
        "n": len(samples),
        "p50_ms": statistics.median(samples),
        "p99_ms": percentile(samples, 99),
        "mean_ms": statistics.fmean(samples),
        "max_ms": max(samples),
    }


# Server time per uncached update -------------------------------------------------------------------


def panel(results: Path) -> None:
    """Server time for live updates that miss the render cache: each profile new, the cache off.

    1. The projection partial alone (engine + template), as the `{% cache %}` tag runs it on a miss.
    2. The whole live update through Django's test client (middleware, form, session, gzip) with
       PANEL_CACHE_SECONDS=0: the anonymous estimate and the owner's plan preview.
    """
    django_setup()
    from django.template.loader import get_template
    from django.test.utils import override_settings

    from careerpath.clock import this_year
    from careerpath.forms import ProfileForm
    from careerpath.presentation.panel import ProjectionPanel
    from compensation.catalog import get_catalog

    catalog = get_catalog()
    year = this_year()
    space = input_space(catalog, year)
    rng = random.Random(11)
    drawn = distinct_draws(rng, space, PANEL_WARMUP + PANEL_PROFILES + 3 * (VIEW_WARMUP + VIEW_REQUESTS))
    profiles = []
    for values in drawn[: PANEL_WARMUP + PANEL_PROFILES]:
        form = ProfileForm(values, catalog=catalog)  # the server's own check that the draw is valid
        if not form.is_valid():
            raise SystemExit(f"A drawn profile is not valid: {form.errors.as_text()} ({values})")
        profiles.append(form.profile())

    template = get_template("careerpath/partials/projection_panel.html")

    def render(profile) -> str:
        return template.render({"panel": ProjectionPanel(profile, catalog, year), "panel_timeout": 0})

    for profile in profiles[:PANEL_WARMUP]:
        render(profile)
    samples, cpu, sizes = [], [], []
    for profile in profiles[PANEL_WARMUP:]:
        cpu_started, started = time.process_time(), time.perf_counter()
        html = render(profile)
        samples.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - cpu_started) * 1000)
        sizes.append(len(html.encode()))
        if PANEL_MARKER not in html:
            raise SystemExit(f"No panel rendered for {profile}")
    # By the clock (the target), and in CPU time: what the render costs when other work shares the CPUs.
    data = {
        "panel": {**_summary(samples), "cpu_p50_ms": statistics.median(cpu)},
        "bytes": {"p50": statistics.median(sizes), "p99": percentile(sizes, 99), "max": max(sizes)},
    }

    setup_data = read(results, "setup-small")
    anonymous, owner, _admin = _clients()
    views = {
        "estimate": (anonymous, "/estimate/"),
        "plan_partial": (owner, setup_data["plan_preview"]),  # POSTed, as the plan form's live update is
        "options": (anonymous, "/details/?part=options"),
    }
    rest = iter(drawn[PANEL_WARMUP + PANEL_PROFILES :])
    headers = {"HX-Request": "true", "Accept-Encoding": "gzip"}
    with override_settings(PANEL_CACHE_SECONDS=0):
        for name, (client, path) in views.items():
            timings = []
            for n in range(VIEW_WARMUP + VIEW_REQUESTS):
                drawn_profile = next(rest)
                url = f"{path}{'&' if '?' in path else '?'}{query_string(drawn_profile)}"
                started = time.perf_counter()
                if path.endswith("/preview/"):
                    answer = client.post(path, drawn_profile, headers=headers)
                    if answer.status_code != 200:
                        raise SystemExit(f"POST {path} answered {answer.status_code}, not 200")
                else:
                    _get(client, url, headers)
                if n >= VIEW_WARMUP:
                    timings.append((time.perf_counter() - started) * 1000)
            data[name] = _summary(timings)
    write(results, "panel", data)
    print(
        "uncached update: "
        + ", ".join(f"{k} p50 {v['p50_ms']:.2f} ms, p99 {v['p99_ms']:.2f} ms" for k, v in data.items() if k != "bytes")
    )


# Scale -------------------------------------------------------------------------------------------


def scale_pages(data: dict) -> list[tuple[str, str, str]]:
    """(name, who, url) of the pages whose work could grow with the data."""
    plan, other = data["plan"], data["other"]
    return [
        ("Plans list", "owner", "/plans/"),
        ("Plan page", "owner", data["plan_page"]),
        ("Compare", "owner", f"/plans/compare/?a={plan}&b={other}"),
        ("Admin: salary bands", "admin", "/admin/compensation/salaryband/"),
    ]


SCALE_PAGES = ("Plans list", "Plan page", "Compare", "Admin: salary bands")


def scale(results: Path, label: str) -> None:
    """One round of timings of the pages whose work could grow with the data (Django's test client).

    Each call adds SCALE_REQUESTS samples per page to scale-LABEL.json; bench.sh alternates rounds
    on the small and the large database and the report takes the median of all of a database's.
    """
    django_setup()
    from django.contrib.auth import get_user_model

    from careerpath.models import Plan

    data = read(results, f"setup-{label}")
    clients = dict(zip(("anonymous", "owner", "admin"), _clients(), strict=True))
    previous = read(results, f"scale-{label}") or {"samples": {}}
    samples = previous["samples"]
    for name, who, url in scale_pages(data):
        for _ in range(SCALE_WARMUP):
            _get(clients[who], url, {})
        for _ in range(SCALE_REQUESTS):
            started = time.perf_counter()
            _get(clients[who], url, {})
            samples.setdefault(name, []).append((time.perf_counter() - started) * 1000)
    size = {"users": get_user_model().objects.count(), "plans": Plan.objects.count()}
    write(results, f"scale-{label}", {**size, "samples": samples})
    print(
        f"scale ({label}, {size['users']:,} users, {size['plans']:,} plans): p50 so far "
        + ", ".join(f"{k} {statistics.median(v):.1f} ms" for k, v in samples.items())
    )


def p50(run: dict, page: str) -> float:
    return statistics.median(run["samples"][page])


# HTTP checks ---------------------------------------------------------------------------------------


def status(results: Path, url: str, *headers: str) -> None:
    """Refuse to load a URL that does not answer 200 itself: wrk counts a redirect to log-in as a success."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    connection.request("GET", target, headers=dict(h.split(": ", 1) for h in headers))
    response = connection.getresponse()
    response.read()
    connection.close()
    if response.status != 200:
        raise SystemExit(f"GET {target} answered {response.status} {response.getheader('Location', '')}, not 200")


def cputicks(results: Path, pid: str) -> None:
    """CPU time (user + system, in clock ticks) the children of PID (gunicorn's workers) have used."""
    total = 0
    for children in Path(f"/proc/{pid}/task").glob("*/children"):
        for child in children.read_text().split():
            try:
                fields = Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue  # a worker that just exited
            total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of proc(5))
    print(total)


def varied_check(results: Path, name: str) -> None:
    """Read back a check run of scripts/bench/varied.lua (one connection, BENCH_VARIED_CHECK=1):
    every response 200 and gzipped, every URL new. Stops the suite otherwise."""
    text = (results / f"check-{name}.txt").read_text()
    found = [line for line in text.splitlines() if line.startswith('{"requested"')]
    if not found:
        raise SystemExit(f"{name}: the varied-input check printed no summary:\n{text}")
    check = json.loads(found[-1])
    write(results, f"check-{name}", check)
    problems = []
    if not check["answered"]:
        problems.append("no response")
    if check["non_200"]:
        problems.append(f"{check['non_200']} of {check['answered']} responses not 200 (last: {check['bad']})")
    # The form-only bench view answers two bytes, below GZipMiddleware's 200-byte floor.
    if check["gzipped"] != check["answered"] and not name.endswith("form_varied"):
        problems.append(f"only {check['gzipped']} of {check['answered']} responses gzipped")
    if check["distinct"] < 0.99 * check["requested"]:
        problems.append(f"only {check['distinct']} distinct URLs in {check['requested']} requests")
    if problems:
        raise SystemExit(f"{name}: " + "; ".join(problems))
    print(f"   {name}: check: {check['answered']} responses, all 200 and gzipped, {check['distinct']} distinct URLs")


# Report ------------------------------------------------------------------------------------------


def _run(command: list[str]) -> str:
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "?"


def machine() -> dict:
    cpu = "?"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem_kb = next(
        int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")
    )
    os_name = "?"
    os_release = Path("/etc/os-release")
    if os_release.exists():
        for line in os_release.read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                os_name = line.split("=", 1)[1].strip('"')
    django_setup()
    import django
    import gunicorn
    import whitenoise
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0]
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "ram_gb": round(mem_kb / 1024 / 1024, 1),
        "os": os_name,
        "python": platform.python_version(),
        "django": django.get_version(),
        "postgresql": postgres,
        "gunicorn": gunicorn.__version__,
        "whitenoise": whitenoise.__version__ if hasattr(whitenoise, "__version__") else "?",
        "wrk": (_run(["wrk", "-v"]).splitlines() or ["?"])[0].split(" [")[0],
        "redis": (re.findall(r"v=(\S+)", _run(["redis-server", "--version"])) or ["?"])[0],
        "commit": _run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"]),
        # The report itself does not count: it changes with every run.
        "dirty": bool(
            _run(
                [
                    "git",
                    "-C",
                    str(ROOT),
                    "status",
                    "--porcelain",
                    "--untracked-files=no",
                    "--",
                    ".",
                    ":!docs/benchmarks.md",
                ]
            )
        ),
    }


def parse_wrk(text: str) -> dict:
    """Requests/s, p50, p99 (ms) and failures from `wrk --latency` output."""

    def ms(value: str) -> float:
        number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
        return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]

    rate = re.search(r"Requests/sec:\s+([\d.]+)", text)
    p50 = re.search(r"^\s+50%\s+(\S+)", text, re.M)
    p99 = re.search(r"^\s+99%\s+(\S+)", text, re.M)
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    errors = re.search(r"Socket errors: (.*)", text)
    requests = re.search(r"(\d+) requests in", text)
    return {
        "rps": float(rate.group(1)) if rate else 0.0,
        "p50_ms": ms(p50.group(1)) if p50 else None,
        "p99_ms": ms(p99.group(1)) if p99 else None,
        "requests": int(requests.group(1)) if requests else 0,
        "non_2xx": int(bad.group(1)) if bad else 0,
        "socket_errors": errors.group(1).strip() if errors else "",
    }


# The HTTP runs bench.sh makes: one gunicorn run per database setting, ratios within a run.
HTTP = {
    "bare": "Bare Django view (`/bench/bare/`)",
    "home": "Home page (`/`, whole page)",
    "estimate_hit": "Quick-estimate partial, the home page's own inputs (cache hit)",
    "form_varied": "The profile form alone (`/bench/form/`: validated, nothing projected), **varied inputs**",
    "estimate_varied": "Quick-estimate partial, **varied inputs**",
    "bare_user": "Bare view, logged in (`/bench/bare-user/`: session + user)",
    "plan_page": "Plan page (logged in, whole page)",
    "plan_varied": "Plan partial, logged in, **varied inputs** (POST `/plans/ID/preview/`, as its form sends them)",
    "options_varied": "What-ifs and other locations (`/details/`, fetched when scrolled to), **varied inputs**",
    "bare_end": "Bare Django view again, at the end of the run",
}
LOGGED_IN = ("bare_user", "plan_page", "plan_varied")
VARIED = ("form_varied", "estimate_varied", "plan_varied", "options_varied")


def _verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("**pass**" if ok else "**FAIL**")


def _errors(run: dict) -> str:
    return f"{run['non_2xx']}{' (' + run['socket_errors'] + ')' if run['socket_errors'] else ''}"


def _clean(run: dict | None) -> bool:
    return bool(run and run["requests"] and not run["non_2xx"])


def _http(results: Path, label: str) -> dict:
    runs = {}
    for key in HTTP:
        path = results / f"wrk-{label}-{key}.txt"
        if path.exists():
            run = runs[key] = parse_wrk(path.read_text())
            cpu = read(results, f"cpu-{label}-{key}")
            run["cpu_ms"] = cpu["ticks"] / cpu["hz"] * 1000 / run["requests"] if cpu and run["requests"] else None
    return runs


def _cpu_ratio(http: dict, key: str, base: str) -> float | None:
    """What the ratio of requests/s would be if the workers had the CPUs to themselves."""
    run, ref = http.get(key), http.get(base)
    if not (run and ref and run["cpu_ms"] and ref["cpu_ms"]):
        return None
    return ref["cpu_ms"] / run["cpu_ms"]


def _ratio(http: dict, key: str, base: str) -> float | None:
    run, ref = http.get(key), http.get(base)
    if not (run and ref and ref["requests"] and ref["rps"]):
        return None
    return run["rps"] / ref["rps"]


def _ms(value: float | None) -> str:
    return "?" if value is None else f"{value:.1f} ms"


def _cpu_ms(run: dict) -> str:
    return "?" if run.get("cpu_ms") is None else f"{run['cpu_ms']:.2f} ms"


def _shown(ratio: float | None) -> str:
    return "—" if ratio is None else f"{ratio:.2f}×"


def _power_of_ten(n: int) -> str:
    exponent = len(str(n)) - 1
    return f"{n / 10**exponent:.1f} × 10^{exponent}"


def report(results: Path) -> None:  # noqa: C901  one optional section of docs/benchmarks.md after another
    info = machine()
    env = read(results, "env") or {}
    setup_data = read(results, "setup-small") or {}
    rows: list[tuple[str, str, str, bool | None]] = []  # check, target, measured, ok

    eng = read(results, "engine")
    if eng:
        rows.append(
            (
                "Engine, projections per CPU-second (one process)",
                f"≥ {TARGETS['engine']:,}",
                f"{eng['per_second']:,.0f}",
                eng["per_second"] >= TARGETS["engine"],
            )
        )
    pan = read(results, "panel")
    if pan:
        p = pan["panel"]
        rows.append(
            (
                "Uncached projection partial, engine + render (in-process), p50",
                f"≤ {TARGETS['panel_p50_ms']:g} ms",
                f"{p['p50_ms']:.2f} ms (p99 {p['p99_ms']:.2f} ms; CPU time p50 {p['cpu_p50_ms']:.2f} ms)",
                p["p50_ms"] <= TARGETS["panel_p50_ms"],
            )
        )

        if "bytes" in pan:
            sizes = pan["bytes"]
            rows.append(
                (
                    "Live update size, uncompressed (median over the panel profiles)",
                    f"≤ {TARGETS['update_kb']} KB",
                    f"{sizes['p50'] / 1024:.1f} KB (p99 {sizes['p99'] / 1024:.1f} KB, "
                    f"max {sizes['max'] / 1024:.1f} KB)",
                    sizes["p50"] / 1024 <= TARGETS["update_kb"],
                )
            )

    pg, redis = _http(results, "pg"), _http(results, "redis")

    def ratio_row(key: str, base: str, target: float, label: str) -> None:
        if key not in pg:
            return
        ratio = _ratio(pg, key, base)
        ok = None if ratio is None else ratio >= target and _clean(pg[key]) and _clean(pg[base])
        measured = (
            f"{pg[key]['rps']:,.0f}/s ÷ {pg[base]['rps']:,.0f}/s = {ratio:.2f}×"
            if ratio is not None
            else f"{pg[key]['rps']:,.0f}/s (no {base} figure)"
        )
        by_cpu = _cpu_ratio(pg, key, base)
        if by_cpu is not None:
            measured += f" (by worker CPU: {by_cpu:.2f}×)"
        if pg[key]["non_2xx"]:
            measured += f", {pg[key]['non_2xx']} errors"
        floor = {"bare": "bare", "bare_user": "bare, logged in", "form_varied": "the profile form alone"}[base]
        rows.append((label, f"≥ {target}× {floor}", measured, ok))

    ratio_row(
        "estimate_varied",
        "form_varied",
        TARGETS["estimate_varied_vs_form"],
        "Quick-estimate partial, varied inputs, vs the profile form alone",
    )
    ratio_row(
        "estimate_hit",
        "form_varied",
        TARGETS["estimate_hit_vs_form"],
        "Quick-estimate partial, cache hit, vs the profile form alone",
    )
    ratio_row("home", "bare", TARGETS["home_vs_bare"], "Home page (anonymous) vs the bare view")
    ratio_row(
        "plan_varied",
        "bare_user",
        TARGETS["plan_varied_vs_bare_user"],
        "Plan partial (logged in), varied inputs, vs the logged-in bare view (PostgreSQL)",
    )
    for key in ("estimate_varied", "plan_page", "plan_varied"):
        if key in pg:
            run = pg[key]
            rows.append(
                (
                    f"{HTTP[key]}: p99 latency, {env.get('connections', '?')} connections",
                    f"≤ {TARGETS['p99_ms']} ms",
                    f"{run['p99_ms']:.1f} ms" if run["p99_ms"] is not None else "?",
                    run["p99_ms"] is not None and run["p99_ms"] <= TARGETS["p99_ms"] and _clean(run),
                )
            )

    small, large = read(results, "scale-small"), read(results, "scale-large")
    if small and large:
        for name in SCALE_PAGES:
            a, b = p50(small, name), p50(large, name)
            rows.append(
                (
                    f"Scale: {name}, p50 large ÷ small",
                    f"≤ {TARGETS['scale_ratio']}×",
                    f"{b:.1f} ms ÷ {a:.1f} ms = {b / a:.2f}×",
                    b / a <= TARGETS["scale_ratio"],
                )
            )

    idles = [read(results, f"idle-{label}") for label in ("start", "http")]
    busy = " / ".join(f"{i['busy']:.0%}" if i else "?" for i in idles)
    warning = []
    if any(i and i["busy"] > BUSY_WARNING for i in idles):
        warning += [
            f"**Other work kept the CPUs more than {BUSY_WARNING:.0%} busy during this run**: throughput and",
            "latency figures are lower and noisier than this machine can do; run again when it is idle.",
            "",
        ]
    drift = _ratio(pg, "bare_end", "bare")
    if drift is not None and abs(drift - 1) > DRIFT_WARNING:
        warning += [
            f"**The bare view answered {pg['bare_end']['rps']:,.0f}/s at the end of the HTTP run against "
            f"{pg['bare']['rps']:,.0f}/s at its start** ({drift:.2f}×): the load from elsewhere changed while it ran,",
            "so the ratios carry that much noise.",
            "",
        ]

    lines = [
        "# Benchmarks",
        "",
        f"Generated by `make bench` (scripts/bench.sh) on {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC, "
        + (
            f"commit {info['commit']}{' with uncommitted changes' if info['dirty'] else ''}. "
            if info["commit"] not in ("", "?")
            else "outside a git checkout. "
        )
        + "Do not edit by hand: run `make bench` again.",
        "",
        "## Targets",
        "",
        "| Check | Target | Measured | Result |",
        "|---|---|---|---|",
        *(f"| {check} | {target} | {measured} | {_verdict(ok)} |" for check, target, measured, ok in rows),
        "",
        f"{sum(1 for r in rows if r[3])} of {sum(1 for r in rows if r[3] is not None)} targets met.",
        "",
        "## Machine",
        "",
        "| | |",
        "|---|---|",
        f"| CPUs (nproc) | {info['nproc']} |",
        f"| CPU | {info['cpu']} |",
        f"| RAM | {info['ram_gb']} GB |",
        f"| OS | {info['os']} |",
        f"| Python | {info['python']} |",
        f"| Django | {info['django']} |",
        f"| PostgreSQL | {info['postgresql']} |",
        f"| Redis | {info['redis']} |",
        f"| gunicorn | {info['gunicorn']} ({env.get('workers', '?')} sync workers) |",
        f"| wrk | {info['wrk']} |",
        f"| Load average (1 min), when the suite started / when it ended | {env.get('load_start', '?')} / "
        f"{env.get('load_end', '?')} |",
        f"| CPU busy with other work, before the run / before the HTTP runs | {busy} |",
        "",
        *warning,
        "Everything (PostgreSQL, Redis, gunicorn, wrk, the Python steps) shares these CPUs, so absolute",
        "figures are lower than on a server with a separate load generator; the ratios, measured in one",
        "gunicorn run, are what the targets check.",
        "",
        "## How to reproduce",
        "",
        "```sh",
        "make bench      # installs wrk, PostgreSQL and Redis if missing; "
        f"about {env.get('minutes', '?')} minutes here",
        "```",
        "",
        "Knobs: `BENCH_DURATION` (wrk seconds per URL, default 10), `BENCH_CONNECTIONS` (default 32), "
        "`BENCH_WORKERS` (gunicorn workers, default 2), `BENCH_USERS`/`BENCH_PLANS` (scale seed, "
        "default 100000/500000), `BENCH_KEEP=1` (keep the databases). The suite uses two PostgreSQL "
        "databases of its own, `careerpath_bench_small` and `careerpath_bench_large`, created afresh each "
        "run and dropped at the end, and a throwaway Redis on a free loopback port; raw results (wrk "
        "output, JSON) are in `artifacts/bench/`. SQL queries per page and page weight are tests "
        "(`tests/careerpath/test_queries.py`, `tests/config/test_page_weight.py`), not benchmark steps.",
        "",
    ]

    if pan or eng:
        lines += ["## Server time per update that misses the cache", ""]
    if pan:
        lines += [
            "Each profile new (random valid inputs, drawn as the wrk script below draws them), the render "
            "cache off, after a warm-up; `time.perf_counter` around each (the partial alone also in CPU time, "
            f"p50 {pan['panel']['cpu_p50_ms']:.2f} ms: the clock counts time other work took the CPU). Production "
            "settings, PostgreSQL.",
            "",
            "| What | Profiles | p50 | p99 | Mean | Max |",
            "|---|---|---|---|---|---|",
        ]
        described = {
            "panel": "Projection partial: engine + template "
            "(`careerpath/partials/projection_panel.html` with a new `ProjectionPanel`)",
            "estimate": "Whole live update, quick estimate (`/estimate/?…`, htmx; Django's test client, "
            "middleware and gzip included, `PANEL_CACHE_SECONDS=0`)",
            "plan_partial": "Whole live update, plan preview (POST `/plans/ID/preview/`, htmx, logged in; same)",
            "options": "What-ifs and other locations, fetched when scrolled to (`/details/?part=options&…`, "
            "htmx; same): about 14 projections",
        }
        for key, label in described.items():
            if key in pan:
                s = pan[key]
                lines.append(
                    f"| {label} | {s['n']} | {s['p50_ms']:.2f} ms | {s['p99_ms']:.2f} ms | "
                    f"{s['mean_ms']:.2f} ms | {s['max_ms']:.2f} ms |"
                )
        lines += [""]
    if eng:
        lines += [
            f"Engine only: `engine.projection.project` over {eng['profiles']:,} random valid profiles, every "
            "track's earnings read (the engine works them out when read), one "
            f"process, catalog from `build_catalog`: best of {len(eng['passes'])} passes, "
            f"{eng['per_second']:,.0f} projections per CPU-second ({', '.join(f'{p:,.0f}' for p in eng['passes'])}; "
            f"by the clock: {', '.join(f'{p:,.0f}' for p in eng['wall'])}/s). A live update runs one projection; "
            "the what-ifs and other locations, fetched when scrolled to, about 14 more; a live update reads no "
            "earnings (they come when scrolled to).",
            "",
        ]

    if pg:
        command = env.get("wrk", "wrk")
        lines += [
            "## HTTP (gunicorn on loopback, wrk)",
            "",
            f"`{command} URL` after a 2-second warm-up per URL, all in one gunicorn run "
            f"({env.get('workers', '?')} workers), production settings (DEBUG=0, collectstatic), PostgreSQL, "
            "the small database, no Redis. Live updates send `HX-Request: true`.",
            "",
            "| URL | Requests/s | p50 | p99 | ÷ bare | ÷ bare, logged in | Worker CPU per request "
            "| ÷ bare, by CPU | ÷ bare logged in, by CPU | Errors |",
            "|---|---|---|---|---|---|---|---|---|---|",
        ]
        for key, label in HTTP.items():
            if key in pg:
                run = pg[key]
                lines.append(
                    f"| {label} | {run['rps']:,.0f} | {_ms(run['p50_ms'])} | {_ms(run['p99_ms'])} | "
                    f"{_shown(_ratio(pg, key, 'bare') if key not in ('bare', 'bare_end') else None)} | "
                    f"{_shown(_ratio(pg, key, 'bare_user') if key in LOGGED_IN[1:] else None)} | "
                    f"{_cpu_ms(run)} | "
                    f"{_shown(_cpu_ratio(pg, key, 'bare') if key not in ('bare', 'bare_end') else None)} | "
                    f"{_shown(_cpu_ratio(pg, key, 'bare_user') if key in LOGGED_IN[1:] else None)} | {_errors(run)} |"
                )
        lines += [
            "",
            "Every fixed URL is checked to answer 200 itself before it is loaded (wrk would count a redirect",
            "to the log-in page as a success); wrk counts any other status as an error. The logged-in bare",
            "view shows what a session and a user cost before any of our code runs; the bare view again at",
            "the end shows how much the machine's load moved during the run. Worker CPU per request is the",
            "user + system time gunicorn's workers used during the measured run (from /proc) over the requests",
            "wrk counted: less sensitive to other work on the machine than requests/s, it gives the ratios",
            "the workers would reach with the CPUs to themselves (PostgreSQL's own CPU is not in it).",
            "",
        ]
        if setup_data.get("combinations"):
            space = setup_data["space"]
            combos = setup_data["combinations"]
            capacity = setup_data["render_cache_entries"] * int(env.get("workers", 1))
            sent = sum(pg[k]["requests"] for k in VARIED if k in pg)
            checks = [read(results, f"check-pg-{k}") for k in VARIED]
            checked = sum(c["answered"] for c in checks if c)
            lines += [
                "### Varied inputs",
                "",
                "`scripts/bench/varied.lua` builds every request's query itself (wrk's `request()`): a random "
                f"level ({len(space['current_level'])}), years of experience "
                f"({space['years'][0]}–{space['years'][1]}), "
                f"location ({len(space['location'])}), industry ({len(space['industry'])}), company type "
                f"({len(space['company_type'])}), education ({len(space['education'])}), 0–{space['max_skills']} of "
                f"{len(space['skills'])} skills, work mode ({len(space['work_mode'])}), a target track (none or one "
                f"of {len(space['target_track'])}) and a target year (none or {space['target_year'][0]}–"
                f"{space['target_year'][1]}), seeded from /dev/urandom per wrk thread and per run. The slugs come "
                "from the database (the forms' own choices), written by `scripts/bench.py setup` to "
                "`artifacts/bench/varied-data.lua`.",
                "",
                f"That is {combos:,} (≈ {_power_of_ten(combos)}) distinct profiles; the render cache holds "
                f"{setup_data['render_cache_entries']:,} panels per process ({capacity:,} across the workers). "
                f"The two measured varied runs sent {sent:,} requests, so about "
                f"{sent * sent / 2 / combos:.1g} repeated profiles are expected (the birthday bound): "
                "practically every update is a cache miss. "
                + (
                    f"Before each run a one-connection check ({checked:,} responses) found every response 200 and "
                    "gzipped and every URL new."
                    if all(checks)
                    else ""
                ),
                "",
            ]

    if redis:
        lines += [
            "## Logged in, without and with Redis",
            "",
            "The logged-in URLs in a second gunicorn run with `REDIS_URL` set (a throwaway `redis-server` on "
            "loopback, no persistence): Redis holds the default cache and the sessions "
            "(`cached_db`). Same settings, database and wrk command otherwise; ratios within each run.",
            "",
            "| URL | Without Redis: req/s | p50 | p99 | ÷ bare, logged in | With Redis: req/s | p50 | p99 "
            "| ÷ bare, logged in | With ÷ without | Worker CPU per request, without → with | Errors (with) |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|",
        ]
        for key in LOGGED_IN:
            a, b = pg.get(key), redis.get(key)
            if not (a and b):
                continue
            own = key != "bare_user"
            lines.append(
                f"| {HTTP[key]} | {a['rps']:,.0f} | {_ms(a['p50_ms'])} | {_ms(a['p99_ms'])} | "
                f"{_shown(_ratio(pg, key, 'bare_user') if own else None)} | {b['rps']:,.0f} | {_ms(b['p50_ms'])} | "
                f"{_ms(b['p99_ms'])} | {_shown(_ratio(redis, key, 'bare_user') if own else None)} | "
                f"{_shown(b['rps'] / a['rps'] if a['rps'] else None)} | {_cpu_ms(a)} → {_cpu_ms(b)} | {_errors(b)} |"
            )
        lines += [
            "",
            "The two runs follow each other, so load from elsewhere can differ between them; compare the",
            "ratios within a run, and the workers' CPU per request, before the raw rates across runs. Redis's",
            "and PostgreSQL's own CPU is not in the workers' figure.",
            "",
        ]

    if small and large:
        seed = read(results, "seed") or {}
        lines += [
            "## Scale",
            "",
            f"Median of {len(small['samples'][SCALE_PAGES[0]])} sequential requests per page and database through "
            "Django's test client, for a user with five plans (an admin for the band list), in "
            f"{env.get('scale_rounds', '?')} rounds alternating the two databases, each after a warm-up; "
            "production settings, PostgreSQL.",
            f"Seeding {seed.get('users', 0):,} users and {seed.get('plans', 0):,} plans with `manage.py seed_scale` "
            f"(COPY, then VACUUM ANALYZE) took {seed.get('seconds', '?')} s.",
            "",
            f"| Page | {small['plans']:,} plans | {large['plans']:,} plans | Ratio |",
            "|---|---|---|---|",
        ]
        for name in SCALE_PAGES:
            a, b = p50(small, name), p50(large, name)
            lines.append(f"| {name} | {a:.1f} ms | {b:.1f} ms | {b / a:.2f}× |")
        lines.append("")

    preview = results / "preview.txt"
    if preview.exists():
        lines += [
            "## Admin preview of a data change",
            "",
            "`manage.py preview_benchmark` on the large database: a band raised 5 %, its effect on the saved "
            'plans as the admin\'s "Preview effect" computes it (plans grouped by distinct inputs, a random '
            "sample beyond the cap, counts scaled up).",
            "",
            f"    {preview.read_text().strip()}",
            "",
        ]

    out = ROOT / "docs" / "benchmarks.md"
    out.write_text("\n".join(lines))
    print()
    print("\n".join(lines[4 : 4 + 4 + len(rows) + 2]))
    print(f"Written to {out.relative_to(ROOT)}")


def main() -> None:
    step, results, *rest = sys.argv[1:]
    results = Path(results)
    results.mkdir(parents=True, exist_ok=True)
    steps = {
        "engine": engine,
        "idle": idle,
        "status": status,
        "setup": setup,
        "panel": panel,
        "scale": scale,
        "varied_check": varied_check,
        "cputicks": cputicks,
        "report": report,
    }
    steps[step](results, *rest)


if __name__ == "__main__":
    main()
