"""Settings for `make bench`: production settings plus the bare views in `config.bench_urls`."""

from .settings import *  # noqa: F403

ROOT_URLCONF = "config.bench_urls"
