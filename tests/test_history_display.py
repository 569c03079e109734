"""History pages read as what people did: one entry per save, in words, within their scope;
and a delete page that says what blocks the delete before anyone types a reason."""

import datetime
from unittest import mock

import pytest
from django.test import Client
from django.urls import reverse

from partners.services import action_create, action_slip, progress_update_add
from recommendations.models import Audit, Recommendation
from tests import factories as f
from trust.models import User
from trust.services import record_save


@pytest.fixture
def dcs(client, db):
    user = f.UserFactory(username="dcs", role="dcs", first_name="Barbara", last_name="Newton")
    user.person = f.PersonFactory(user=user, name="Barbara Newton")
    client.force_login(user)
    client.user = user
    return client


def history_page(client, rec):
    return client.get(reverse("recommendations:recommendation_history", args=[rec.pk]))


def test_one_save_of_a_recommendation_with_officers_and_components_is_one_history_entry(dcs):
    audit = f.AuditFactory()
    level = audit.priority_scale.levels.order_by("rank")[0]
    officer = f.PersonFactory(name="John Maynard")
    component = f.ComponentFactory(name="Open Forums")
    response = dcs.post(
        reverse("recommendations:recommendation_create", args=[audit.pk]),
        {
            "number": "4",
            "section": "3.3",
            "text": "Share information between partners.",
            "priority": level.pk,
            "timescale": "December 2007",
            "responsible_officers": [officer.pk],
            "components": [component.pk],
            "change_reason": "Entered from the report",
        },
    )
    assert response.status_code == 302, response.content
    rec = Recommendation.objects.get(audit=audit, number="4")
    assert Recommendation.history.filter(id=rec.pk).count() >= 3  # the rows stay as written

    entries = history_page(dcs, rec).context["entries"]
    [entry] = entries
    assert entry.kind == "Created" and entry.reason == "Entered from the report"
    shown = {c.label: c.new for c in entry.changes}
    assert shown["Responsible officers"] == "added John Maynard"
    assert shown["Components"] == "added Open Forums"


def test_a_save_that_changes_nothing_shown_is_not_listed(dcs):
    rec = f.RecommendationFactory(number="5")
    record_save(rec, by=dcs.user, reason="Saved again")  # only the version moves
    page = history_page(dcs, rec)
    assert [e.kind for e in page.context["entries"]] == ["Created"]
    assert "Saved again" not in page.text
    assert "Saved with no change" not in page.text


def test_starting_an_action_plan_is_not_shown_as_a_change_to_its_carrier(dcs):
    rec = f.RecommendationFactory(number="2", action_plan=None)
    action_create(
        carrier=rec,
        description="Draft the memorandum",
        owner=dcs.user.person,
        timescale="December 2007",
        due_date=datetime.date(2007, 12, 31),
        by=dcs.user,
    )
    page = history_page(dcs, rec)
    assert "Action plan" not in page.text
    assert "(none)" not in page.text
    assert "Draft the memorandum" in page.text
    for entry in page.context["entries"]:
        assert entry.changes or entry.kind != "Changed"


def test_a_related_action_plan_is_named_by_its_carrier_in_recent_changes(dcs):
    rec = f.RecommendationFactory(number="2", action_plan=None)
    action_create(
        carrier=rec,
        description="Draft the memorandum",
        owner=dcs.user.person,
        timescale="",
        due_date=None,
        by=dcs.user,
    )
    page = dcs.get(reverse("recent_changes"), {"record_type": "partners.actionplan"})
    [entry] = page.context["entries"]
    assert entry.record_label == "Action plan of Recommendation 2"


LONG = (
    "Develop a memorandum of understanding with the partners, including conflict "
    "resolution procedures and an exit strategy."
)


def test_names_of_records_are_never_cut_mid_word(dcs):
    action = f.ActionFactory(number=1, description=LONG)
    control = f.RiskControlFactory(description=LONG)
    record_save(action, by=dcs.user, reason="Named")
    record_save(control, by=dcs.user, reason="Named")
    page = dcs.get(reverse("recent_changes"))
    labels = {e.record_label for e in page.context["entries"]}
    assert any(label.endswith(str(action)) for label in labels)
    for name in (str(action), str(control)):
        assert name.endswith("…")
        kept = name.removeprefix("Action 1: ").removesuffix("…").rstrip()
        assert LONG.startswith(kept) and LONG[len(kept)] in " ,."  # a whole word is kept
        assert name in page.text


def test_a_recommendations_history_shows_its_actions_progress_and_due_date_changes(dcs):
    rec = f.RecommendationFactory(number="6")
    action = f.ActionFactory(plan=rec.action_plan, number=1, description="Map resources")
    progress_update_add(
        action,
        date=datetime.date(2008, 1, 10),
        note="First draft to the board",
        rag="amber",
        author=dcs.user.person,
        by=dcs.user,
    )
    action.refresh_from_db()
    action_slip(
        action,
        new_date=datetime.date(2008, 3, 31),
        reason="Board met late",
        agreed_by=dcs.user.person,
        by=dcs.user,
    )
    page = history_page(dcs, rec)
    labels = [e.record_label for e in page.context["entries"]]
    assert any(label.startswith("Progress update") for label in labels)
    assert any(label.startswith("Due date change") for label in labels)
    assert "First draft to the board" in page.text
    assert "Board met late" in page.text
    assert "31 March 2008" in page.text


def test_a_partner_sees_in_a_recommendations_history_only_its_own_organisations_actions(db):
    user = f.partner_user(username="police")
    other = f.PersonFactory(name="Officer of another partner")
    rec = f.RecommendationFactory(number="9")
    own = f.ActionFactory(plan=rec.action_plan, owner=user.person, description="Our step")
    theirs = f.ActionFactory(plan=rec.action_plan, owner=other, description="Their secret step")
    for action, note in ((own, "Our progress"), (theirs, "Their secret progress")):
        progress_update_add(
            action, date=datetime.date(2008, 1, 10), note=note, rag="red", author=None, by=None
        )
    client = Client()
    client.force_login(user)
    page = history_page(client, rec)
    assert page.status_code == 200
    assert "Our step" in page.text and "Our progress" in page.text
    assert "Their secret" not in page.text


def test_account_changes_do_not_fill_the_dashboards_recent_changes(dcs):
    people = [f.PersonFactory() for _ in range(10)]
    component = f.ComponentFactory(name="Open Forums")
    component.description = "Events open to everyone."
    record_save(component, by=dcs.user, reason="Described the forums")
    for n, person in enumerate(people):  # then the accounts, as load_demo makes them
        account = User(username=f"demo{n}", role="partner")
        account.set_unusable_password()
        record_save(account, reason="Demo account")
        person.user = account
        record_save(person, reason="Demo account")

    changes = dcs.get(reverse("home")).context["changes"]
    assert "Described the forums" in {e.reason for e in changes}
    assert "Demo account" not in {e.reason for e in changes}

    accounts = dcs.get(reverse("recent_changes"), {"record_type": "trust.user"})
    assert len(accounts.context["entries"]) >= 10  # still there for those who look for them


def test_deleting_an_audit_with_recommendations_says_what_blocks_it_before_the_reason(dcs):
    audit = f.AuditFactory()
    recs = [f.RecommendationFactory(audit=audit) for _ in range(12)]
    url = reverse("recommendations:audit_delete", args=[audit.pk])

    page = dcs.get(url)
    assert page.status_code == 200
    assert (
        "This audit cannot be deleted while it has 12 recommendations. "
        "Delete or move them first." in page.text
    )
    for rec in recs:
        assert f'href="{rec.get_absolute_url()}"' in page.text
    assert "Reason for deleting" not in page.text
    assert "Delete audit</button>" not in page.text

    refused = dcs.post(url, {"reason": "Entered twice"})
    assert refused.status_code == 200
    assert "cannot be deleted while it has 12 recommendations" in refused.text
    assert Audit.objects.filter(pk=audit.pk).exists()


def test_a_delete_names_only_the_blocking_records_the_user_may_see(db):
    from trust.generic import delete_blockers

    user = f.partner_user(username="police")
    audit = f.AuditFactory()
    shared = f.RecommendationFactory(audit=audit, number="1")
    shared.responsible_officers.add(user.person)
    f.RecommendationFactory(audit=audit, number="2")

    message, shown = delete_blockers(audit, user)
    assert [str(o) for o in shown] == ["Recommendation 1"]
    assert "2" not in message and "Recommendation" not in message
    assert message == "This audit cannot be deleted while other records refer to it."
    message, shown = delete_blockers(audit, f.UserFactory(role="dcs"))
    assert message.startswith("This audit cannot be deleted while it has 2 recommendations.")
    assert len(shown) == 2


def test_an_audit_with_nothing_referring_to_it_asks_for_the_reason(dcs):
    audit = f.AuditFactory()
    page = dcs.get(reverse("recommendations:audit_delete", args=[audit.pk]))
    assert "Reason for deleting" in page.text
    assert "cannot be deleted" not in page.text


def test_a_record_that_gains_a_blocker_while_the_page_is_open_is_not_deleted(dcs):
    from trust import generic

    audit = f.AuditFactory()
    f.RecommendationFactory(audit=audit, number="1")
    real = generic.delete_blockers
    # The recommendation is added after the page was checked, before the delete is written.
    seen_empty = mock.patch.object(
        generic, "delete_blockers", side_effect=[("", []), real(audit, dcs.user)]
    )
    with seen_empty:
        response = dcs.post(
            reverse("recommendations:audit_delete", args=[audit.pk]), {"reason": "Duplicate"}
        )
    assert response.status_code == 200
    assert (
        "This audit cannot be deleted while it has 1 recommendation. Delete or move it first."
        in (response.text)
    )
    assert 'href="' + Recommendation.objects.get(audit=audit).get_absolute_url() in response.text
    assert Audit.objects.filter(pk=audit.pk).exists()
