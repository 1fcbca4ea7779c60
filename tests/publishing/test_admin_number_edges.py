"""Every number field of the staff's salary-data forms refuses what is not a finite number in range with a
message, never a 500 (issue 33, items 2-3): NaN, infinities, huge exponents, a literal percent sign."""

import pytest
from django.contrib import admin
from django.db import models
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from compensation.models import (
    BonusEquityShare,
    CompanyType,
    Education,
    ExchangeRate,
    Location,
    Parameter,
    Role,
    SalaryBand,
    Skill,
)
from dataversions.models import DataVersion
from tests.careerpath.test_bad_input import EXAMPLES
from tests.servers import html_forms

pytestmark = pytest.mark.django_db

MODELS = [SalaryBand, Parameter, ExchangeRate, BonusEquityShare, Role, Location, Skill, Education, CompanyType]
NUMBERS = (models.IntegerField, models.DecimalField, models.FloatField)
EDGES = [
    *("nan", "NaN", "-nan", "sNaN", "inf", "-inf", "Infinity", "1e999999999", "-1e999999999", "1e-999999999"),
    *("1e308", "1e309", "-1", "0", "9" * 400, "0." + "0" * 400 + "1", "1_0", "٣", "5 %", "%s", "%(limit_value)s"),
]


def number_fields(model) -> list[str]:
    admin_fields = admin.site._registry[model].fields or [f.name for f in model._meta.fields]
    return [
        field.name
        for field in model._meta.fields
        if isinstance(field, NUMBERS) and field.editable and not field.primary_key and field.name in admin_fields
    ]


CASES = [(model, name) for model in MODELS for name in number_fields(model)]


@pytest.fixture
def staff_client(client, make_user):
    client.force_login(make_user("admin@example.com", is_staff=True, is_superuser=True))
    return client


def test_there_are_number_fields_to_try():
    assert len(CASES) >= 8, CASES


@EXAMPLES
@given(case=st.sampled_from(CASES), typed=st.sampled_from(EDGES), preview=st.booleans())
def test_every_admin_number_field_survives_its_edges(staff_client, case, typed, preview):
    model, name = case
    row = model.objects.first()
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[row.pk])
    page = staff_client.get(url)
    assert page.status_code == 200
    form = next(f for f in html_forms(page.content.decode()) if f.method == "post")
    data = {key: value for key, value in form.fields if key != name}
    data.update({name: typed, "change_note": "edge test", "_preview" if preview else "_save": "1"})
    versions = DataVersion.objects.count()

    response = staff_client.post(url, data)

    assert response.status_code < 500, (model.__name__, name, typed)
    if response.status_code == 200:  # shown again: with a message unless it was only a preview
        html = response.content.decode()
        assert "errorlist" in html or "errornote" in html or preview, (model.__name__, name, typed)
        assert "%%" not in html
        assert DataVersion.objects.count() == versions
