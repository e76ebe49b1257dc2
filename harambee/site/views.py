from __future__ import annotations

from django.shortcuts import render

from harambee.core.http import alliance_perm_required, paginate
from harambee.insights.selectors import survey_prompt_for
from harambee.people.roles import Perm
from harambee.portal.views import front as portal_front
from harambee.site.home import home_parts
from harambee.site.middleware import since_last_visit
from harambee.site.selectors import audit_entries, name_readable_items


def home(request):
    if request.user.is_authenticated:
        context = {
            "parts": home_parts(request.user, since=since_last_visit(request)),
            # "Where people are" (insights): asked once, until answered or declined.
            "survey_due": survey_prompt_for(request.user),
        }
        return render(request, "site/home.html", context)
    # Visitors get the public portal's front page (docs/portal.md); members keep theirs.
    return portal_front(request)


@alliance_perm_required(Perm.SEE_AUDIT_LOG)
def audit_log(request):
    page = paginate(request, audit_entries(), per_page=50)
    name_readable_items(user=request.user, entries=list(page.object_list))
    return render(request, "site/audit.html", {"page": page})
