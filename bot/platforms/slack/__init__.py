"""Counterwatch on Slack: slash commands, modals and DMs generated from the registry.

The only package that imports slack_bolt / slack_sdk. Entry points:
`runner.run_slack` (main.py runs it beside other platforms) and
`manifest.build_manifest` (`python main.py slack-manifest`).
"""
