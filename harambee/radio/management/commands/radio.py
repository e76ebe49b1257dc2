"""``harambee radio prepare``: draft each station's next weekly bulletin for review
(cron, daily; a week already prepared is left alone). ``harambee radio render <id>``:
speak a bulletin now, in this process."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from harambee.radio import audio, services
from harambee.radio.models import Bulletin


class Command(BaseCommand):
    help = "Prepare the weekly radio bulletins, or speak one."

    def add_arguments(self, parser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("prepare", help="Draft each station's next weekly bulletin.")
        render = sub.add_parser("render", help="Speak a bulletin's script now.")
        render.add_argument("bulletin", type=int)

    def handle(self, *args, **options) -> None:
        if options["action"] == "prepare":
            made = services.bulletins_prepare_week()
            self.stdout.write(f"{len(made)} weekly bulletins drafted for review.")
            return
        bulletin = Bulletin.objects.filter(pk=options["bulletin"]).first()
        if bulletin is None:
            raise CommandError("No such bulletin.")
        reason = audio.why_not(bulletin.language)
        if reason:
            raise CommandError(reason)
        found = services.audio_render(bulletin_id=bulletin.pk)
        if found is None:
            raise CommandError("The script has nothing to speak.")
        self.stdout.write(f"Audio {found.pk}: {found.duration} s, {found.sample_rate} Hz.")
