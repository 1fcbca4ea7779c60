"""Form fields for money, shared by every form that takes an amount: one set of messages for people."""

from django import forms


def amount_field(
    label: str, what: str, *, max_value: int, whose: str = "your", required: bool = False, help_text: str = ""
) -> forms.IntegerField:
    """A yearly amount in whole units of a currency: no symbols, no commas, never negative.

    `what` names the amount in messages ("base pay"), `whose` whose it is ("your", "the").
    """
    return forms.IntegerField(
        label=label,
        required=required,
        min_value=0,
        max_value=max_value,
        help_text=help_text,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        error_messages={
            "required": f"Enter {whose} {what}.",
            "invalid": f"Enter {whose} {what} as a whole number, like 150000, without symbols or commas.",
            "min_value": f"{whose.capitalize()} {what} cannot be negative.",
            "max_value": f"{whose.capitalize()} {what} is far above any pay in the data: check the number of zeros.",
        },
    )
