"""Graph rewriting: trackers that map ops to node rewriters."""
