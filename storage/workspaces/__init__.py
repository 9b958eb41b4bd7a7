"""What a workspace's admins chose for the whole workspace (its default language)."""
