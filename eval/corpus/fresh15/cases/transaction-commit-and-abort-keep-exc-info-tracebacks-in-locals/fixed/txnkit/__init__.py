"""A two-phase-commit transaction with resource managers."""
