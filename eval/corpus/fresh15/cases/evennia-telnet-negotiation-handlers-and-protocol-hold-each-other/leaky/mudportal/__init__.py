"""The telnet side of a game portal."""
