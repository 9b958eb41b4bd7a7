"""The words and tables every floor shares: US states and which border which, how place names
compare, dates with their precision, the rule for a source link. The bottom floor: it imports
nothing of the project."""
