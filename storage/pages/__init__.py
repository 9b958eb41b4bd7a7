"""Published campaign pages and their web signatures."""
