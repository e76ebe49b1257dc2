"""The gateways' callbacks, under ``sms/hooks/``: included first in the site's URLs, so
a gateway's request is resolved by one prefix instead of trying every page's pattern."""

from django.urls import path

from harambee.reach import webhooks

app_name = "reach_hooks"

urlpatterns = [
    path("twilio/<str:name>/", webhooks.receive, {"gateway": "twilio"}, name="twilio"),
    path(
        "twilio/<str:name>/status/",
        webhooks.receive,
        {"gateway": "twilio", "what": "status"},
        name="twilio_status",
    ),
    path(
        "africastalking/<str:name>/<str:secret>/<str:what>/",
        webhooks.receive,
        {"gateway": "africastalking"},
        name="africastalking",
    ),
    path("generic/<str:name>/", webhooks.receive, {"gateway": "generic"}, name="generic"),
    path("console/<str:name>/", webhooks.receive, {"gateway": "console"}, name="console"),
]
