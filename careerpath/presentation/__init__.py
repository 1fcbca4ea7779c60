"""How a projection is shown: the panel (orchestration), its words, and its charts."""
