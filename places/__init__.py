"""Places: how typed place names are read, and the in-memory index of every known place.

A feature, not the core: it reads facts through storage and answers commands' questions
("which place is 'Greenfield WI'?", "what could 'Greenf' be?").
"""
