"""Tests of the pure projection engine (engine/)."""
