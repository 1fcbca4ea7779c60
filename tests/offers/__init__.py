"""Tests of the offers app."""
