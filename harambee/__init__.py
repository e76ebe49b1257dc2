"""Harambee: a self-hostable learning platform for multi-stakeholder alliances."""
