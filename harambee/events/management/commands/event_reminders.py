"""`harambee event_reminders`: send the event reminders that are due (run it from
cron every five minutes; it never sends one twice)."""

from django.core.management.base import BaseCommand

from harambee.events.tasks import reminders_send


class Command(BaseCommand):
    help = "Send event reminders due now (a day and an hour before each event)."

    def handle(self, *args, **options):
        sent = reminders_send()
        self.stdout.write(f"{sent} reminder(s) sent")
