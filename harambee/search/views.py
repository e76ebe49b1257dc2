from __future__ import annotations

from django.shortcuts import render

from harambee.search import selectors
from harambee.search.forms import SearchForm


def search(request):
    form = SearchForm(request.GET or None, user=request.user)
    results = None
    if form.is_bound and form.is_valid() and form.cleaned_data["q"].strip():
        results = selectors.search(
            user=request.user,
            text=form.cleaned_data["q"],
            filters=form.filters(),
            order=form.cleaned_data["sort"] or "relevance",
            page=form.cleaned_data["page"] or 1,
        )
    return render(
        request,
        "search/results.html",
        {
            "form": form,
            "results": results,
            "q": form.cleaned_data.get("q", "") if form.is_bound and form.is_valid() else "",
        },
    )
