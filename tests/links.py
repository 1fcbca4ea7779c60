"""The addresses a page's links and forms lead to, as a browser would build them (for tests)."""

import re
from html import unescape
from urllib.parse import urlencode

WHY_FORM = re.compile(r'<form id="why-form" action="([^"]*)" method="get" hidden>(.*?)</form>', re.S)
HIDDEN = re.compile(r'<input type="hidden" name="([^"]*)" value="([^"]*)">')
WHY_BUTTON = re.compile(r'<button form="why-form" name="figure" value="([^"]*)">')


def why_urls(html: str) -> list[str]:
    """Every "Why this figure" of a page: the one GET form's address with each button's figure."""
    form = WHY_FORM.search(html)
    if form is None:
        return []
    fields = [(unescape(k), unescape(v)) for k, v in HIDDEN.findall(form[2])]
    pairs = [[*fields, ("figure", unescape(v))] for v in WHY_BUTTON.findall(html)]
    return [f"{unescape(form[1])}?{urlencode(p, safe='/')}" for p in pairs]


EARNINGS = re.compile(
    r'<div class="earnings-later" data-load-when-seen>\s*<h3>[^<]*</h3>\s*<p class="js-hide"><a href="([^"]+)"'
)


def scrolled(client, html: str) -> str:
    """A page as a person sees it once scrolled down: its earnings part, fetched when seen, put in."""
    found = EARNINGS.search(html)
    if found is None:
        return html
    return html + client.get(unescape(found[1]), headers={"HX-Request": "true"}).content.decode()
