"""Persistence: models, engines and sessions, read queries and writes."""
