"""{% estimate_offer %}: "Save the estimate you made before signing up?" where a log-in noted one."""

from django import template

from ..estimates import SESSION_KEY, describe, describe_pay
from ..models import PendingEstimate

register = template.Library()


@register.inclusion_tag("accounts/partials/estimate_offer.html", takes_context=True)
def estimate_offer(context) -> dict:
    request = context.get("request")
    if request is None or not request.user.is_authenticated or SESSION_KEY not in request.session:
        return {"estimate": None}  # no query: the session says whether there is anything to offer
    estimate = PendingEstimate.objects.filter(pk=request.session[SESSION_KEY], user=request.user).first()
    if estimate is None:
        del request.session[SESSION_KEY]  # saved or dismissed since
        return {"estimate": None}
    return {
        "estimate": estimate,
        "description": describe(estimate),
        "pay": describe_pay(estimate),
        "csrf_token": context.get("csrf_token"),
    }
