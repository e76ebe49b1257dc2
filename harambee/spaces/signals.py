"""Signals that let the apps above spaces add to what a space write does, so spaces
never imports them."""

from django.dispatch import Signal

# Sent inside ``services.space_create``'s transaction, with ``space``.
space_created = Signal()
