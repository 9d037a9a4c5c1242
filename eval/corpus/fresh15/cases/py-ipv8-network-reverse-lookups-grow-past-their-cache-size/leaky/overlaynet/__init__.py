"""Peer discovery bookkeeping for an overlay network."""
