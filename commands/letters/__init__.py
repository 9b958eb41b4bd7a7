"""Letters and petitions: Jinja templates filled with local facts, in English and Spanish."""
