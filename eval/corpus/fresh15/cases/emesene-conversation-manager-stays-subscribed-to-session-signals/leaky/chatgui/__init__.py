"""The conversation side of an instant-messaging client."""
