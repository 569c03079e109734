"""DCS staff record a risk register's review: its next review falls due from that date, the
dashboard's "review overdue" flag clears, and the history keeps who, when and what it found."""

import datetime

import pytest
from django.urls import reverse

from risks.models import RiskRegister
from tests import factories as f
from trust import clock
from trust.permissions import Role

TODAY = datetime.date(2008, 9, 2)


@pytest.fixture(autouse=True)
def today(monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: TODAY)


@pytest.fixture
def register(db):
    return f.RiskRegisterFactory(review_interval_months=6, last_reviewed=datetime.date(2007, 9, 1))


def review(client, register, day, found="Risks rescored; two closed."):
    return client.post(
        reverse("risks:riskregister_review", args=[register.pk]),
        {
            "reviewed_on_0": str(day.day),
            "reviewed_on_1": str(day.month),
            "reviewed_on_2": str(day.year),
            "reason": found,
            "version": register.version,
        },
    )


def test_a_recorded_review_moves_the_next_review_and_clears_the_overdue_flag(client, register):
    client.force_login(f.UserFactory(role=Role.DCS))
    assert register.review_overdue
    page = client.get(register.get_absolute_url()).content.decode()
    assert reverse("risks:riskregister_review", args=[register.pk]) in page
    response = review(client, register, datetime.date(2008, 8, 28))
    assert response.status_code == 302
    register = RiskRegister.objects.get(pk=register.pk)
    assert register.last_reviewed == datetime.date(2008, 8, 28)
    assert register.next_review_date == datetime.date(2009, 2, 28)
    assert not register.review_overdue
    latest = register.history.first()
    assert latest.history_change_reason == "Reviewed: Risks rescored; two closed."
    assert latest.history_user.role == Role.DCS


@pytest.mark.parametrize(
    "day,message",
    [
        (datetime.date(2008, 9, 3), "The review date must be today or in the past"),
        (
            datetime.date(2007, 8, 31),
            "The review date must be on or after the last review, 1 September 2007",
        ),
    ],
)
def test_a_review_in_the_future_or_before_the_last_is_refused(client, register, day, message):
    client.force_login(f.UserFactory(role=Role.DCS))
    response = review(client, register, day)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert RiskRegister.objects.get(pk=register.pk).last_reviewed == datetime.date(2007, 9, 1)


def test_a_review_without_what_it_found_is_refused(client, register):
    client.force_login(f.UserFactory(role=Role.DCS))
    response = review(client, register, TODAY, found="")
    assert "Enter what the review found" in response.content.decode()
    assert register.history.count() == 1


def test_a_partner_may_not_record_a_review_of_its_own_register(client, db):
    user = f.partner_user()
    own = f.RiskRegisterFactory(kind="partner", partner=user.person.partner)
    client.force_login(user)
    assert review(client, own, TODAY).status_code == 403
    page = client.get(own.get_absolute_url()).content.decode()
    assert reverse("risks:riskregister_review", args=[own.pk]) not in page
    assert RiskRegister.objects.get(pk=own.pk).last_reviewed is None
