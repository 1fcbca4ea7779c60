"""Pages stay light: bytes a browser downloads, compressed, against fixed budgets.

The page and its htmx partials go through the real middleware (GZipMiddleware); static files are
gzipped here as whitenoise precompresses them for production. Sizes are bodies only.
"""

import gzip
import re

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
