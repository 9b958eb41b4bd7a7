"""aiohttp servers of our own: slow-client defences, /healthz and /metrics."""
