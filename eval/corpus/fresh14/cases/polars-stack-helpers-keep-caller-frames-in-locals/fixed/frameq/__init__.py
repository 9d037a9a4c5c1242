"""A dataframe library's stack-inspecting helpers."""
