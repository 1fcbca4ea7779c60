"""Changing location after typing pay asks, never reinterprets silently (issue 21): convert, keep or clear."""

import re

import pytest
from django.urls import reverse

from careerpath.forms import ProfileForm
from tests.factories import PLAN_POST

pytestmark = pytest.mark.django_db

SEATTLE_PAY_IN_LONDON = {
    **{k: v for k, v in PLAN_POST.items() if k not in ("title", "notes")},
    "location": "london",
    "current_base": "200000",
    "current_bonus": "20000",
    "pay_currency": "USD",
}


def form(catalog, **changes):
    return ProfileForm({**SEATTLE_PAY_IN_LONDON, **changes}, catalog=catalog)


def test_without_a_choice_the_form_asks_and_keeps_what_was_typed(catalog):
    f = form(catalog)
    assert not f.is_valid()
    message = f.errors["pay_currency_choice"][0]
    assert "You typed your pay ($200,000, $20,000) in USD, and London pays in GBP (£)" in message
    assert "convert it into GBP" in message and "keep the numbers as typed" in message and "clear your pay" in message
    assert f["current_base"].value() == "200000" and f["pay_currency"].value() == "USD"
    assert f["current_base"].label == "Base pay now ($)"  # the figures shown are still dollars


def test_convert_uses_the_catalogs_rate_rounded_to_the_hundred(catalog):
    f = form(catalog, pay_currency_choice="convert")
    assert f.is_valid(), f.errors
    rate = catalog.rates["USD"].usd_per_unit / catalog.rates["GBP"].usd_per_unit
    assert f.cleaned_data["current_base"] == round(200_000 * rate, -2) == 157_500
    assert f.cleaned_data["current_bonus"] == 15_700 and f.cleaned_data["current_equity"] is None
    assert f.profile().current_base == 157_500
    assert f["current_base"].value() == "157500" and f["pay_currency"].value() == "GBP"
    assert f["current_base"].label == "Base pay now (£)"


def test_keep_reads_the_numbers_in_the_new_currency(catalog):
    f = form(catalog, pay_currency_choice="keep")
    assert f.is_valid(), f.errors
    assert f.profile().current_base == 200_000 and f["pay_currency"].value() == "GBP"


def test_clear_removes_the_pay(catalog):
    f = form(catalog, pay_currency_choice="clear")
    assert f.is_valid(), f.errors
    assert f.profile().current_base is None and f.profile().current_bonus is None
    assert f["current_base"].value() == "" and f["pay_currency"].value() == "GBP"


def test_no_question_without_pay_or_in_the_same_currency(catalog):
    assert form(catalog, current_base="", current_bonus="").is_valid()
    assert form(catalog, location="seattle").is_valid()
    assert form(catalog, pay_currency="").is_valid()  # a form sent without it: the location's currency


def test_a_choice_that_is_not_one_is_refused_with_a_message(catalog):
    f = form(catalog, pay_currency_choice="guess")
    assert not f.is_valid()
    assert f.errors["pay_currency_choice"][0] == "Choose to convert, keep or clear your pay."


def test_without_javascript_the_estimate_asks_then_converts(client):
    response = client.post(reverse("estimate"), SEATTLE_PAY_IN_LONDON)
    html = response.content.decode()
    assert response.status_code == 400
    assert "You typed your pay ($200,000, $20,000) in USD, and London pays in GBP (£)" in html
    assert 'value="convert"' in html and 'value="keep"' in html and 'value="clear"' in html
    assert 'name="current_base" value="200000"' in html and 'name="pay_currency" value="USD"' in html

    response = client.post(reverse("estimate"), {**SEATTLE_PAY_IN_LONDON, "pay_currency_choice": "convert"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="current_base" value="157500"' in html and 'name="pay_currency" value="GBP"' in html
    assert "Base pay now (£)" in html and "£157,500" in html


def test_without_javascript_a_plan_edit_asks_then_keeps(user_client, plan):
    url = reverse("plan_edit", args=[plan.pk])
    post = {**PLAN_POST, **SEATTLE_PAY_IN_LONDON, "version": plan.version}
    response = user_client.post(url, post)
    assert response.status_code in (200, 400)
    assert "London pays in GBP" in response.content.decode()
    plan.refresh_from_db()
    assert plan.current_base is None  # nothing saved until the person chooses
    response = user_client.post(url, {**post, "pay_currency_choice": "keep"})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.current_base == 200_000


# Issue 32, item 4: the pay fields' label and help name the same currency, from one source.


def helps(html: str) -> dict[str, str]:
    """Each pay field's label and help text, as the page shows them."""
    found = {}
    for name in ("current_base", "current_bonus", "current_equity"):
        label = re.search(rf'<label for="id_{name}">([^<]*)</label>', html).group(1)
        help_text = re.search(rf'<div class="helptext" id="id_{name}_helptext">([^<]*)</div>', html).group(1)
        found[name] = f"{label.rstrip(':')} | {help_text}"
    return found


def test_every_pay_field_names_the_chosen_locations_currency(client):
    html = client.post(reverse("estimate"), {**SEATTLE_PAY_IN_LONDON, "location": "sf-bay-area"}).content.decode()

    for text in helps(html).values():
        assert "($) | " in text and "in USD ($), the currency of San Francisco Bay Area." in text, text
        assert "Seattle" not in text


def test_while_the_currency_question_is_open_label_and_help_name_both_currencies(client):
    html = client.post(reverse("estimate"), SEATTLE_PAY_IN_LONDON).content.decode()

    base = helps(html)["current_base"]
    assert base.startswith("Base pay now ($) | "), base
    assert "as typed, in USD ($); London pays in GBP (£)" in base


def test_after_converting_label_and_help_name_the_new_currency(client):
    answer = client.post(reverse("estimate"), {**SEATTLE_PAY_IN_LONDON, "pay_currency_choice": "convert"})

    for text in helps(answer.content.decode()).values():
        assert "(£) | " in text and "in GBP (£), the currency of London." in text, text


def test_each_pay_field_carries_its_help_as_templates_for_the_live_page(client):
    html = client.get(reverse("home")).content.decode()

    field = re.search(r'<input type="number" name="current_bonus"[^>]*>', html).group(0)
    assert 'data-help="Optional. Your usual yearly bonus, in {currency} ({symbol}), the currency of {place}."' in field
    assert "data-help-typed=" in field and "{typed}" in field


HX = {"HX-Request": "true"}


@pytest.mark.parametrize(
    ("choice", "settled"),
    [
        ("convert", 'data-current-base="157500" data-current-bonus="15700" data-current-equity=""'),
        ("keep", 'data-current-base="200000" data-current-bonus="20000" data-current-equity=""'),
        ("clear", 'data-current-base="" data-current-bonus="" data-current-equity=""'),
    ],
)
def test_a_live_update_with_a_choice_carries_the_pay_the_server_settled(client, choice, settled):
    """The page's script converts nothing: the server's one conversion answers with the figures it puts in."""
    response = client.post(reverse("estimate"), {**SEATTLE_PAY_IN_LONDON, "pay_currency_choice": choice}, headers=HX)
    assert response.status_code == 200
    assert f"<template data-settled-pay {settled}></template>" in response.content.decode()


def test_a_plan_preview_with_a_choice_carries_the_pay_the_server_settled(user_client, plan):
    url = reverse("plan_preview", args=[plan.pk])
    post = {**PLAN_POST, **SEATTLE_PAY_IN_LONDON, "version": plan.version, "pay_currency_choice": "convert"}
    html = user_client.post(url, post, headers=HX).content.decode()
    assert 'data-settled-pay data-current-base="157500" data-current-bonus="15700"' in html


def test_a_live_update_without_a_choice_carries_no_settled_pay(client):
    same_currency = {**SEATTLE_PAY_IN_LONDON, "location": "seattle"}
    assert "data-settled-pay" not in client.post(reverse("estimate"), same_currency, headers=HX).content.decode()


def test_the_form_carries_the_question_for_the_script_and_no_exchange_rates(client):
    html = client.get(reverse("home")).content.decode()
    assert "<template data-pay-currency-ask>" in html and "at the data's exchange rate" in html
    assert "data-usd-per-unit" not in html  # the page converts nothing itself
