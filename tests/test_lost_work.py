"""Nothing lost, duplicated or silently reverted (issue 14): restore, double submits, reasons,
timescales, the download form, the admin and what a deletion does to other records."""

import datetime
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from partners.models import Action, ProgressUpdate
from recommendations.models import Audit
from tests import factories as f
from trust import clock
from trust.models import SentForm
from trust.services import record_delete, record_save

TODAY = datetime.date(2008, 1, 15)


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: TODAY)


@pytest.fixture
def dcs(client, db):
    user = f.UserFactory(username="dcs", role="dcs", first_name="Barbara", last_name="Newton")
    client.force_login(user)
    client.user = user
    client.person = f.PersonFactory(name="Barbara Newton", user=user)
    return client


class Forms(HTMLParser):
    """The forms of a page: [{"action": ..., "method": ..., "fields": {name: value}}]."""

    def __init__(self, html):
        super().__init__()
        self.forms = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({"action": attrs.get("action", ""), "fields": {}, "checked": {}})
        elif tag in ("input", "textarea", "select") and self.forms and attrs.get("name"):
            form = self.forms[-1]
            if attrs.get("type") in ("radio", "checkbox"):
                if "checked" in attrs:
                    form["checked"][attrs["name"]] = attrs.get("value")
                return
            form["fields"][attrs["name"]] = attrs.get("value", "")


def form_with_action(html, action):
    found = [form for form in Forms(html).forms if form["action"] == action]
    assert found, f"no form posting to {action}"
    return found[0]


# --- Restore ------------------------------------------------------------------------------


def test_the_restore_button_sends_a_csrf_token_that_django_accepts(dcs):
    rec = f.RecommendationFactory(number="7")
    pk = rec.pk
    record_delete(rec, by=dcs.user, reason="Entered twice")
    deletion = rec.history.model.objects.get(id=pk, history_type="-")
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(dcs.user)

    page = strict.get(reverse("recent_changes"))
    url = reverse("restore", args=["recommendations.Recommendation", deletion.history_id])
    form = form_with_action(page.text, url)
    response = strict.post(url, form["fields"])

    assert response.status_code == 302, response.status_code
    assert rec.__class__.objects.filter(pk=pk).exists()


# --- Reasons and dates that were dropped --------------------------------------------------


def test_the_reason_typed_when_adding_an_action_is_kept_in_the_history(dcs):
    rec = f.RecommendationFactory(action_plan=None)
    owner = f.PersonFactory()
    response = dcs.post(
        reverse("recommendations:recommendation_action_create", args=[rec.pk]),
        {
            "description": "Draw the structure diagram",
            "owner": owner.pk,
            "timescale": "March 2008",
            "change_reason": "Agreed at the March board",
        },
    )
    assert response.status_code == 302
    action = Action.objects.get(description="Draw the structure diagram")
    assert action.history.earliest().history_change_reason == "Agreed at the March board"


def test_an_action_added_without_a_reason_says_it_was_added(dcs):
    rec = f.RecommendationFactory(action_plan=None)
    dcs.post(
        reverse("recommendations:recommendation_action_create", args=[rec.pk]),
        {"description": "Step", "owner": f.PersonFactory().pk, "timescale": "March 2008"},
    )
    assert Action.objects.get().history.earliest().history_change_reason == "Action added"


def test_editing_an_actions_timescale_says_the_due_date_did_not_move(dcs):
    action = f.ActionFactory(timescale="December 2007")
    response = dcs.post(
        reverse("partners:action_update", args=[action.pk]),
        {
            "description": action.description,
            "owner": action.owner_id,
            "timescale": "March 2008",
            "version": action.version,
        },
        follow=True,
    )
    action.refresh_from_db()
    assert action.timescale == "March 2008" and action.due_date == datetime.date(2007, 12, 31)
    text = " ".join(response.text.split())
    assert "still 31 December 2007" in text
    assert "although the new timescale means 31 March 2008" in text


def test_editing_an_action_without_touching_its_timescale_says_nothing_of_dates(dcs):
    action = f.ActionFactory(timescale="December 2007")
    response = dcs.post(
        reverse("partners:action_update", args=[action.pk]),
        {
            "description": "Reworded",
            "owner": action.owner_id,
            "timescale": "December 2007",
            "version": action.version,
        },
        follow=True,
    )
    assert "still 31 December 2007" not in response.text


def test_the_download_form_keeps_format_date_and_committee_after_a_date_error(dcs):
    audit = f.AuditFactory()
    url = reverse("recommendations:audit_export", args=[audit.pk])
    response = dcs.get(
        url,
        {
            "format": "pdf",
            "date-day": "31",
            "date-month": "2",
            "date-year": "2008",
            "committee": "Executive Board",
        },
    )
    assert response.status_code == 400
    form = form_with_action(response.text, url)
    assert form["checked"] == {"format": "pdf"}
    assert form["fields"]["date-day"] == "31"
    assert form["fields"]["date-month"] == "2"
    assert form["fields"]["date-year"] == "2008"
    assert form["fields"]["committee"] == "Executive Board"


def test_the_download_form_starts_as_a_spreadsheet_for_the_default_committee(dcs):
    audit = f.AuditFactory()
    page = dcs.get(audit.get_absolute_url())
    form = form_with_action(page.text, reverse("recommendations:audit_export", args=[audit.pk]))
    assert form["checked"] == {"format": "xlsx"}
    assert form["fields"]["date-day"] == ""
    assert form["fields"]["committee"] == "Corporate Governance and Audit Committee"


# --- A form sent twice is saved once ------------------------------------------------------


def sent_form(client, url, data):
    """The form at ``url`` as the browser would send it: its hidden fields and ``data``."""
    page = client.get(url)
    assert page.status_code == 200, page.status_code
    [form] = [f_ for f_ in Forms(page.text).forms if f_["action"] == ""]
    return {**{k: v for k, v in form["fields"].items() if k == "version"}, **data}


def progress_data(day=TODAY):
    return {
        "date_0": day.day,
        "date_1": day.month,
        "date_2": day.year,
        "note": "Done",
        "rag": "green",
    }


def test_a_progress_update_sent_twice_is_saved_once_and_the_second_time_says_so(dcs):
    action = f.ActionFactory()
    url = reverse("partners:progressupdate_create", args=[action.pk])
    data = sent_form(dcs, url, progress_data())

    first = dcs.post(url, data)
    again = dcs.post(url, data)

    assert first.status_code == 302
    assert ProgressUpdate.objects.filter(action=action).count() == 1
    assert again.status_code == 409
    assert "This form was already sent" in again.text
    assert f'href="{action.get_absolute_url()}"' in again.text


def test_a_form_refused_for_bad_input_is_saved_when_corrected(dcs):
    action = f.ActionFactory()
    url = reverse("partners:progressupdate_create", args=[action.pk])
    data = sent_form(dcs, url, progress_data())

    refused = dcs.post(url, {**data, "date_0": "31", "date_1": "2"})
    corrected = dcs.post(url, data)

    assert refused.status_code == 200 and "must be a real date" in refused.text
    assert corrected.status_code == 302
    assert ProgressUpdate.objects.filter(action=action).count() == 1


def test_an_action_add_form_sent_twice_adds_one_action(dcs):
    rec = f.RecommendationFactory(action_plan=None)
    url = reverse("recommendations:recommendation_action_create", args=[rec.pk])
    owner = f.PersonFactory()
    data = sent_form(
        dcs, url, {"description": "Step", "owner": owner.pk, "timescale": "March 2008"}
    )

    assert dcs.post(url, data).status_code == 302
    assert "This form was already sent" in dcs.post(url, data).text
    assert Action.objects.count() == 1


def test_a_generic_add_form_sent_twice_adds_one_record(dcs):
    scale = f.PriorityScaleFactory()
    url = reverse("recommendations:audit_create")
    data = sent_form(
        dcs,
        url,
        {
            "title": "Partnership audit",
            "auditor": "KPMG LLP",
            "audited_body": "A council",
            "report_date_0": 1,
            "report_date_1": 11,
            "report_date_2": 2007,
            "priority_scale": scale.pk,
        },
    )
    assert dcs.post(url, data).status_code == 302
    again = dcs.post(url, data)
    assert again.status_code == 409 and Audit.objects.count() == 1


def test_an_edit_sent_twice_says_already_sent_not_that_someone_else_changed_it(dcs):
    action = f.ActionFactory()
    url = reverse("partners:action_update", args=[action.pk])
    data = sent_form(
        dcs,
        url,
        {"description": "Reworded", "owner": action.owner_id, "timescale": "December 2007"},
    )
    assert dcs.post(url, data).status_code == 302
    again = dcs.post(url, data)
    assert again.status_code == 409 and "This form was already sent" in again.text
    action.refresh_from_db()
    assert action.version == 2


def test_the_same_fields_sent_again_the_next_day_are_saved_again(dcs):
    action = f.ActionFactory()
    url = reverse("partners:progressupdate_create", args=[action.pk])
    data = sent_form(dcs, url, progress_data())
    dcs.post(url, data)
    SentForm.objects.update(sent_at=timezone.now() - datetime.timedelta(days=1))
    assert dcs.post(url, data).status_code == 302
    assert ProgressUpdate.objects.filter(action=action).count() == 2


def test_another_person_sending_the_same_fields_is_not_taken_for_a_duplicate(dcs, db):
    action = f.ActionFactory()
    url = reverse("partners:progressupdate_create", args=[action.pk])
    data = sent_form(dcs, url, progress_data())
    dcs.post(url, data)
    assert login(f.UserFactory(role="dcs")).post(url, data).status_code == 302
    assert ProgressUpdate.objects.filter(action=action).count() == 2


# --- Correcting or withdrawing a progress update ------------------------------------------


@pytest.fixture
def reported(db):
    """A partner officer's update on their own action, and a colleague who did not write it."""
    author = f.partner_user(username="author")
    colleague = f.partner_user(partner=author.person.partner, username="colleague")
    action = f.ActionFactory(owner=author.person)
    update = f.ProgressUpdateFactory(action=action, author=author.person, note="Done twice")
    return {"author": author, "colleague": colleague, "action": action, "update": update}


def login(user):
    client = Client()
    client.force_login(user)
    return client


def test_the_author_corrects_a_progress_update_with_a_reason_the_history_keeps(reported):
    update = reported["update"]
    client = login(reported["author"])
    url = reverse("partners:progressupdate_update", args=[update.pk])
    data = {
        **progress_data(datetime.date(2007, 11, 15)),
        "rag": "amber",
        "note": "Done once",
        "version": update.version,
    }

    refused = client.post(url, data)
    response = client.post(url, {**data, "change_reason": "Typed the wrong note"})

    assert refused.status_code == 200 and "Enter the reason" in refused.text
    assert response.status_code == 302
    update.refresh_from_db()
    assert update.note == "Done once"
    latest = update.history.latest()
    assert latest.history_change_reason == "Typed the wrong note"
    assert latest.history_user == reported["author"]


def test_the_author_withdraws_a_progress_update_with_a_reason_the_history_keeps(reported):
    update = reported["update"]
    client = login(reported["author"])
    url = reverse("partners:progressupdate_delete", args=[update.pk])

    response = client.post(url, {"reason": "Entered on the wrong action"}, follow=True)

    assert not ProgressUpdate.objects.filter(pk=update.pk).exists()
    assert "Progress update withdrawn" in response.text
    assert "Done twice" not in response.text.split("Recent changes")[0]
    deletion = ProgressUpdate.history.get(id=update.pk, history_type="-")
    assert deletion.history_change_reason == "Entered on the wrong action"
    # The action's history shows the withdrawal to those who see deleted records (DCS staff,
    # auditors): a deleted record's scope is not worked out for partners.
    staff = login(f.UserFactory(role="dcs"))
    history = staff.get(reverse("partners:action_history", args=[reported["action"].pk]))
    assert "Entered on the wrong action" in history.text


def test_a_colleague_who_did_not_write_the_update_may_not_correct_or_withdraw_it(reported):
    update = reported["update"]
    client = login(reported["colleague"])
    page = client.get(reported["action"].get_absolute_url())
    assert page.status_code == 200 and "Done twice" in page.text
    assert reverse("partners:progressupdate_update", args=[update.pk]) not in page.text
    for name in ("partners:progressupdate_update", "partners:progressupdate_delete"):
        url = reverse(name, args=[update.pk])
        assert client.get(url).status_code == 403, name
        assert client.post(url, {"reason": "x", "change_reason": "x"}).status_code == 403, name
    assert ProgressUpdate.objects.filter(pk=update.pk, note="Done twice").exists()


def test_dcs_staff_correct_and_withdraw_anyones_progress_update(dcs, reported):
    update = reported["update"]
    page = dcs.get(reported["action"].get_absolute_url())
    edit = reverse("partners:progressupdate_update", args=[update.pk])
    withdraw = reverse("partners:progressupdate_delete", args=[update.pk])
    assert edit in page.text and withdraw in page.text
    response = dcs.post(withdraw, {"reason": "Duplicate of the update of 14 November"})
    assert response.status_code == 302
    assert response["Location"] == reported["action"].get_absolute_url()
    assert not ProgressUpdate.objects.filter(pk=update.pk).exists()


def test_the_author_sees_links_to_correct_and_withdraw_only_their_own_updates(reported):
    mine = reported["update"]
    theirs = f.ProgressUpdateFactory(action=reported["action"], author=reported["colleague"].person)
    page = login(reported["author"]).get(reported["action"].get_absolute_url()).text
    assert reverse("partners:progressupdate_update", args=[mine.pk]) in page
    assert reverse("partners:progressupdate_delete", args=[mine.pk]) in page
    assert reverse("partners:progressupdate_update", args=[theirs.pk]) not in page
    assert reverse("partners:progressupdate_delete", args=[theirs.pk]) not in page


# --- The admin shows tracked records; it does not change them -----------------------------


@pytest.fixture
def admin_client(db):
    user = f.UserFactory(username="root", role="admin", is_staff=True, is_superuser=True)
    return login(user)


def tracked_admin_models():
    from django.contrib import admin

    return [m for m in admin.site._registry if hasattr(m, "history") and hasattr(m, "version")]


def test_the_admin_is_read_only_for_every_tracked_record(admin_client):
    from django.contrib import admin

    assert tracked_admin_models(), "no tracked model in the admin: the test would prove nothing"
    request = admin_client.get("/").wsgi_request
    for model in tracked_admin_models():
        model_admin = admin.site._registry[model]
        for check in ("add", "change", "delete"):
            allowed = getattr(model_admin, f"has_{check}_permission")(request)
            assert not allowed, f"{model.__name__}: the admin may {check}"


def test_an_admin_post_cannot_change_add_or_delete_a_partner(admin_client):
    partner = f.PartnerFactory(name="West Yorkshire Police")
    change = reverse("admin:partners_partner_change", args=[partner.pk])
    assert admin_client.get(change).status_code == 200  # it can still be read
    data = {"name": "Renamed", "sector": "police"}
    assert admin_client.post(change, data).status_code == 403
    assert admin_client.post(reverse("admin:partners_partner_add"), data).status_code == 403
    delete = reverse("admin:partners_partner_delete", args=[partner.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    partner.refresh_from_db()
    assert partner.name == "West Yorkshire Police" and partner.version == 1


def test_the_admin_cannot_revert_a_record_to_an_old_version(admin_client):
    partner = f.PartnerFactory(name="Police")
    first = partner.history.earliest()
    partner.name = "West Yorkshire Police"
    record_save(partner, reason="Full name")
    url = reverse("admin:partners_partner_simple_history", args=[partner.pk, first.history_id])
    assert admin_client.post(url, {"name": "Police", "sector": "health"}).status_code == 403
    partner.refresh_from_db()
    assert partner.name == "West Yorkshire Police"


def test_accounts_are_managed_in_the_admin_but_made_inactive_not_deleted(admin_client):
    user = f.UserFactory(username="leaver")
    assert admin_client.get(reverse("admin:trust_user_add")).status_code == 200
    delete = reverse("admin:trust_user_delete", args=[user.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    assert type(user).objects.filter(pk=user.pk).exists()


# --- A deletion records what it does to other records -------------------------------------


def test_no_relation_between_tracked_records_clears_a_field_when_one_is_deleted():
    from django.apps import apps
    from django.db.models import CASCADE, PROTECT, RESTRICT

    silent = []
    for model in apps.get_models():
        if not hasattr(model, "history") or model.__name__.startswith("Historical"):
            continue
        for field in model._meta.concrete_fields:
            target = field.related_model
            tracked = field.is_relation and target is not None and hasattr(target, "history")
            if tracked and field.remote_field.on_delete not in (CASCADE, PROTECT, RESTRICT):
                silent.append(f"{model.__name__}.{field.name}")
    assert not silent, silent


def test_a_person_who_wrote_progress_updates_cannot_be_deleted(dcs):
    from django.db.models import RestrictedError

    update = f.ProgressUpdateFactory(author=f.PersonFactory(name="Adam Hewitt"))
    with pytest.raises(RestrictedError):
        record_delete(update.author, by=dcs.user, reason="Left")
    update.refresh_from_db()
    assert update.author.name == "Adam Hewitt"


def test_deleting_a_recommendation_records_the_link_removed_on_the_one_it_was_related_to(dcs):
    audit = f.AuditFactory()
    kept = f.RecommendationFactory(audit=audit, number="1")
    gone = f.RecommendationFactory(audit=audit, number="2")
    record_save(gone, by=dcs.user, m2m={"related": [kept]})
    # A symmetrical link is recorded in the history of the record it was set on only: record
    # it on this side too, so its removal is a change the history page shows.
    record_save(kept, by=dcs.user, m2m={"related": [gone]})
    rows_before = kept.history.count()

    response = dcs.post(
        reverse("recommendations:recommendation_delete", args=[gone.pk]),
        {"reason": "Merged into recommendation 1"},
    )

    assert response.status_code == 302
    assert list(kept.related.all()) == []
    latest = kept.history.latest()
    assert kept.history.count() > rows_before
    assert "Merged into recommendation 1" in latest.history_change_reason
    assert latest.history_user == dcs.user
    history = dcs.get(reverse("recommendations:recommendation_history", args=[kept.pk])).text
    assert "removed" in history and "Merged into recommendation 1" in history


def test_deleting_a_risk_records_the_link_removed_on_its_recommendations(dcs):
    risk = f.RiskFactory(title="Partners do not share information")
    rec = f.RecommendationFactory()
    record_save(rec, by=dcs.user, m2m={"risks": [risk]})
    record_delete(risk, by=dcs.user, reason="Closed")
    latest = rec.history.latest()
    assert latest.history_change_reason.endswith("deleted: Closed")
    assert not latest.risks.exists()


def test_records_deleted_with_an_action_carry_the_reason_in_their_history(dcs):
    update = f.ProgressUpdateFactory()
    action = update.action
    dcs.post(reverse("partners:action_delete", args=[action.pk]), {"reason": "Entered twice"})
    assert not Action.objects.filter(pk=action.pk).exists()
    deletion = ProgressUpdate.history.get(id=update.pk, history_type="-")
    assert deletion.history_change_reason.endswith("Entered twice")
    assert deletion.history_user == dcs.user


def test_a_record_deleted_restored_and_deleted_again_for_the_same_reason_is_deleted(dcs):
    rec = f.RecommendationFactory(number="7")
    url = reverse("recommendations:recommendation_delete", args=[rec.pk])
    assert dcs.post(url, {"reason": "Entered twice"}).status_code == 302
    deletion = rec.history.model.objects.get(id=rec.pk, history_type="-")
    dcs.post(reverse("restore", args=["recommendations.Recommendation", deletion.history_id]))
    assert dcs.post(url, {"reason": "Entered twice"}).status_code == 302
    assert not type(rec).objects.filter(pk=rec.pk).exists()
