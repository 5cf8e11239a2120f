"""Durable records beside the service: the audit log of every score served, and the channel through
which a model reload reaches every worker. No FastAPI here."""
