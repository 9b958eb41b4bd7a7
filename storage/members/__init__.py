"""What a member chose for themselves (their language)."""
