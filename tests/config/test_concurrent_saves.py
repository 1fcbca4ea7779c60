"""Two tabs saving the same plan at the same moment: one save, one conflict page keeping what was typed.

Two gunicorn processes share a database of their own (a SQLite file, or PostgreSQL when DATABASE_URL
names it) and receive the two saves together, round after round. Before SQLite ran IMMEDIATE
transactions, the loser of 7–10 rounds in 20 got a 503 ("database is locked") and lost its text.
"""

import threading
from collections import Counter

import pytest

from tests.factories import PASSWORD, PLAN_POST
from tests.servers import WebClient, gunicorn_servers, run_manage, site_database

ROUNDS = 20
EMAIL = "ada@example.com"
CREATE_USER = f"""
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
user = get_user_model().objects.create_user(username="{EMAIL}", email="{EMAIL}", password="PASSWORD")
EmailAddress.objects.create(user=user, email="{EMAIL}", verified=True, primary=True)
"""


@pytest.fixture
def tabs(tmp_path):
    """Two logged-in tabs of one person, each talking to its own server process, and their plan's edit address."""
    with site_database(tmp_path) as database_url:
        run_manage(database_url, "shell", "-c", CREATE_USER.replace("PASSWORD", PASSWORD))
        with gunicorn_servers(2, tmp_path, DATABASE_URL=database_url) as (first, second):
            tab_a = WebClient(first)
            assert tab_a.log_in(EMAIL).status == 302
            tab_b = WebClient(second, jar=tab_a.jar)  # one browser, two tabs
            created = tab_a.submit("/plans/new/", PLAN_POST, form_action="/plans/new/")
            assert created.status == 302, created.text[:500]
            yield tab_a, tab_b, created.location.rstrip("/") + "/edit/"


def save_both_at_once(tabs, edit_path: str, round_number: int) -> list[tuple[str, int, str]]:
    """Both tabs open the edit form, then press Save together; (tab, status, page) for each."""
    pages = {name: tab.get(edit_path) for name, tab in tabs.items()}
    start = threading.Barrier(len(tabs))
    results = []

    def save(name: str, tab: WebClient) -> None:
        notes = f"Typed in tab {name}, round {round_number}"
        start.wait()
        page = tab.post_form(pages[name].text, edit_path, {"notes": notes}, form_action=edit_path)
        results.append((name, page.status, page.text))

    threads = [threading.Thread(target=save, args=item) for item in tabs.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_simultaneous_saves_of_one_plan_end_in_one_save_and_one_conflict_keeping_the_text(tabs):
    tab_a, tab_b, edit_path = tabs
    outcomes = Counter()

    for round_number in range(ROUNDS):
        results = save_both_at_once({"A": tab_a, "B": tab_b}, edit_path, round_number)

        statuses = sorted(status for _, status, _ in results)
        outcomes[tuple(statuses)] += 1
        assert statuses == [302, 409], f"round {round_number}: {statuses} (so far {dict(outcomes)})"
        [(loser, _, page)] = [result for result in results if result[1] == 409]
        assert f"Typed in tab {loser}, round {round_number}" in page, "the conflict page lost the typed text"
