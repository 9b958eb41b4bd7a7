"""The fact commands: /ring, /moratorium, /laws, /local, and the words they share."""
