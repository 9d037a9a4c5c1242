"""Channels that fan values out to their subscribers, and agents that read them."""
