"""Job offers: what an offer really pays, year by year, beside a person's plans."""
