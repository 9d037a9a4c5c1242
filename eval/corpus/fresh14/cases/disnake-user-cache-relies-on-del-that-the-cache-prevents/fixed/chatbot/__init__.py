"""A chat client's connection state and the user objects it caches."""
