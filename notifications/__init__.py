"""Notifications: the loop that delivers queued direct messages (follow notices) once."""
