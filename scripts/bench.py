"""The benchmark suite's measurements and its report; `scripts/bench.sh` runs it step by step.

Each step writes one JSON file into the results folder; `report` reads them all, checks every
target and writes docs/benchmarks.md. Steps that need Django run with the environment bench.sh
sets (production settings, PostgreSQL through DATABASE_URL).

    python scripts/bench.py engine RESULTS
    python scripts/bench.py setup RESULTS             # bench users, plans, a session; prints URLs
    python scripts/bench.py queries RESULTS LABEL     # SQL queries per page (test client)
    python scripts/bench.py scale RESULTS LABEL       # p50 latency of the pages that grow with data
    python scripts/bench.py weight RESULTS BASE_URL   # bytes over the wire from the running server
    python scripts/bench.py report RESULTS            # docs/benchmarks.md
"""

from __future__ import annotations

import datetime
import gzip
import http.client
import json
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
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careerpath.settings")

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
# A change a person might make on the plan page: what htmx sends for one update.
PREVIEW = {**PROFILE, "years_experience": "6", "skills": ["deep-learning", "nlp", "cloud-platforms"]}
ENGINE_PROFILES = 10_000
ENGINE_PASSES = 5
SCALE_REQUESTS = 50  # per page and round; bench.sh runs 4 rounds per database: 200 in all
SCALE_WARMUP = 10

BUSY_WARNING = 0.2

TARGETS = {
    "engine": 20_000,  # projections per second, one process
    "partial_vs_bare": 0.5,  # a partial's requests/s over the bare view's
    "p99_ms": 100,
    "queries": 5,
    "first_visit_kb": 60,
    "htmx_update_kb": 8,
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


# Engine ------------------------------------------------------------------------------------------


def engine(results: Path) -> None:
    """Projections per second over random valid profiles, single process (best of three passes)."""
    django_setup()
    from careerpath.forms import this_year
    from careerpath.projection import WORK_MODES, Profile, project
    from compensation.catalog import build_catalog, current_version

    catalog = build_catalog(current_version())
    rng = random.Random(7)
    levels = [role.slug for role in catalog.levels()]
    skills = sorted(catalog.skills)
    year = this_year()
    profiles = [
        Profile(
            current_level=rng.choice(levels),
            years_experience=rng.randint(0, 30),
            location=rng.choice(sorted(catalog.location_bands)),
            industry=rng.choice(sorted(catalog.industry_bands)),
            company_type=rng.choice(sorted(catalog.company_types)),
            education=rng.choice(sorted(catalog.educations)),
            skills=frozenset(rng.sample(skills, rng.randint(0, len(skills)))),
            work_mode=rng.choice(WORK_MODES),
            target_track=rng.choice([None, *sorted(catalog.tracks)]),
            target_year=rng.choice([None, year + 3, year + 10]),
        )
        for _ in range(ENGINE_PROFILES)
    ]
    passes, wall = [], []
    for _ in range(ENGINE_PASSES):
        cpu_started, wall_started = time.process_time(), time.perf_counter()
        for profile in profiles:
            project(profile, catalog, year)
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
    write(results, f"idle-{label}", {"busy": busy})
    print(f"CPU busy with other work ({label}): {busy:.0%}")


# Setup: users, plans, a session ------------------------------------------------------------------


def setup(results: Path, label: str) -> None:
    """A person with five plans (and a share link), an admin, and a session cookie for wrk."""
    django_setup()
    from allauth.account.models import EmailAddress
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    from careerpath.forms import PlanForm
    from careerpath.models import Plan, ShareLink
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
        plans.append(form.save(Plan(owner=owner)))
    link = ShareLink.objects.filter(plan=plans[0], revoked__isnull=True).first() or ShareLink.objects.create(
        plan=plans[0]
    )
    client = Client()
    client.force_login(owner)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    data = {
        "plan": plans[0].pk,
        "other": plans[1].pk,
        "share": link.token,
        "session": session,
        "cookie": f"{settings.SESSION_COOKIE_NAME}={session}",
        "estimate": f"/estimate/?{query_string(PROFILE)}",
        "plan_page": f"/plans/{plans[0].pk}/",
        "plan_partial": f"/plans/{plans[0].pk}/?{query_string(PREVIEW)}",
    }
    write(results, f"setup-{label}", data)
    for key in ("plan", "cookie", "estimate", "plan_page", "plan_partial"):
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


def pages(data: dict) -> list[tuple[str, str, str, dict]]:
    """(name, who, url, headers) for every page a person can GET."""
    htmx = {"HX-Request": "true"}
    plan, other = data["plan"], data["other"]
    return [
        ("Home", "anonymous", "/", {}),
        ("Quick estimate (htmx partial)", "anonymous", data["estimate"], htmx),
        ("Quick estimate (whole page)", "anonymous", data["estimate"], {}),
        ("Methodology", "anonymous", "/methodology/", {}),
        ("Shared plan", "anonymous", f"/s/{data['share']}/", {}),
        ("Plans list", "owner", "/plans/", {}),
        ("New plan", "owner", "/plans/new/", {}),
        ("Plan page", "owner", data["plan_page"], {}),
        ("Plan projection (htmx partial)", "owner", data["plan_partial"], htmx),
        ("Plan edit", "owner", f"/plans/{plan}/edit/", {}),
        ("Compare (choose)", "owner", "/plans/compare/", {}),
        ("Compare", "owner", f"/plans/compare/?a={plan}&b={other}", {}),
        ("Share links", "owner", f"/plans/{plan}/share/", {}),
        ("Delete (confirm)", "owner", f"/plans/{plan}/delete/", {}),
        ("Projection JSON", "owner", f"/plans/{plan}/projection.json", {}),
        ("Projection CSV", "owner", f"/plans/{plan}/projection.csv", {}),
        ("Account", "owner", "/accounts/", {}),
        ("Admin: salary bands", "admin", "/admin/compensation/salaryband/", {}),
    ]


SCALE_PAGES = ("Plans list", "Plan page", "Compare", "Admin: salary bands")


def _get(client, url: str, headers: dict):
    response = client.get(url, headers=headers)
    if response.status_code != 200:
        raise SystemExit(f"GET {url} answered {response.status_code}, not 200")
    return response


def queries(results: Path, label: str) -> None:
    """SQL queries per request for every page, with the catalog warm as in a running server."""
    django_setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from careerpath.models import Plan
    from compensation.catalog import get_catalog

    data = read(results, f"setup-{label}")
    clients = dict(zip(("anonymous", "owner", "admin"), _clients(), strict=True))
    get_catalog()
    counts = {}
    for name, who, url, headers in pages(data):
        _get(clients[who], url, headers)  # warm: sessions, template loaders
        with CaptureQueriesContext(connection) as captured:
            _get(clients[who], url, headers)
        counts[name] = len(captured)
    plans = Plan.objects.count()
    write(results, f"queries-{label}", {"plans": plans, "counts": counts})
    print(f"queries ({label}, {plans:,} plans): " + ", ".join(f"{k} {v}" for k, v in counts.items()))


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
    for name, who, url, headers in pages(data):
        if name not in SCALE_PAGES:
            continue
        for _ in range(SCALE_WARMUP):
            _get(clients[who], url, headers)
        for _ in range(SCALE_REQUESTS):
            started = time.perf_counter()
            _get(clients[who], url, headers)
            samples.setdefault(name, []).append((time.perf_counter() - started) * 1000)
    size = {"users": get_user_model().objects.count(), "plans": Plan.objects.count()}
    write(results, f"scale-{label}", {**size, "samples": samples})
    print(
        f"scale ({label}, {size['users']:,} users, {size['plans']:,} plans): p50 so far "
        + ", ".join(f"{k} {statistics.median(v):.1f} ms" for k, v in samples.items())
    )


def p50(run: dict, page: str) -> float:
    return statistics.median(run["samples"][page])


# Weight: bytes over the wire ----------------------------------------------------------------------

ASSET = re.compile(r'<(?:link|script)\b[^>]*?(?:href|src)="(/static/[^"]+)"')


def _fetch(base: str, path: str, headers: dict) -> dict:
    """One GET from the running server; sizes as sent (compressed body, headers as bytes)."""
    parts = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    connection.request("GET", path, headers={"Accept-Encoding": "gzip, br", **headers})
    response = connection.getresponse()
    body = response.read()
    header_bytes = len(f"HTTP/1.1 {response.status} {response.reason}\r\n") + len(bytes(response.msg)) + 2
    connection.close()
    if response.status != 200:
        raise SystemExit(f"GET {path} answered {response.status}, not 200")
    return {
        "path": path,
        "encoding": response.getheader("Content-Encoding", "identity"),
        "body": len(body),
        "headers": header_bytes,
        "raw": body,
    }


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


def weight(results: Path, base: str) -> None:
    """First visit to the plan page (HTML and every file it links) and one htmx update."""
    data = read(results, "setup-small")
    cookie = {"Cookie": data["cookie"]}
    page = _fetch(base, data["plan_page"], cookie)
    html = gzip.decompress(page["raw"]).decode() if page["encoding"] == "gzip" else page["raw"].decode()
    files = [page] + [_fetch(base, path, {}) for path in dict.fromkeys(ASSET.findall(html))]
    update = _fetch(base, data["plan_partial"], {**cookie, "HX-Request": "true"})
    strip = [{k: v for k, v in f.items() if k != "raw"} for f in files]
    first = sum(f["body"] + f["headers"] for f in strip)
    write(
        results,
        "weight",
        {
            "first_visit": first,
            "files": strip,
            "htmx_update": update["body"] + update["headers"],
            "update": {k: v for k, v in update.items() if k != "raw"},
        },
    )
    print(
        f"weight: first visit {first / 1024:.1f} KB, htmx update {(update['body'] + update['headers']) / 1024:.1f} KB"
    )


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


HTTP = (
    ("bare", "Bare Django view (`/bench/bare/`)"),
    ("bare_user", "Bare view, logged in (`/bench/bare-user/`: session + user)"),
    ("estimate", "Quick-estimate partial (anonymous, htmx)"),
    ("plan_page", "Plan page (logged in, whole page)"),
    ("plan_partial", "Plan projection partial (logged in, htmx)"),
)


def _verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("**pass**" if ok else "**FAIL**")


def report(results: Path) -> None:
    info = machine()
    env = read(results, "env") or {}
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

    http = {
        key: parse_wrk((results / f"wrk-{key}.txt").read_text())
        for key, _ in HTTP
        if (results / f"wrk-{key}.txt").exists()
    }

    def ratio_to(key: str, base: str) -> float | None:
        run, ref = http.get(key), http.get(base)
        if not (run and ref and ref["requests"] and not ref["non_2xx"]):
            return None
        return run["rps"] / ref["rps"]

    for key in ("estimate", "plan_partial"):
        if key in http:
            ratio = ratio_to(key, "bare")
            rows.append(
                (
                    f"{dict(HTTP)[key]}: requests/s vs the bare view",
                    f"≥ {TARGETS['partial_vs_bare']}× bare",
                    f"{http[key]['rps']:,.0f}/s = {ratio:.2f}× bare"
                    if ratio is not None
                    else f"{http[key]['rps']:,.0f}/s (no bare view)",
                    None if ratio is None else ratio >= TARGETS["partial_vs_bare"],
                )
            )
    for key in ("estimate", "plan_page", "plan_partial"):
        if key in http:
            run = http[key]
            rows.append(
                (
                    f"{dict(HTTP)[key]}: p99 latency, {env.get('connections', '?')} connections",
                    f"≤ {TARGETS['p99_ms']} ms",
                    f"{run['p99_ms']:.1f} ms" if run["p99_ms"] is not None else "?",
                    run["p99_ms"] is not None and run["p99_ms"] <= TARGETS["p99_ms"] and not run["non_2xx"],
                )
            )

    query_runs = [q for q in (read(results, "queries-small"), read(results, "queries-large")) if q]
    if query_runs:
        worst = max(max(q["counts"].values()) for q in query_runs)
        worst_page = max(query_runs[-1]["counts"], key=query_runs[-1]["counts"].get)
        constant = len(query_runs) == 2 and query_runs[0]["counts"] == query_runs[1]["counts"]
        rows.append(
            (
                "SQL queries per request, any page",
                f"≤ {TARGETS['queries']}",
                f"{worst} (most: {worst_page})",
                worst <= TARGETS["queries"],
            )
        )
        rows.append(
            (
                "Queries independent of data size",
                "same counts, small and large DB",
                "same" if constant else "differ (see below)",
                constant if len(query_runs) == 2 else None,
            )
        )

    wt = read(results, "weight")
    if wt:
        rows.append(
            (
                "First visit to the plan page, compressed",
                f"≤ {TARGETS['first_visit_kb']} KB",
                f"{wt['first_visit'] / 1024:.1f} KB",
                wt["first_visit"] <= TARGETS["first_visit_kb"] * 1024,
            )
        )
        rows.append(
            (
                "One htmx update (plan partial), gzip",
                f"≤ {TARGETS['htmx_update_kb']} KB",
                f"{wt['htmx_update'] / 1024:.1f} KB",
                wt["htmx_update"] <= TARGETS["htmx_update_kb"] * 1024,
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
        warning = [
            f"**Other work kept the CPUs more than {BUSY_WARNING:.0%} busy during this run**: throughput and",
            "latency figures are lower and noisier than this machine can do; run again when it is idle.",
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
        f"| gunicorn | {info['gunicorn']} ({env.get('workers', '?')} sync workers) |",
        f"| wrk | {info['wrk']} |",
        f"| Load average (1 min) when the suite started | {env.get('load_start', '?')} |",
        f"| CPU busy with other work, before the run / before the HTTP runs | {busy} |",
        "",
        *warning,
        "Everything (PostgreSQL, gunicorn, wrk, the Python steps) shares these CPUs, so absolute figures",
        "are lower than on a server with a separate load generator; the ratios are what the targets check.",
        "",
        "## How to reproduce",
        "",
        "```sh",
        f"make bench      # installs wrk and PostgreSQL if missing; about {env.get('minutes', '?')} minutes here",
        "```",
        "",
        "Knobs: `BENCH_DURATION` (wrk seconds per URL, default 10), `BENCH_CONNECTIONS` (default 32), "
        "`BENCH_WORKERS` (gunicorn workers, default 2), `BENCH_USERS`/`BENCH_PLANS` (scale seed, "
        "default 100000/500000), `BENCH_KEEP=1` (keep the databases). The suite uses two databases of its "
        "own, `careerpath_bench_small` and `careerpath_bench_large`, created afresh each run and dropped "
        "at the end; raw results (wrk output, JSON) are in `artifacts/bench/`.",
        "",
    ]

    if eng:
        lines += [
            "## Engine",
            "",
            f"`careerpath.projection.project` over {eng['profiles']:,} random valid profiles drawn from the "
            f"catalog's slugs, one process, catalog from `build_catalog`: best of {len(eng['passes'])} passes, "
            f"in CPU time ({', '.join(f'{p:,.0f}' for p in eng['passes'])} projections per CPU-second; by the "
            f"clock: {', '.join(f'{p:,.0f}' for p in eng['wall'])}/s).",
            "",
        ]

    if http:
        command = env.get("wrk", "wrk")
        lines += [
            "## HTTP (gunicorn on loopback, wrk)",
            "",
            f"`{command} URL` after a 2-second warm-up per URL; production settings (DEBUG=0, "
            "collectstatic, PostgreSQL), the small database.",
            "",
            "| URL | Requests/s | p50 | p99 | ÷ bare | ÷ bare, logged in | Errors |",
            "|---|---|---|---|---|---|---|",
        ]

        def shown(ratio: float | None) -> str:
            return "—" if ratio is None else f"{ratio:.2f}×"

        for key, label in HTTP:
            if key in http:
                run = http[key]
                logged_in = key in ("plan_page", "plan_partial")
                lines.append(
                    f"| {label} | {run['rps']:,.0f} | {run['p50_ms']:.1f} ms | {run['p99_ms']:.1f} ms | "
                    f"{shown(ratio_to(key, 'bare') if key != 'bare' else None)} | "
                    f"{shown(ratio_to(key, 'bare_user') if logged_in else None)} | "
                    f"{run['non_2xx']}{' (' + run['socket_errors'] + ')' if run['socket_errors'] else ''} |"
                )
        lines += [
            "",
            "Every URL is checked to answer 200 itself before it is loaded (wrk would count a redirect to the",
            "log-in page as a success). The logged-in bare view shows what a session and a user cost before",
            "any of our code runs.",
            "",
        ]

    if query_runs:
        labels = [f"{q['plans']:,} plans" for q in query_runs]
        lines += [
            "## SQL queries per request",
            "",
            "Django's test client with `CaptureQueriesContext`, catalog warm, second request of each page.",
            "",
            f"| Page | {' | '.join(labels)} |",
            f"|---|{'---|' * len(labels)}",
        ]
        for name in query_runs[0]["counts"]:
            lines.append(f"| {name} | {' | '.join(str(q['counts'].get(name, '?')) for q in query_runs)} |")
        lines.append("")

    if wt:
        lines += [
            "## Page weight",
            "",
            "Bytes as sent by gunicorn (response headers + body), asking for `Accept-Encoding: gzip, br`.",
            "",
            "| File | Encoding | Body | Headers |",
            "|---|---|---|---|",
        ]
        for f in wt["files"]:
            lines.append(f"| `{f['path'].split('?')[0]}` | {f['encoding']} | {f['body']:,} B | {f['headers']:,} B |")
        lines += [
            f"| **First visit** | | **{wt['first_visit']:,} B** | |",
            f"| htmx update `{wt['update']['path'].split('?')[0]}?…` | {wt['update']['encoding']} | "
            f"{wt['update']['body']:,} B | {wt['update']['headers']:,} B |",
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
        "queries": queries,
        "scale": scale,
        "weight": weight,
        "report": report,
    }
    steps[step](results, *rest)


if __name__ == "__main__":
    main()
