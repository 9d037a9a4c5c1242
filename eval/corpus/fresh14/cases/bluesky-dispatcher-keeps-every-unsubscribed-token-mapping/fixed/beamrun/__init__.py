"""A run engine that forwards documents to subscribed consumers."""
