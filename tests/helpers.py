"""Helpers shared by the test modules (import from here, never from another test module)."""

from dataclasses import replace

from careerpath.projection import Profile

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
