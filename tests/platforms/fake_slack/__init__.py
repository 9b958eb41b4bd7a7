"""A fake Slack on 127.0.0.1 (Web API, response_url, file uploads, Socket Mode websocket)
and helpers that sign requests exactly as Slack does."""
