"""Platform adapters: the only code that knows about Discord, Slack or a terminal."""
