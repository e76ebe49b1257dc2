from __future__ import annotations

from django.shortcuts import render

from harambee.core.models import Comment, comment_url
from harambee.search import selectors, suggest
from harambee.search.forms import SearchForm


def _links(results: selectors.Results) -> list[tuple[selectors.Hit, str]]:
    """Each hit with its link. A comment's link names the page of its thread that
    holds it (``comment_url``): the comment's parent came with its item."""
    links = []
    for hit in results.hits:
        if (
            hit.item.kind_spec.address_needs_space
            and hit.item.space_id
            and not hit.item.shown_space
        ):
            # An item whose address names a space the reader may not know has none for
            # them (a wiki page: ``wiki.selectors.page_by_pk``): listed without a link.
            url = ""
        elif hit.comment_id is None:
            url = hit.item.get_absolute_url()
        else:
            # Only the id and the parent's id are needed to name the place.
            comment = Comment(pk=hit.comment_id, parent_id=hit.comment_parent_id)
            url = comment_url(hit.item, comment)
        links.append((hit, url))
    return links


def search(request):
    form = SearchForm(request.GET or None, user=request.user)
    results = suggestion = None
    links: list[tuple[selectors.Hit, str]] = []
    others: list = []
    if form.is_bound and form.is_valid() and form.cleaned_data["q"].strip():
        text = form.cleaned_data["q"]
        filters = form.filters()
        results = selectors.search(
            user=request.user,
            text=text,
            filters=filters,
            order=form.cleaned_data["sort"] or "relevance",
            page=form.cleaned_data["page"] or 1,
        )
        links = _links(results)
        if results.page == 1 and filters == selectors.Filters():
            # Programmes and the like have no kind, space or date to filter by.
            others = selectors.others(user=request.user, text=text)
        if results.query and results.total < suggest.SUGGEST_BELOW and not results.capped:
            suggestion = suggest.suggest(
                user=request.user, text=text, filters=filters, found=results.total
            )
    return render(
        request,
        "search/results.html",
        {
            "form": form,
            "results": results,
            "links": links,
            "others": others,
            "suggestion": suggestion,
            "q": form.cleaned_data.get("q", "") if form.is_bound and form.is_valid() else "",
        },
    )
