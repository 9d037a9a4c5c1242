"""A monitoring satellite, its log forwarding and its worker processes."""
