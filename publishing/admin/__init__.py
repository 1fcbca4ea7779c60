"""Django admin for the staff: salary data (with preview and survey import), its versions, plans and links."""

from . import plans, salary, survey, versions  # noqa: F401  (each module registers its ModelAdmins)
