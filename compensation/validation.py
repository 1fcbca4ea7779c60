"""Input rules every form shares (plans, offers, the staff side, imports): one place, one message each.

- One-line names: a title, a company's name, anything shown on one line or put in an email subject.
- Messages with a literal percent sign, safe from Django's `%` formatting of its error messages.
- Numbers read from text (CSV imports, a custom vesting schedule): bounded in digits and exponent
  before any arithmetic or message, finite, in range.
"""

from __future__ import annotations

import math
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError

from engine.profile import ProjectionError

# Line and paragraph breaks, tabs, escape and other control characters: a name is shown on one line and
# goes into email subjects, where a line break is a header injection (Django refuses to send it).
NOT_ON_ONE_LINE = {"Cc", "Zl", "Zp"}
# Text-direction controls (bidi embeddings, overrides, isolates and marks): they make a name read
# differently from what it holds ("Trojan Source"), on the page and in a subject line.
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _not_on_one_line(character: str) -> bool:
    return character in BIDI_CONTROLS or unicodedata.category(character) in NOT_ON_ONE_LINE


def one_line_message(what: str) -> str:
    return f"Keep {what} to one line: no line breaks, tabs, text-direction or other control characters."


class OneLineName:
    """A validator: refuse a name that is not one line of plain text. `what` names it in the message."""

    def __init__(self, what: str = "the name") -> None:
        self.what = what

    def __call__(self, value: str) -> None:
        if any(_not_on_one_line(character) for character in str(value)):
            raise ValidationError(one_line_message(self.what), code="not_one_line")

    def __eq__(self, other: object) -> bool:  # validators compare equal in migrations' field checks
        return isinstance(other, OneLineName) and other.what == self.what

    def deconstruct(self):
        return ("compensation.validation.OneLineName", (self.what,), {})


def one_line(text: str) -> str:
    """`text` as a single line: each run of whitespace or control characters becomes one space, and
    text-direction controls are dropped (for text already stored, e.g. an old company's name)."""
    kept = (
        "" if character in BIDI_CONTROLS else " " if character.isspace() or _not_on_one_line(character) else character
        for character in text
    )
    return " ".join("".join(kept).split())


# Django fills these error messages in with `message % params` (limit_value, max ...): a literal
# percent ("200 % or less") is then read as a format code and the form fails with a TypeError.
_FORMATTED_CODES = frozenset(
    {"min_value", "max_value", "max_length", "min_length", "max_digits", "max_decimal_places", "max_whole_digits"}
    | {"step_size", "invalid_choice", "item_invalid"}
)


def field_messages(**messages: str) -> dict[str, str]:
    """Error messages for a Django form field, each shown exactly as written (a `%` stays a `%`)."""
    return {code: text.replace("%", "%%") if code in _FORMATTED_CODES else text for code, text in messages.items()}


# Numbers read from text: "-12.5", "1e3", "150000". At most this many digits and this exponent, so a
# "1e999999999" neither hangs Decimal/float arithmetic nor writes a number out a megabyte long.
MAX_DIGITS = 15
MAX_EXPONENT = 9
_NUMBER = re.compile(r"[+-]?(?P<whole>\d*)(?:\.(?P<fraction>\d*))?(?:[eE](?P<exponent>[+-]?\d{1,3}))?")


def bounded_number(text: str, *, max_digits: int = MAX_DIGITS, max_exponent: int = MAX_EXPONENT) -> float:
    """`text` as a finite float, or ValueError with a short reason (never the text itself, which may be huge)."""
    return float(bounded_decimal(text, max_digits=max_digits, max_exponent=max_exponent))


def bounded_decimal(text: str, *, max_digits: int = MAX_DIGITS, max_exponent: int = MAX_EXPONENT) -> Decimal:
    """`text` as a finite Decimal of at most `max_digits` digits and an exponent of at most `max_exponent`,
    checked on the text before Decimal reads it; else ValueError with a short reason."""
    text = text.strip()
    match = _NUMBER.fullmatch(text) if len(text) <= max_digits + 8 else None
    if match is None or not (match["whole"] or match["fraction"]):
        raise ValueError("not a number")
    digits = len((match["whole"] or "").lstrip("0")) + len(match["fraction"] or "")
    if digits > max_digits:
        raise ValueError(f"more than {max_digits} digits")
    if match["exponent"] and abs(int(match["exponent"])) > max_exponent:
        raise ValueError("exponent out of range")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError("not a number") from None
    if not value.is_finite():
        raise ValueError("not a finite number")
    return value


def shown(text: str, limit: int = 40) -> str:
    """What was typed, cut to `limit` characters for a message (a cell may hold 128 KB)."""
    return text if len(text) <= limit else text[:limit] + "…"


def is_finite_number(value: object) -> bool:
    """True for an int, float or Decimal that is a real number (not NaN, not infinite)."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return False
    return value.is_finite() if isinstance(value, Decimal) else math.isfinite(value)


class StoredValueError(ProjectionError):
    """A value read from the database that the forms would refuse (written before a rule, or by hand).

    Pages answer it with a 409 that names the value and links to where it can be edited
    (config.middleware.StoredValueMiddleware), never with a 500. A ProjectionError, so what already
    passes over a plan that cannot be projected (list summaries, notices) passes over it too."""

    def __init__(self, what: str, edit_view: str = "", edit_kwarg: str = "") -> None:
        super().__init__(what)
        self.what = what
        self.edit_view = edit_view
        self.edit_kwarg = edit_kwarg
