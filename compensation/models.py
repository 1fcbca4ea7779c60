"""The salary data: lookup tables, bands and projection parameters, each with its provenance.

Every number that shapes a projected figure lives in these tables (loaded from fixtures/ and
edited in admin), never in code. A row either quotes the article's sentence it comes from, or is
an assumption with a written rationale.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from engine.slugs import BandKind, PayBasis, SourceKind

from .money import format_money, fraction_percent, signed_percent


class SlugManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Provenance(models.TextChoices):
    ARTICLE = SourceKind.ARTICLE, "Article"
    ASSUMPTION = SourceKind.ASSUMPTION, "Assumption"
    EDITED = SourceKind.EDITED, "Edited (the article's figure changed)"


class Sourced(models.Model):
    """Where a figure comes from: the article's exact sentence, or an assumption and why."""

    provenance = models.CharField(max_length=10, choices=Provenance.choices, default=Provenance.ASSUMPTION)
    source_quote = models.TextField(blank=True, help_text="The article's exact sentence or line.")
    rationale = models.TextField(blank=True, help_text="Why this assumption; required for assumptions.")

    class Meta:
        abstract = True

    @property
    def is_assumption(self) -> bool:
        return self.provenance == Provenance.ASSUMPTION

    def clean(self):
        super().clean()
        if self.provenance == Provenance.ARTICLE and not self.source_quote.strip():
            raise ValidationError({"source_quote": "A figure from the article needs the sentence it comes from."})
        if self.provenance == Provenance.ASSUMPTION and not self.rationale.strip():
            raise ValidationError({"rationale": "An assumption needs a rationale that users can read."})
        if self.provenance == Provenance.EDITED and not self.rationale.strip():
            raise ValidationError({"rationale": "An edited figure needs the note that says why it changed."})


class Lookup(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=100)
    order = models.PositiveSmallIntegerField(default=0)

    objects = SlugManager()

    class Meta:
        abstract = True
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)


class Location(Lookup):
    country = models.CharField(max_length=2, help_text="ISO 3166 country code, e.g. US, GB.")
    currency = models.CharField(max_length=3, help_text="ISO 4217 currency code, e.g. USD, GBP.")

    class Meta(Lookup.Meta):
        pass

    def clean(self):
        self.country = self.country.upper()
        self.currency = self.currency.upper()


class Industry(Lookup):
    class Meta(Lookup.Meta):
        verbose_name_plural = "industries"


class Track(Lookup):
    """A career path: individual contributor, management or research."""

    description = models.TextField(blank=True)


class Role(Lookup, Sourced):
    """A rung of the ladder: a level (Entry, Mid, Senior, Lead/Principal) or a progression role.

    `order` is seniority; a track's steps are its roles in that order. `typical_years` (years of
    experience at which the role is typically reached) carries the provenance of this row.
    """

    is_level = models.BooleanField(default=False, help_text="Can be chosen as a person's current level.")
    tracks = models.ManyToManyField(Track, related_name="roles", blank=True)
    typical_years = models.PositiveSmallIntegerField(
        help_text="Years of experience at which it is typically reached. Also what makes an input unusual: "
        "a level held with far fewer or far more years gets a note on the projection."
    )
    earliest_years = models.PositiveSmallIntegerField(
        default=0,
        help_text="Years of experience before which it is rarely reached: the earliest path never reaches it "
        "sooner (e.g. Director at 10).",
    )

    class Meta(Lookup.Meta):
        pass


class Skill(Lookup, Sourced):
    examples = models.CharField(max_length=200, blank=True)
    percentile_points = models.DecimalField(
        max_digits=4,
        decimal_places=3,
        validators=[MinValueValidator(0)],
        help_text="How far this skill moves a person up within a band (0.05 = 5 percentile points).",
    )
    research_points = models.DecimalField(
        max_digits=4,
        decimal_places=3,
        default=Decimal("0"),
        validators=[MinValueValidator(0)],
        help_text="Extra points on research-track roles.",
    )


class Education(Lookup, Sourced):
    percentile_points = models.DecimalField(max_digits=4, decimal_places=3, validators=[MinValueValidator(0)])
    research_points = models.DecimalField(
        max_digits=4,
        decimal_places=3,
        default=Decimal("0"),
        validators=[MinValueValidator(0)],
        help_text="Extra points on research-track roles.",
    )
    research_years = models.PositiveSmallIntegerField(
        default=0,
        help_text="Years of research experience the degree counts for on the research track. A degree that "
        "counts for any may enter the research track directly, from any level.",
    )

    class Meta(Lookup.Meta):
        verbose_name_plural = "education levels"


class CompanyType(Lookup, Sourced):
    base_factor = models.DecimalField(
        max_digits=4, decimal_places=2, validators=[MinValueValidator(0)], help_text="Multiplies base pay."
    )


class CurrencyManager(models.Manager):
    def get_by_natural_key(self, currency):
        return self.get(currency=currency)


class ExchangeRate(Sourced):
    currency = models.CharField(max_length=3, unique=True)
    usd_per_unit = models.DecimalField(max_digits=12, decimal_places=6, validators=[MinValueValidator(0)])

    objects = CurrencyManager()

    class Meta:
        ordering = ["currency"]

    def __str__(self):
        return f"1 {self.currency} = {self.usd_per_unit} USD"

    def natural_key(self):
        return (self.currency,)


class Parameter(Sourced):
    """A named number of the projection model (damping exponent, billable hours, ...)."""

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=100)
    value = models.DecimalField(max_digits=12, decimal_places=4)
    unit = models.CharField(max_length=40, blank=True)
    description = models.TextField(blank=True)

    objects = SlugManager()

    class Meta:
        ordering = ["slug"]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)


# The longest note a data version (and its stamp) keeps: one line, as the change lists and digests show it.
NOTE_MAX_LENGTH = 200

# A band whose figures move by more than this share from the saved ones needs a confirmation.
LARGE_CHANGE = 0.5


def _amount(value: Decimal, currency: str) -> str:
    """A band's figure in a message; one past any currency's scale (a typo) as plain digits."""
    try:
        return format_money(value, currency)
    except ArithmeticError:
        return f"{value:,.0f}"


class SalaryBand(Sourced):
    """A pay range. Exactly one dimension applies: a role, a location, an industry, or none (overall)."""

    class Kind(models.TextChoices):
        OVERALL = BandKind.OVERALL, "US average"
        ROLE = BandKind.ROLE, "By level or role"
        LOCATION = BandKind.LOCATION, "By location"
        INDUSTRY = BandKind.INDUSTRY, "By industry"
        TOTAL = BandKind.TOTAL, "Total compensation"
        FREELANCE = BandKind.FREELANCE, "Freelance rate"

    class Period(models.TextChoices):
        YEAR = "year", "per year"
        HOUR = "hour", "per hour"

    class Covers(models.TextChoices):
        BASE = PayBasis.BASE, "Base salary"
        TOTAL = PayBasis.TOTAL, "Total pay (base with bonus and equity)"

    slug = models.SlugField(unique=True)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    role = models.ForeignKey(Role, null=True, blank=True, on_delete=models.PROTECT, related_name="bands")
    location = models.ForeignKey(Location, null=True, blank=True, on_delete=models.PROTECT, related_name="bands")
    industry = models.ForeignKey(Industry, null=True, blank=True, on_delete=models.PROTECT, related_name="bands")
    min_amount = models.DecimalField(max_digits=14, decimal_places=2)
    max_amount = models.DecimalField(max_digits=14, decimal_places=2)
    open_ended = models.BooleanField(default=False, help_text='The top is open-ended, as in "$200,000+".')
    currency = models.CharField(max_length=3, default="USD")
    period = models.CharField(max_length=4, choices=Period.choices, default=Period.YEAR)
    covers = models.CharField(
        "pay basis",
        max_length=5,
        choices=Covers.choices,
        default=Covers.BASE,
        help_text="Base salary, or total pay with bonus and equity. The engine splits a total-pay band into "
        "base and bonus-and-equity with the share for the level, industry and company type.",
    )

    # The article's own figures for an article band, kept to tell an edited band from the article's.
    article_min = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True, editable=False)
    article_max = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True, editable=False)
    objects = SlugManager()

    class Meta:
        ordering = ["kind", "min_amount"]
        indexes = [models.Index(fields=["kind", "min_amount"])]

    def __str__(self):
        # Named in words for admins ("Seattle band, base salary in USD per year"); the slug stays the key.
        basis = self.get_covers_display().lower()
        return f"{self.subject} band, {basis} in {self.currency} {self.get_period_display()}"

    def save(self, *args, **kwargs):
        self.follow_figures()
        super().save(*args, **kwargs)

    def natural_key(self):
        return (self.slug,)

    # Set by the admin form or the survey import when the person confirmed a change over the limit.
    confirm_large_change = False
    # Set by the admin (or an import) before saving: why the figures changed, the source of an edited band.
    change_note = ""

    @property
    def is_articles_figure(self) -> bool:
        """The band still holds the article's figures (always False for a band the article does not give)."""
        return (
            self.article_min is not None
            and Decimal(self.min_amount) == self.article_min
            and Decimal(self.max_amount) == self.article_max
        )

    def follow_figures(self) -> None:
        """Provenance follows the figure: an article band whose figures changed is `edited`, with the change
        note as its source; put back to the article's figures, it is the article's again."""
        if self.article_min is None or self.provenance not in (Provenance.ARTICLE, Provenance.EDITED):
            return
        if self.is_articles_figure:
            self.provenance, self.rationale = Provenance.ARTICLE, ""
        elif self.provenance == Provenance.ARTICLE or self.change_note:
            self.provenance = Provenance.EDITED
            self.rationale = self.change_note or (
                f"Changed from the article's {self.article_min:,.0f} – {self.article_max:,.0f} {self.currency}."
            )

    @property
    def subject(self) -> str:
        for related in (self.role, self.location, self.industry):
            if related is not None:
                return related.name
        return self.get_kind_display()

    def clean(self):
        super().clean()
        self.currency = (self.currency or "").upper()
        errors, amounts = self._amount_errors()
        if not errors and not self.confirm_large_change:
            errors.update(self.large_changes(amounts))
        errors.update(self._subject_errors())
        if self.location_id is not None and self.currency != self.location.currency:
            errors["currency"] = (
                f"{self.location.name} pays in {self.location.currency}, so its band must be in "
                f"{self.location.currency}, not {self.currency}."
            )
        if not errors:
            clash = SalaryBand.objects.filter(
                kind=self.kind,
                role_id=self.role_id,
                location_id=self.location_id,
                industry_id=self.industry_id,
                covers=self.covers,
                period=self.period,
            ).exclude(pk=self.pk)
            if clash.exists():
                errors["__all__"] = (
                    f"There is already a band for this ({clash.first().slug}); "
                    "edit that one instead of adding a duplicate."
                )
        if errors:
            raise ValidationError(errors)

    def _amount_errors(self) -> tuple[dict, dict[str, Decimal]]:
        """What is wrong with the two amounts, and those that are usable numbers."""
        errors, amounts = {}, {}
        for name in ("min_amount", "max_amount"):
            value = getattr(self, name)
            if value is None or not isinstance(value, Decimal | int | float) or not Decimal(value).is_finite():
                continue  # not a number, NaN or infinite: the field's own validation refused it with a message
            if value < 0:
                errors[name] = "Pay cannot be negative."
            elif value == 0 and name == "min_amount":
                errors[name] = "The bottom of the band must be more than 0: a band of 0 pays nothing."
            else:
                amounts[name] = Decimal(value)
        low, high = amounts.get("min_amount"), amounts.get("max_amount")
        if low is not None and high is not None and low > high:
            errors["max_amount"] = "The top of the band must be at least its bottom (min ≤ max)."
        return errors, amounts

    def _subject_errors(self) -> dict[str, str]:
        """A band by role, location or industry names that one subject and no other."""
        errors = {}
        wanted = {
            self.Kind.ROLE: "role",
            self.Kind.LOCATION: "location",
            self.Kind.INDUSTRY: "industry",
        }.get(self.kind)
        for field in ("role", "location", "industry"):
            if field == wanted and getattr(self, f"{field}_id") is None:
                errors[field] = f"A band by {field} needs a {field}."
            elif field != wanted and getattr(self, f"{field}_id") is not None:
                errors[field] = f"A {self.get_kind_display().lower()} band has no {field}."
        return errors

    def large_changes(self, amounts: dict[str, Decimal]) -> dict[str, ValidationError]:
        """Figures that move by more than ±LARGE_CHANGE from the saved band's: a typo, most likely (an extra
        zero, a monthly figure), so they are refused until confirmed."""
        before = SalaryBand.objects.filter(pk=self.pk).values("min_amount", "max_amount").first() if self.pk else None
        found = {}
        for name, label in (("min_amount", "bottom"), ("max_amount", "top")):
            old, new = (before or {}).get(name), amounts.get(name)
            if not old or new is None:
                continue
            change = float(new) / float(old) - 1
            if abs(change) > LARGE_CHANGE:
                found[name] = ValidationError(
                    f"The {label} of the band moves from {_amount(old, self.currency)} to "
                    f"{_amount(new, self.currency)} ({signed_percent(change * 100)}), more than "
                    f"±{fraction_percent(LARGE_CHANGE)} from the saved band: check the figure, or confirm the change.",
                    code="large_change",
                )
        return found


class ShareManager(models.Manager):
    def get_by_natural_key(self, role, company_type, industry=""):
        return self.get(role__slug=role, company_type__slug=company_type, industry__slug=industry or None)


class BonusEquityShare(Sourced):
    """Bonus and equity as a share of total pay, by role and company type, optionally for one industry.

    The engine takes the most specific row: the one for the person's industry if there is one, else the
    one for every industry. A total-pay band is split into base and bonus-and-equity with it, and total
    pay = base ÷ (1 − share).
    """

    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="bonus_equity_shares")
    company_type = models.ForeignKey(CompanyType, on_delete=models.CASCADE, related_name="bonus_equity_shares")
    industry = models.ForeignKey(
        Industry,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="bonus_equity_shares",
        help_text="Leave empty for the row that applies to every industry without a row of its own.",
    )
    share = models.DecimalField(
        max_digits=3,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(Decimal("0.9"))],
        help_text="Bonus and equity as a share of total pay (0.45 = base is 55% of total).",
    )

    objects = ShareManager()

    class Meta:
        verbose_name = "bonus-and-equity share"
        ordering = ["company_type__order", "industry__order", "role__order"]
        constraints = [
            models.UniqueConstraint(fields=["role", "company_type", "industry"], name="one_share_per_industry"),
            models.UniqueConstraint(
                fields=["role", "company_type"],
                condition=models.Q(industry__isnull=True),
                name="one_share_for_every_industry",
            ),
        ]

    def __str__(self):
        where = self.industry.name if self.industry_id else "every industry"
        return f"{self.role} at a {self.company_type} ({where})"

    def natural_key(self):
        return (self.role.slug, self.company_type.slug, self.industry.slug if self.industry_id else "")

    natural_key.dependencies = ["compensation.role", "compensation.companytype", "compensation.industry"]


class CatalogVersion(models.Model):
    """A single counter bumped on every data change, so every process refreshes its cached snapshot."""

    version = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = "catalog version"

    def __str__(self):
        return f"Catalog version {self.version}"


class StampManager(models.Manager):
    def get_by_natural_key(self, name):
        return self.get()  # there is only ever one row

    def number(self) -> int:
        return self.values_list("number", flat=True).first() or 0


class DataStamp(models.Model):
    """Which published version of the salary data these rows are: its number, date and note.

    One row, kept by publishing (see `dataversions`). It is dumped with the data by `make fixtures`,
    so a fixture carries the version it was dumped at and a fresh `loaddata compensation` knows it.
    """

    NAME = "salary-data"

    number = models.PositiveIntegerField(default=0)
    published_at = models.DateTimeField(null=True, blank=True)
    note = models.CharField(max_length=NOTE_MAX_LENGTH, blank=True)

    objects = StampManager()

    class Meta:
        verbose_name = "data version stamp"

    def __str__(self):
        return f"Salary data version {self.number}"

    def natural_key(self):
        return (self.NAME,)


# The public salary survey (aijobs.net): how its free-text answers map onto the model, and its cells --------


class SurveyTitle(models.Model):
    """A job title as the survey's people wrote it, and the track it counts for (none: not counted)."""

    slug = models.SlugField(unique=True, max_length=120)
    title = models.CharField(max_length=200, unique=True, help_text="Exactly as in the survey's job_title column.")
    track = models.ForeignKey(
        Track,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="survey_titles",
        help_text="The track the title counts for; empty to leave it out of the survey's cells.",
    )
    rationale = models.TextField(blank=True, help_text="Why this title counts for this track.")

    objects = SlugManager()

    class Meta:
        ordering = ["title"]
        verbose_name = "survey job title"

    def __str__(self):
        return self.title

    def natural_key(self):
        return (self.slug,)


class SurveyLevel(models.Model):
    """The survey's experience level (EN, MI, SE, EX) on a track, and the role it stands for."""

    class Code(models.TextChoices):
        EN = "EN", "Entry / junior"
        MI = "MI", "Mid"
        SE = "SE", "Senior"
        EX = "EX", "Executive / director"

    slug = models.SlugField(unique=True, help_text="track-code, e.g. ic-se.")
    track = models.ForeignKey(Track, on_delete=models.CASCADE, related_name="survey_levels")
    code = models.CharField(max_length=2, choices=Code.choices)
    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="survey_levels")
    rationale = models.TextField(blank=True, help_text="Why this level stands for this role.")

    objects = SlugManager()

    class Meta:
        ordering = ["track__order", "code"]
        verbose_name = "survey experience level"
        constraints = [models.UniqueConstraint(fields=["track", "code"], name="one_role_per_survey_level")]

    def __str__(self):
        return f"{self.get_code_display()} on {self.track} → {self.role}"

    def natural_key(self):
        return (self.slug,)


class SurveyCountry(models.Model):
    """A country of the survey (where the person lives) and the location whose band stands for it."""

    slug = models.SlugField(unique=True)
    country = models.CharField(max_length=2, unique=True, help_text="ISO 3166 code, as in employee_residence.")
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="survey_countries")

    objects = SlugManager()

    class Meta:
        ordering = ["location__order"]
        verbose_name = "survey country"
        verbose_name_plural = "survey countries"

    def __str__(self):
        return f"{self.country} → {self.location}"

    def natural_key(self):
        return (self.slug,)


class SurveyCell(models.Model):
    """The survey's salaries for one role in one country, aggregated once at import (never per request).

    Salary only (no bonus or equity), in the location's currency (a salary paid in another currency is
    converted from the survey's US dollars at the catalog's rate). `known_gap` says why the band may stay
    far from this cell's median; it is kept across imports.
    """

    slug = models.SlugField(unique=True, max_length=120)
    source = models.CharField(max_length=200)
    years = models.CharField(max_length=40, help_text="The work years counted, e.g. 2024.")
    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="survey_cells")
    country = models.CharField(max_length=2)
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="survey_cells")
    currency = models.CharField(max_length=3)
    count = models.PositiveIntegerField()
    p10 = models.DecimalField(max_digits=14, decimal_places=2)
    p25 = models.DecimalField(max_digits=14, decimal_places=2)
    p50 = models.DecimalField(max_digits=14, decimal_places=2)
    p75 = models.DecimalField(max_digits=14, decimal_places=2)
    p90 = models.DecimalField(max_digits=14, decimal_places=2)
    known_gap = models.TextField(
        blank=True,
        help_text="Why the band may stay more than the calibration's tolerance from this cell's median "
        "(e.g. the survey under-samples big tech). Kept when the survey is imported again.",
    )

    objects = SlugManager()

    class Meta:
        ordering = ["location__order", "role__order"]
        verbose_name = "survey cell"

    def __str__(self):
        return f"{self.role} in {self.country}: {self.count} answers"

    def natural_key(self):
        return (self.slug,)

    natural_key.dependencies = ["compensation.role", "compensation.location"]
