"""The projection engine: plain Python on plain data, no Django (an import-linter contract keeps it so)."""
