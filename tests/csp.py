"""What a strict Content-Security-Policy would block in a page's markup: inline script and style, event
handler attributes, `javascript:` URLs and htmx attributes that need eval."""

from html.parser import HTMLParser


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
