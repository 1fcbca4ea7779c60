"""Inputs for the engine and the staff forms: the profiles the engine tests start from, the one hypothesis
strategy over every profile the catalog allows (`people`), and the salary-band edits the admin makes."""

from dataclasses import replace

from hypothesis import strategies as st

from engine.profile import DEFAULT_HORIZON, HORIZONS, Profile

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


def change_band(slug: str, note: str, **amounts) -> None:
    """Publish a salary-band change, as the admin does (one data version with its note)."""
    from compensation.models import SalaryBand
    from dataversions.recording import publishing

    with publishing(note, kind="admin"):
        band = SalaryBand.objects.get(slug=slug)
        for name, value in amounts.items():
            setattr(band, name, value)
        band.save()


def people(catalog, *, max_years: int = 45, with_pay: bool = False, with_target: bool = False):
    """Hypothesis: any profile the catalog allows; `with_pay` adds the pay fields and a horizon,
    `with_target` a target track and year (either may be missing)."""
    pay = st.one_of(st.none(), st.integers(0, 5_000_000)) if with_pay else st.none()
    targets = st.none() | st.sampled_from(sorted(catalog.tracks)) if with_target else st.none()
    years = st.none() | st.integers(YEAR, YEAR + 40) if with_target else st.none()
    return st.builds(
        Profile,
        current_level=st.sampled_from([r.slug for r in catalog.levels()]),
        years_experience=st.integers(0, max_years),
        location=st.sampled_from(sorted(catalog.locations)),
        industry=st.sampled_from(sorted(catalog.industries)),
        company_type=st.sampled_from(sorted(catalog.company_types)),
        education=st.sampled_from(sorted(catalog.educations)),
        skills=st.frozensets(st.sampled_from(sorted(catalog.skills))),
        work_mode=st.sampled_from(["onsite", "remote-us", "freelance"]),
        target_track=targets,
        target_year=years,
        current_base=pay,
        current_bonus=pay,
        current_equity=pay,
        horizon_years=st.sampled_from(HORIZONS) if with_pay else st.just(DEFAULT_HORIZON),
    )


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
