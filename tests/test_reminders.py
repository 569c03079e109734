"""Reminder e-mails (``manage.py send_reminders``): who gets what, once a day."""

import datetime
import smtplib
from io import StringIO

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from partners.models import ActionStatus, ReminderDigest
from partners.reminders import digest_message, due_reminders
from tests import factories

TODAY = datetime.date(2007, 10, 3)
SITE = "https://trust.example.org"


def days(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


@pytest.fixture(autouse=True)
def setup(db, monkeypatch, settings):
    monkeypatch.setattr("trust.clock.today", lambda: TODAY)
    settings.SITE_URL = SITE
    settings.TRUST = {**settings.TRUST, "REMINDER_DAYS": 14, "OVERDUE_AGAINST": "current"}


def person(name="Ann Owner", email="ann@example.org"):
    return factories.PersonFactory(name=name, email=email)


def action(owner, due, **kwargs):
    kwargs.setdefault("original_due_date", due)
    return factories.ActionFactory(owner=owner, due_date=due, **kwargs)


def run(*args):
    """Run the command; return what it printed."""
    out = StringIO()
    call_command("send_reminders", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def html_of(message):
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return html


def test_owner_gets_one_email_listing_overdue_before_due_soon():
    ann = person()
    late = action(ann, days(-13), description="Publish the conflict resolution protocol")
    soon = action(ann, days(7), description="Map resources to the plan priorities")

    run()

    [message] = mail.outbox
    assert message.to == ["ann@example.org"]
    assert message.subject == "Your actions: 1 overdue, 1 due in the next 14 days"
    for body in (message.body, html_of(message)):
        assert "Ann Owner" in body
        assert body.index(late.description) < body.index(soon.description)
        assert "13 days overdue" in body
        assert "10 October 2007" in body


def test_digest_names_each_carrier_and_links_to_the_action():
    ann = person()
    rec = factories.RecommendationFactory(number="4", audit__title="Partnership audit")
    hosted = factories.HostedPriorityFactory(title="Reducing teenage conception")
    risk = factories.RiskFactory(
        reference="R-07",
        title="Partners withdraw funding",
        action_plan=factories.ActionPlanFactory(),
    )
    for carrier in (rec, hosted, risk):
        action(ann, days(3), plan=carrier.action_plan)

    run()

    [message] = mail.outbox
    first = ann.actions.order_by("pk").first()
    for body in (message.body, html_of(message)):
        assert "Recommendation 4 – Partnership audit" in body
        assert "Reducing teenage conception" in body
        assert "R-07: Partners withdraw funding" in body
        assert f"{SITE}/partners/actions/{first.pk}/" in body


def test_actions_outside_the_window_done_or_ongoing_are_not_listed():
    ann = person()
    action(ann, days(14), description="Last day of the window")
    action(ann, days(15), description="Beyond the window")
    action(
        ann,
        days(-5),
        description="Done already",
        status=ActionStatus.COMPLETE,
        completed_on=days(-6),
    )
    action(ann, days(2), description="Dropped", status=ActionStatus.CANCELLED)
    action(ann, None, original_due_date=None, timescale="Ongoing", description="Ongoing work")

    run()

    [message] = mail.outbox
    assert message.subject == "Your actions: 1 due in the next 14 days"
    assert "Last day of the window" in message.body
    for left_out in ("Beyond the window", "Done already", "Dropped", "Ongoing work"):
        assert left_out not in message.body


def test_person_with_nothing_due_gets_no_email():
    action(person(), days(30))

    assert "Sent 0 reminders" in run()
    assert mail.outbox == []


def test_second_run_the_same_day_sends_nothing_and_keeps_one_digest_with_history():
    ann = person()
    action(ann, days(-1))
    action(ann, days(1))

    run()
    output = run()

    assert len(mail.outbox) == 1
    assert output.strip() == (
        "Sent 0 reminders; 1 already sent today; 0 people have no e-mail address."
    )
    [digest] = ReminderDigest.objects.all()
    assert (digest.person, digest.sent_on, digest.action_count) == (ann, TODAY, 2)
    [history] = digest.history.all()
    assert history.history_change_reason == "Reminder e-mail sent"


def test_next_day_sends_again(monkeypatch):
    action(person(), days(5))
    run()

    monkeypatch.setattr("trust.clock.today", lambda: days(1))
    run()

    assert len(mail.outbox) == 2
    assert sorted(ReminderDigest.objects.values_list("sent_on", flat=True)) == [TODAY, days(1)]


def test_date_option_replaces_today():
    action(person(), datetime.date(2008, 3, 10))

    run("--date", "2008-03-01")

    [message] = mail.outbox
    assert message.subject == "Your actions: 1 due in the next 14 days"
    assert ReminderDigest.objects.get().sent_on == datetime.date(2008, 3, 1)


def test_person_without_email_is_skipped_and_counted():
    action(person(name="No Address", email=""), days(2))
    action(person(name="Has Address", email="has@example.org"), days(2))

    output = run()

    assert [m.to for m in mail.outbox] == [["has@example.org"]]
    assert output.strip() == (
        "Sent 1 reminder; 0 already sent today; 1 person has no e-mail address."
    )
    assert ReminderDigest.objects.count() == 1


def test_dry_run_sends_and_records_nothing():
    action(person(), days(-2))

    output = run("--dry-run")

    assert "Would e-mail Ann Owner <ann@example.org>: 1 overdue, 0 due soon" in output
    assert "Would send 1 reminder;" in output
    assert mail.outbox == []
    assert not ReminderDigest.objects.exists()


def test_failed_send_records_no_digest_for_that_person_but_others_still_get_theirs(
    monkeypatch,
):
    action(person(name="Bounces", email="bounces@example.org"), days(1))
    fine = person(name="Fine", email="fine@example.org")
    action(fine, days(1))
    send = EmailMultiAlternatives.send

    def send_or_fail(message, fail_silently=False):
        if message.to == ["bounces@example.org"]:
            raise smtplib.SMTPRecipientsRefused({"bounces@example.org": (550, b"No such user")})
        return send(message, fail_silently)

    monkeypatch.setattr(EmailMultiAlternatives, "send", send_or_fail)

    with pytest.raises(CommandError):
        run()

    assert [m.to for m in mail.outbox] == [["fine@example.org"]]
    assert list(ReminderDigest.objects.values_list("person", flat=True)) == [fine.pk]


def test_due_reminders_runs_the_same_queries_for_5_and_50_actions():
    owners = [person(name=f"Owner {i}", email=f"owner{i}@example.org") for i in range(5)]
    carriers = [
        factories.RecommendationFactory(),
        factories.HostedPriorityFactory(),
        factories.RiskFactory(action_plan=factories.ActionPlanFactory()),
    ]

    def grow(n, start):
        for i in range(start, start + n):
            plan = carriers[i % 3].action_plan
            action(owners[i % 5], days(i % 20 - 5), plan=plan)

    def queries():
        with CaptureQueriesContext(connection) as context:
            for digest in due_reminders(TODAY):
                digest_message(digest, TODAY).message()  # templates read nothing more
        return len(context.captured_queries)

    grow(5, 0)
    few = queries()
    grow(45, 5)
    many = queries()

    assert few == many == 2


def test_revised_due_date_shows_the_original_date():
    action(person(), days(10), original_due_date=datetime.date(2007, 9, 1))

    run()

    [message] = mail.outbox
    for body in (message.body, html_of(message)):
        assert "Due 13 October 2007 (originally 1 September 2007)" in body
