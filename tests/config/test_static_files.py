"""Static files by behaviour (static/js/core.js runs the files of static/js/behaviours/) and by component."""

import re

from django.conf import settings
from django.template.loader import get_template

JS = settings.BASE_DIR / "static" / "js"


def test_one_htmx_after_settle_hook_runs_every_behaviour():
    hooks = {path.name: path.read_text().count('addEventListener("htmx:afterSettle"') for path in JS.rglob("*.js")}
    assert hooks.pop("core.js") == 1 and not any(hooks.values()), hooks


def test_each_behaviour_file_registers_one_behaviour_and_the_page_loads_it_after_the_core():
    base = get_template("base.html").template.source
    loaded = re.findall(r"js/(?:behaviours/)?[\w-]+\.js", base)
    behaviours = sorted(path.name for path in (JS / "behaviours").glob("*.js"))
    assert (
        loaded[0] == "js/core.js" and sorted(name.removeprefix("js/behaviours/") for name in loaded[1:]) == behaviours
    )
    for name in behaviours:
        text = (JS / "behaviours" / name).read_text()
        assert text.count("CareerPath.behaviour(") == 1, name
        assert f'CareerPath.behaviour("{name.removesuffix(".js")}"' in text, name


def test_no_script_converts_money_or_repeats_the_currency_question():
    script = (JS / "behaviours" / "pay-currency.js").read_text()
    assert "usd" not in script.lower() and "Math.floor" not in script  # the server's one conversion
    assert "exchange rate" not in script  # the question's words are the form's <template>
