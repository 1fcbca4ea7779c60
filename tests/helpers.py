"""Helpers shared by the test modules (fixtures live in conftest.py). Test modules import from here,
never from each other."""

from dataclasses import replace
from html.parser import HTMLParser

from careerpath.projection import Profile

PASSWORD = "correct-horse-battery-staple-42"

PLAN_POST = {
    "title": "Move to management",
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
    "notes": "",
}


class InlineCodeFinder(HTMLParser):
    """Collects what a strict CSP would block in a page's markup."""

    EVAL_ATTRIBUTES = ("hx-on", "data-hx-on")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.metas: dict[str, str] = {}
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = value or ""
            if name == "style":
                self.problems.append(f"<{tag} style={value!r}>")
            elif name.startswith("on"):
                self.problems.append(f"<{tag} {name}={value!r}>")
            elif name.startswith(self.EVAL_ATTRIBUTES):
                self.problems.append(f"<{tag} {name}> needs eval")
            elif name in ("href", "src", "action", "formaction") and value.strip().lower().startswith("javascript:"):
                self.problems.append(f"<{tag} {name}={value!r}>")
            elif name in ("hx-vals", "data-hx-vals", "hx-headers", "data-hx-headers") and value.strip().startswith(
                ("js:", "javascript:")
            ):
                self.problems.append(f"<{tag} {name}={value!r}> needs eval")
        if tag == "style":
            self.problems.append("<style> element")
        if tag == "script":
            self._in_script = True
        if tag == "meta" and dict(attrs).get("name"):
            self.metas[dict(attrs)["name"]] = dict(attrs).get("content") or ""

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.problems.append(f"inline <script> with {data.strip()[:40]!r}")


def inline_code(html: str) -> InlineCodeFinder:
    """What a strict CSP would block in `html`."""
    finder = InlineCodeFinder()
    finder.feed(html)
    finder.close()
    return finder


YEAR = 2026


def profile(**changes) -> Profile:
    """A mid-level engineer in Seattle, in retail, at a large company, with a bachelor's: change what matters."""
    base = Profile(
        current_level="mid",
        years_experience=4,
        location="seattle",
        industry="retail-ecommerce",
        company_type="large",
        education="bachelors",
    )
    return replace(base, **changes)


def neutral(**changes) -> Profile:
    """The article's own case: US average, all industries, a large company, a bachelor's, no skills."""
    return profile(**{"location": "us-average", "industry": "all-industries", **changes})


def admin_band_form(band, note: str = "A test edit", **changes) -> dict:
    """A salary band's admin change form as the browser posts it, with `changes` and the change note."""
    data = {
        "slug": band.slug,
        "kind": band.kind,
        "role": band.role_id or "",
        "location": band.location_id or "",
        "industry": band.industry_id or "",
        "min_amount": str(band.min_amount),
        "max_amount": str(band.max_amount),
        "currency": band.currency,
        "period": band.period,
        "covers": band.covers,
        "provenance": band.provenance,
        "source_quote": band.source_quote,
        "rationale": band.rationale,
        "change_note": note,
        "_save": "Save",
    }
    if band.open_ended:
        data["open_ended"] = "on"
    return {**data, **changes}
