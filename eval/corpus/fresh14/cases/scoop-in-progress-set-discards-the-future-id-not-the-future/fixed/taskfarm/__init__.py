"""A worker's future queue and the module-level state that owns it."""
