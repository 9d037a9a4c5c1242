"""Project-wide flow analysis: calls, attribute types, lifetimes, roots and control-flow graphs."""
