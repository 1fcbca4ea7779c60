"""Pages stay light: bytes a browser downloads, compressed, against fixed budgets.

The page and its htmx partials go through the real middleware (GZipMiddleware); static files are
gzipped here as whitenoise precompresses them for production. Sizes are bodies only.
"""

import gzip
import random
import re
import statistics

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse

from tests.factories import PLAN_POST

pytestmark = pytest.mark.django_db

FIRST_VISIT_BUDGET = 60 * 1024
HTMX_UPDATE_BUDGET = 8 * 1024
ASSET = re.compile(r'<(?:link|script)\b[^>]*?(?:href|src)="([^"]+)"')
# What a person changes on the plan page: two more years, one more skill; htmx sends the inputs.
CHANGED = {
    **{k: v for k, v in PLAN_POST.items() if k not in ("title", "notes")},
    "years_experience": "6",
    "skills": ["deep-learning", "nlp", "cloud-platforms"],
}


def gzipped_get(client, url, data=None, **headers):
    response = client.get(url, data or {}, headers={"Accept-Encoding": "gzip", **headers})
    assert response.status_code == 200, url
    assert response.get("Content-Encoding") == "gzip", f"{url} is not compressed"
    return response


def static_files(html: str) -> list[str]:
    """Paths of the stylesheets, scripts and icon the page links to, as found by staticfiles."""
    paths = []
    for url in dict.fromkeys(ASSET.findall(html)):
        if url.startswith(settings.STATIC_URL):
            found = finders.find(url.removeprefix(settings.STATIC_URL))
            assert found, f"{url} is linked but not in static/"
            paths.append(found)
    return paths


def whitenoise_gzip_size(path: str) -> int:
    with open(path, "rb") as f:
        return len(gzip.compress(f.read(), compresslevel=9, mtime=0))


def test_first_visit_to_the_plan_page_is_within_60_kb_compressed(user_client, plan):
    response = gzipped_get(user_client, reverse("plan_detail", args=[plan.pk]))
    html = gzip.decompress(response.content).decode()
    files = static_files(html)
    assert any(f.endswith("htmx.min.js") for f in files) and any(f.endswith(".css") for f in files)

    sizes = {"page": len(response.content)} | {f: whitenoise_gzip_size(f) for f in files}
    assert sum(sizes.values()) <= FIRST_VISIT_BUDGET, sizes


def test_one_htmx_update_of_the_plan_page_is_within_8_kb_compressed(user_client, plan):
    response = gzipped_get(user_client, reverse("plan_detail", args=[plan.pk]), CHANGED, **{"HX-Request": "true"})
    assert b"<html" not in gzip.decompress(response.content)  # the partial, not the page
    assert len(response.content) <= HTMX_UPDATE_BUDGET


def test_one_quick_estimate_update_is_within_8_kb_compressed(client):
    response = gzipped_get(client, reverse("estimate"), CHANGED, **{"HX-Request": "true"})
    assert b"<html" not in gzip.decompress(response.content)
    assert len(response.content) <= HTMX_UPDATE_BUDGET


# Uncompressed: what the person sees, the rest when wanted. 20 KB since issue 25; 24 KB since issue 32 put
# total pay beside base in the chart and each step's other figures behind "More about this step" (median 23.2 KB).
LIVE_UPDATE_BUDGET = 24 * 1024


def test_a_live_update_carries_what_is_seen_within_20_kb_uncompressed(client, catalog):
    """The median quick-estimate update over a spread of profiles; earnings, the chart's table and the
    what-ifs come when scrolled to or opened (each a page of its own without JavaScript)."""
    levels = [r.slug for r in catalog.levels()]
    rng = random.Random(25)
    sizes = []
    for _ in range(40):
        query = {
            **{k: v for k, v in PLAN_POST.items() if k not in ("title", "notes")},
            "current_level": rng.choice(levels),
            "years_experience": str(rng.randint(0, 20)),
            "location": rng.choice(sorted(catalog.locations)),
            "industry": rng.choice(sorted(catalog.industries)),
        }
        response = client.get(reverse("estimate"), query, headers={"HX-Request": "true"})
        assert response.status_code == 200
        html = response.content.decode()
        assert "data-lifetime-summary" not in html and "<table" not in html  # fetched when wanted
        sizes.append(len(response.content))
    assert statistics.median(sizes) <= LIVE_UPDATE_BUDGET, sorted(sizes)
