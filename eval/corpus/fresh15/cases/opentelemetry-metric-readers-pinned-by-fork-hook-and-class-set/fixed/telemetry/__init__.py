"""A metrics SDK: a provider and the readers that export what it collects."""
