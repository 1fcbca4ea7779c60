"""HEAD answers like GET, without a body, on every page (load balancers and uptime monitors probe with it).

Views say `@require_safe` (GET and HEAD), not `@require_GET`; a view that also takes a form says
`@require_http_methods(["GET", "HEAD", "POST"])`.
"""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_head_healthz_answers_200_without_a_body(client):
    response = client.head(reverse("healthz"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.content == b""


@pytest.mark.parametrize(
    "url",
    [
        pytest.param(lambda plan: reverse("home"), id="home"),
        pytest.param(lambda plan: reverse("methodology"), id="methodology"),
        pytest.param(lambda plan: reverse("plan_list"), id="plan list"),
        pytest.param(lambda plan: reverse("plan_detail", args=[plan.pk]), id="plan page"),
        pytest.param(lambda plan: reverse("projection_json", args=[plan.pk]), id="JSON export"),
        pytest.param(lambda plan: reverse("plan_compare"), id="compare"),
        pytest.param(lambda plan: reverse("account_email"), id="email addresses"),
        pytest.param(lambda plan: reverse("account_overview"), id="account"),
        pytest.param(lambda plan: reverse("account_export"), id="account export"),
        pytest.param(lambda plan: reverse("account_delete"), id="account delete"),
        pytest.param(lambda plan: reverse("plan_new"), id="new plan"),
        pytest.param(lambda plan: reverse("plan_edit", args=[plan.pk]), id="plan edit"),
        pytest.param(lambda plan: reverse("plan_delete", args=[plan.pk]), id="plan delete"),
        pytest.param(lambda plan: reverse("plan_share", args=[plan.pk]), id="share"),
    ],
)
def test_head_answers_like_get_without_a_body(user_client, plan, url):
    address = url(plan)

    head = user_client.head(address)
    get = user_client.get(address)

    assert head.status_code == get.status_code == 200, (head.status_code, get.status_code)
    assert head["Content-Type"] == get["Content-Type"]
    assert head.content == b""
