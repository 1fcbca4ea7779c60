"""The catalog snapshot is loaded once per process and reloaded as soon as the data changes."""

import pytest

from compensation import catalog
from compensation.catalog import get_catalog
from compensation.models import CatalogVersion, Parameter, Role, SalaryBand, Track


@pytest.fixture(autouse=True)
def cold_cache(monkeypatch):
    """Each test starts without a cached snapshot, and leaves none behind.

    The database rolls back after a test but the process-wide cache does not, so a snapshot built
    from a test's changes must not outlive it.
    """
    monkeypatch.setattr(catalog, "_cached", None)


def test_catalog_has_the_fixtures_figures(db):
    snapshot = get_catalog()

    assert snapshot.role_bands["mid"].min == 120000
    assert snapshot.role_bands["mid"].max == 160000
    assert snapshot.location_bands["bangalore"].currency == "INR"
    assert snapshot.other_bands["freelance"].max == 150
    assert snapshot.param("freelance-billable-hours").value == 1500
    assert [role.slug for role in snapshot.track_roles("ic")] == [
        "entry",
        "mid",
        "senior",
        "lead-principal",
        "principal",
        "ml-architect",
    ]


def test_saving_a_band_bumps_the_version_and_the_next_call_sees_it(db):
    before = get_catalog()
    band = SalaryBand.objects.get(slug="role-mid")
    band.min_amount = 125000
    band.save()

    after = get_catalog()

    assert CatalogVersion.objects.get(pk=1).version == before.version + 1
    assert after.version == before.version + 1
    assert after.role_bands["mid"].min == 125000
    assert before.role_bands["mid"].min == 120000  # a snapshot in use never changes under its reader


def test_deleting_a_band_is_seen_at_the_next_call(db):
    get_catalog()
    SalaryBand.objects.filter(slug="freelance-hourly").delete()  # a queryset delete still signals per row

    assert "freelance" not in get_catalog().other_bands


def test_changing_a_parameter_is_seen_at_the_next_call(db):
    get_catalog()
    parameter = Parameter.objects.get(slug="base-percentile")
    parameter.value = "0.40"
    parameter.save()

    assert get_catalog().param("base-percentile").value == 0.40


def test_changing_a_roles_tracks_is_seen_at_the_next_call(db):
    get_catalog()
    Role.objects.get(slug="ml-architect").tracks.add(Track.objects.get(slug="research"))

    assert "ml-architect" in [role.slug for role in get_catalog().track_roles("research")]


def test_an_unchanged_catalog_costs_one_query_and_is_the_same_object(db, django_assert_num_queries):
    first = get_catalog()

    with django_assert_num_queries(1):
        second = get_catalog()

    assert second is first


def test_the_first_call_loads_everything_in_a_fixed_number_of_queries(db, django_assert_max_num_queries):
    with django_assert_max_num_queries(18):  # fifteen tables, role tracks, version, data version stamp
        get_catalog()
