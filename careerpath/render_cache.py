"""HTML this process has rendered from one catalog snapshot, kept until the snapshot changes.

A projection panel, and the inputs of a form nobody has typed into yet, depend only on their
inputs, the year and the salary data. People flip inputs back and forth, so a small LRU per process
answers most live updates. An admin change builds a new snapshot (`compensation.catalog`), and the
first lookup with it empties the cache, in every process, at its next request.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

from django.conf import settings
from django.utils.safestring import SafeString, mark_safe

from compensation.data import Catalog


class SnapshotCache:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._catalog: Catalog | None = None
        self._entries: OrderedDict[Hashable, SafeString] = OrderedDict()

    def get_or_render(self, catalog: Catalog, key: Hashable, render: Callable[[], str]) -> SafeString:
        size = settings.RENDER_CACHE_SIZE
        with self._lock:
            if self._catalog is catalog and (html := self._entries.get(key)) is not None:
                self._entries.move_to_end(key)
                return html
        html = mark_safe(render())  # noqa: S308 (a template's output, escaped by the template)
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
