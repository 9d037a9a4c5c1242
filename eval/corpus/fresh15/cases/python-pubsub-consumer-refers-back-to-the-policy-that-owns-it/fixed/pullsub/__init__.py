"""A streaming-pull subscriber split into a policy and a consumer."""
