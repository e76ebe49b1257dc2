"""``harambee demo``: load a realistic demo alliance into an empty database."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.test import override_settings

from harambee.people.models import User
from harambee.sampledata.demo import load_demo
from harambee.sampledata.people import DEMO_PASSWORD, DEMO_SIGN_INS


class Command(BaseCommand):
    help = (
        "Load a demo alliance (organisations, people, spaces, conversations) into an empty "
        "database and print the demo sign-ins."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing, successfully, when the database already has people.",
        )

    def handle(self, *args: Any, if_empty: bool = False, **options: Any) -> None:
        if User.objects.exists():
            if if_empty:
                self.stdout.write("The database already has people; the demo was not loaded.")
                self._print_sign_ins()
                return
            raise CommandError(
                "The database already has people. The demo loads only into an empty database: "
                "point HARAMBEE_VAR_DIR or DATABASE_URL at a fresh one, run `harambee migrate`, "
                "then `harambee demo`."
            )
        # The demo's addresses are fictional: keep its invitation and request emails
        # out of the operator's terminal.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            counts = load_demo(stdout=self.stdout)
        self.stdout.write(
            self.style.SUCCESS(
                "Loaded the demo alliance: {organisations} organisations, {people} people, "
                "{spaces} spaces, {posts} posts, {comments} comments, {reactions} reactions, "
                "{join_requests} join requests waiting, {invitations} open invitation; "
                "{initiatives} initiatives, {cycles} inquiry cycles, {notes} learning notes, "
                "{lessons} lessons, {attachments} pieces of evidence, {stories} stories, "
                "{story_calls} story calls; {wiki_pages} wiki pages, {resources} resources, "
                "{collections} collections, {stream_posts} stream posts.".format(**counts)
            )
        )
        self._print_sign_ins()

    def _print_sign_ins(self) -> None:
        people = {u.email: u for u in User.objects.filter(email__in=[e for e, _ in DEMO_SIGN_INS])}
        if len(people) != len(DEMO_SIGN_INS):
            return
        width = max(len(email) for email, _ in DEMO_SIGN_INS)
        self.stdout.write("")
        self.stdout.write(self.style.MIGRATE_HEADING(f"Demo sign-ins, password: {DEMO_PASSWORD}"))
        for email, note in DEMO_SIGN_INS:
            user = people[email]
            self.stdout.write(
                f"  {email:<{width}}  {user.role:<8}  {user.display_name:<16}  {note}"
            )
        self.stdout.write(
            f"Every other demo person (…@demo.harambee.org) has the same password: {DEMO_PASSWORD}"
        )
        if settings.HARAMBEE_STEWARD_MFA:
            self.stdout.write(
                "Stewards are asked to set up an authenticator app when they first sign in "
                "(HARAMBEE_STEWARD_MFA=false turns this off for a demo)."
            )
