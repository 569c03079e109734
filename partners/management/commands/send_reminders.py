"""``manage.py send_reminders``: today's reminder digests, safe to run from cron daily."""

import argparse
import datetime

from django.core.management.base import BaseCommand, CommandError

from partners.reminders import send_reminders
from trust import clock


def iso_date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        # argparse turns this into a usage error rather than a traceback.
        raise argparse.ArgumentTypeError(f"must be YYYY-MM-DD, not {value!r}") from error


class Command(BaseCommand):
    help = (
        "E-mail each action owner one digest of their open actions overdue or due within "
        'TRUST["REMINDER_DAYS"] days. Runs at most once a day per person: a second run the '
        "same day sends nothing to those already reminded. Exits 1 if any e-mail failed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="List who would be e-mailed; send and record nothing.",
        )
        parser.add_argument(
            "--date",
            type=iso_date,
            help="Act as if today were this date (YYYY-MM-DD). Default: today.",
        )

    def handle(self, *args, dry_run=False, date=None, **options):
        # call_command(date="...") skips argparse's type=, so a string may still arrive here.
        if isinstance(date, str):
            try:
                date = iso_date(date)
            except argparse.ArgumentTypeError as error:
                raise CommandError(f"--date {error}.") from error
        today = date or clock.today()
        result = send_reminders(today, dry_run=dry_run)
        if dry_run:
            for digest in result.sent:
                self.stdout.write(
                    f"Would e-mail {digest.person.name} <{digest.person.email.strip()}>: "
                    f"{len(digest.overdue)} overdue, {len(digest.due_soon)} due soon"
                )
        for digest, error in result.failed:
            person = digest.person
            self.stderr.write(f"Reminder to {person.name} (person {person.pk}) {error}")
        self.stdout.write(result.summary())
        if result.failed:
            # Non-zero exit so cron (or whoever runs it) notices; the others were still sent.
            raise CommandError(f"{len(result.failed)} reminder(s) failed; see above.")
