"""HTML this process has rendered from one catalog snapshot, kept until the snapshot changes.

A projection panel, and the inputs of a form nobody has typed into yet, depend only on their
inputs, the year and the salary data. People flip inputs back and forth, so a small LRU per process
answers most live updates. An admin change builds a new snapshot (`compensation.catalog`), and the
first lookup with it empties the cache, in every process, at its next request.
"""

from __future__ import annotations

import gzip
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

from django.conf import settings
from django.utils.safestring import SafeString

from compensation.data import Catalog


class Fragment(SafeString):
    """Rendered HTML (safe: a template's escaped output), with its gzip form made once when first sent."""

    _gzipped: bytes | None = None

    def gzipped(self) -> bytes:
        if self._gzipped is None:
            self._gzipped = gzip.compress(self.encode(), compresslevel=6, mtime=0)
        return self._gzipped


class SnapshotCache:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._catalog: Catalog | None = None
        self._entries: OrderedDict[Hashable, Fragment] = OrderedDict()

    def get_or_render(self, catalog: Catalog, key: Hashable, render: Callable[[], str]) -> Fragment:
        size = settings.RENDER_CACHE_SIZE
        with self._lock:
            if self._catalog is catalog and (html := self._entries.get(key)) is not None:
                self._entries.move_to_end(key)
                return html
        html = Fragment(render())
        if size:
            with self._lock:
                if self._catalog is not catalog:
                    self._catalog, self._entries = catalog, OrderedDict()
                self._entries[key] = html
                while len(self._entries) > size:
                    self._entries.popitem(last=False)
        return html


panels = SnapshotCache()
fields = SnapshotCache()
