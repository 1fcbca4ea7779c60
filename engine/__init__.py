"""The projection engine: plain Python on plain data, no Django."""
