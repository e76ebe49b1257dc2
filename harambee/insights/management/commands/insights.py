"""``harambee insights``: refresh the measures for the default period and raise the
prompts (for cron or a timer, e.g. hourly). Safe to run again."""

from django.core.management.base import BaseCommand

from harambee.insights.tasks import insights_refresh


class Command(BaseCommand):
    help = "Refresh facilitation insights and raise prompts. Safe to run again."

    def handle(self, *args, **options):
        result = insights_refresh.enqueue()
        self.stdout.write(f"insights refresh queued ({result.status})")
