"""Tokenizing IMAP server responses."""
