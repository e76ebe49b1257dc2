"""Keyset pagination: each page links to the next by a cursor that names the last row
shown, so a page reads only its own rows, and nothing counts the gated rows."""

from __future__ import annotations

from django.utils.translation import gettext as _
from rest_framework import exceptions, pagination

from harambee.api.errors import Unprocessable


class Keyset(pagination.CursorPagination):
    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 100
    ordering = "-created"

    def get_ordering(self, request, queryset, view):
        return (getattr(view, "keyset", self.ordering),)

    def decode_cursor(self, request):
        try:
            return super().decode_cursor(request)
        except exceptions.NotFound:
            # A string, as the document says, but not a cursor this server made.
            raise Unprocessable({"cursor": [_("That cursor is not valid.")]}) from None
