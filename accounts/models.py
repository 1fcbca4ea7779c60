"""What an account chooses beyond allauth's own data: email when the salary data moves a plan."""

from django.conf import settings
from django.db import models


class DataChangeAlert(models.Model):
    """ "Email me when a change of the salary data moves one of my plans by more than N %" (off by default)."""

    class Threshold(models.IntegerChoices):
        TWO = 2, "2 %"
        FIVE = 5, "5 %"
        TEN = 10, "10 %"

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="data_change_alert")
    threshold = models.PositiveSmallIntegerField(choices=Threshold.choices, null=True, blank=True)

    def __str__(self):
        return f"Alerts for {self.user}: {self.get_threshold_display() or 'off'}"


class DigestSent(models.Model):
    """One digest email per person per version of the salary data: recorded so it never goes twice."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="data_digests")
    data_version = models.PositiveIntegerField()
    plans = models.PositiveSmallIntegerField(help_text="Plans the digest named.")
    sent = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "data_version"], name="one_digest_per_version")]

    def __str__(self):
        return f"Digest of version {self.data_version} to {self.user}"


class PendingEstimate(models.Model):
    """The quick estimate a person made before signing up, kept with the new account so that their first
    log-in, in any browser, can offer to save it as a plan (see accounts/estimates.py)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pending_estimate")
    query = models.CharField(max_length=2000, help_text="The estimate form's query string.")
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"Estimate kept for {self.user}"
