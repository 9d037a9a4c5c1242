"""A firmware scanner built from modules and plugins."""
