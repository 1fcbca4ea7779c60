"""Settings for `make bench`: production settings plus the bare views in `careerpath.bench_urls`."""

from .settings import *  # noqa: F403

ROOT_URLCONF = "careerpath.bench_urls"
