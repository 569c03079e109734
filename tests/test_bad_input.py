"""No server error, whatever is typed or clicked: a message on the page, what was typed kept,
nothing saved. Each test here answered 500 (or showed a bare Django message) before."""

import datetime
import io
from unittest import mock

import pytest
from django import forms as django_forms
from django.test import Client
from django.urls import resolve, reverse

from partners.models import Action, ProgressUpdate
from recommendations.models import Audit, Recommendation, RecommendationStatus
from tests import factories as f
from tests.harness import world_fixture  # noqa: F401 - the fixture of every URL's records
from trust.forms import GovukDateField
from trust.models import User
from trust.permissions import Role

HUGE = "99999999999999999999"


@pytest.fixture
def dcs(db):
    user = f.UserFactory(username="dcs", role=Role.DCS)
    client = Client()
    client.force_login(user)
    return client


def history_rows():
    """Every history row of every tracked model: a refused write adds none."""
    from trust.changes import tracked_models

    return {m._meta.label: m.history.count() for m in tracked_models()}


def recommendation_data(rec, **changes):
    data = {
        "number": rec.number,
        "section": rec.section,
        "text": rec.text,
        "priority": rec.priority_id,
        "timescale": rec.timescale,
        "version": rec.version,
        "change_reason": "",
    }
    return {**data, **changes}


def test_a_recommendation_number_already_in_the_audit_is_a_message_not_a_server_error(dcs):
    rec = f.RecommendationFactory(number="3")
    url = reverse("recommendations:recommendation_create", args=[rec.audit.pk])
    before = history_rows()
    response = dcs.post(url, recommendation_data(rec, text="A second number 3."))
    assert response.status_code == 200
    assert "already has a recommendation with this number" in response.text
    assert "A second number 3." in response.text  # what was typed is kept
    assert Recommendation.objects.filter(audit=rec.audit).count() == 1
    assert history_rows() == before


@pytest.mark.parametrize("part", ["day", "month", "year"])
def test_a_huge_number_in_a_date_box_is_a_message(dcs, part):
    scale = f.PriorityScaleFactory()
    parts = {"day": "1", "month": "11", "year": "2007", part: HUGE}
    before = history_rows()
    response = dcs.post(
        reverse("recommendations:audit_create"),
        {
            "title": "Audit with a huge date",
            "auditor": "Firm",
            "audited_body": "Council",
            "priority_scale": scale.pk,
            **{f"report_date_{i}": parts[p] for i, p in enumerate(("day", "month", "year"))},
        },
    )
    assert response.status_code == 200
    assert "Report date must be a real date" in response.text
    assert HUGE in response.text
    assert history_rows() == before


def test_a_huge_year_in_a_partners_progress_update_is_a_message(db):
    user = f.partner_user(username="partner")
    action = f.ActionFactory(owner=user.person)
    client = Client()
    client.force_login(user)
    response = client.post(
        reverse("partners:progressupdate_create", args=[action.pk]),
        {"date_0": "1", "date_1": "1", "date_2": HUGE, "note": "Done", "rag": "green"},
    )
    assert response.status_code == 200
    assert "must be a real date" in response.text
    assert not ProgressUpdate.objects.filter(action=action, note="Done").exists()


def test_a_second_status_change_of_a_recommendation_gets_the_changed_meanwhile_page(dcs):
    rec = f.RecommendationFactory()
    url = reverse("recommendations:recommendation_status", args=[rec.pk])
    first = {"status": "in_progress", "reason": "Started", "version": rec.version}
    assert dcs.post(url, first).status_code == 302
    second = {"status": "implemented", "reason": "Finished", "version": rec.version}
    response = dcs.post(url, second)
    assert response.status_code == 200
    assert "Someone else changed this record" in response.text
    assert "In progress" in response.text  # what is stored now
    rec.refresh_from_db()
    assert rec.status == RecommendationStatus.IN_PROGRESS


def test_an_audit_saved_at_the_same_moment_by_someone_else_is_a_message(dcs):
    """The race on PostgreSQL: both pass validation, the second insert hits the constraint."""
    scale = f.PriorityScaleFactory()
    data = {
        "title": "Same title",
        "auditor": "Firm",
        "audited_body": "Council",
        "report_date_0": "1",
        "report_date_1": "11",
        "report_date_2": "2007",
        "priority_scale": scale.pk,
    }
    original = Audit.validate_constraints

    def other_request_saves_first(self, *args, **kwargs):
        original(self, *args, **kwargs)
        if not Audit.objects.filter(title="Same title").exists():
            f.AuditFactory(title="Same title", report_date=datetime.date(2007, 11, 1))

    with mock.patch.object(Audit, "validate_constraints", other_request_saves_first):
        response = dcs.post(reverse("recommendations:audit_create"), data)
    assert response.status_code == 200
    assert "already exists" in response.text
    assert Audit.objects.filter(title="Same title").count() == 1


def test_a_duplicate_created_after_the_form_was_checked_is_a_message(dcs):
    """The one write path validates again inside its transaction: that refusal is shown too."""
    rec = f.RecommendationFactory(number="1")
    url = reverse("recommendations:recommendation_update", args=[rec.pk])
    original = Recommendation.full_clean

    def other_request_saves_first(self, *args, **kwargs):
        f.RecommendationFactory(audit=rec.audit, number="2")
        Recommendation.full_clean = original
        original(self, *args, **kwargs)

    with mock.patch.object(Recommendation, "full_clean", other_request_saves_first):
        response = dcs.post(url, recommendation_data(rec, number="2"))
    assert response.status_code == 200
    assert "already has a recommendation with this number" in response.text
    rec.refresh_from_db()
    assert rec.number == "1"


def import_data(scale, owner, content, name="recs.csv"):
    upload = io.BytesIO(content)
    upload.name = name
    return {
        "file": upload,
        "title": "Imported audit",
        "auditor": "Firm",
        "audited_body": "Council",
        "report_date_0": "1",
        "report_date_1": "11",
        "report_date_2": "2007",
        "priority_scale": scale.pk,
        "default_owner": owner.pk,
    }


def test_a_nul_byte_late_in_an_uploaded_csv_is_a_problem_listed_not_a_server_error(dcs):
    scale = f.PriorityScaleFactory()
    owner = f.PersonFactory()
    rows = [b"Number,Recommendation,Priority"]
    rows += [
        b"%d,Do thing %d with plenty of words to fill the file,***" % (n, n) for n in range(200)
    ]
    rows.append(b"201,A NUL \x00 here,***")
    content = b"\n".join(rows)
    assert content.index(b"\x00") > 4096
    before = history_rows()
    response = dcs.post(reverse("recommendations:audit_import"), import_data(scale, owner, content))
    assert response.status_code == 200
    assert "Nothing was imported" in response.text
    assert not Audit.objects.filter(title="Imported audit").exists()
    assert history_rows() == before


def test_a_huge_report_date_on_the_import_is_a_message(dcs):
    scale = f.PriorityScaleFactory()
    owner = f.PersonFactory()
    data = import_data(scale, owner, b"Number,Recommendation,Priority\n1,Do it,***\n")
    data["report_date_2"] = HUGE
    response = dcs.post(reverse("recommendations:audit_import"), data)
    assert response.status_code == 200
    assert "Report date must be a real date" in response.text


def test_a_search_too_long_for_the_database_is_a_message(dcs):
    f.RecommendationFactory()
    for name in ("recommendations:recommendation_list", "partners:action_list"):
        response = dcs.get(reverse(name), {"q": "x" * 60_000})
        assert response.status_code == 200, name
        assert "Search must be" in response.text
        assert "characters or fewer" in response.text


def test_restoring_a_deleted_account_is_refused_with_a_message(dcs):
    gone = f.UserFactory(username="leaver")
    gone.delete()
    deletion = User.history.filter(username="leaver", history_type="-").get()
    response = dcs.post(reverse("restore", args=["trust.User", deletion.history_id]), follow=True)
    assert response.status_code == 200
    assert "Not restored: A deleted user cannot be restored" in response.text
    assert "does not keep its password" in response.text
    assert not User.objects.filter(username="leaver").exists()


def test_a_required_field_left_empty_is_named_in_its_message(dcs):
    response = dcs.post(reverse("recommendations:audit_create"), {})
    assert response.status_code == 200
    assert "This field is required." not in response.text
    assert "Enter the audit&#x27;s title" in response.text
    assert "Select how the auditor grades recommendations" in response.text


def test_signing_in_with_empty_boxes_names_them(db):
    response = Client().post(reverse("login"), {"username": "", "password": ""})
    assert response.status_code == 200
    assert "Enter the username" in response.text
    assert "Enter the password" in response.text
    assert "This field is required." not in response.text


def test_text_longer_than_its_limit_is_named_with_the_limit(dcs):
    rec = f.RecommendationFactory()
    url = reverse("recommendations:recommendation_update", args=[rec.pk])
    response = dcs.post(url, recommendation_data(rec, text="x" * 100_000, number="x" * 21))
    assert response.status_code == 200
    assert "Recommendation must be 10,000 characters or fewer" in response.text
    assert "Number must be 20 characters or fewer" in response.text
    rec.refresh_from_db()
    assert len(rec.text) < 1000


def test_a_nul_character_in_a_text_box_is_named(dcs):
    rec = f.RecommendationFactory()
    url = reverse("recommendations:recommendation_update", args=[rec.pk])
    response = dcs.post(url, recommendation_data(rec, section="3\x003"))
    assert response.status_code == 200
    assert "Section must not contain" in response.text


def test_actions_keep_their_changed_meanwhile_page(dcs):
    action = f.ActionFactory()
    url = reverse("partners:action_status", args=[action.pk])
    seen = action.version
    assert (
        dcs.post(url, {"status": "in_progress", "reason": "a", "version": seen}).status_code == 302
    )
    response = dcs.post(url, {"status": "cancelled", "reason": "b", "version": seen})
    assert response.status_code == 200
    assert "Someone else changed this record" in response.text
    assert "Due date" in response.text
    assert Action.objects.get(pk=action.pk).status == "in_progress"


# --- every field of every form, as every role that may send it -----------------------------

TEXT_NASTIES = ("x" * 100_000, "a\x00b")
NUMBER_NASTIES = (HUGE, "-" + HUGE, "a\x00b", "x" * 100_000)
DATE_NASTIES = (f"{HUGE}-01-01", "2007-02-30", "0001-01-01", "9999-12-31", "a\x00b")
DATE_PARTS_NASTIES = (
    [HUGE, "1", "2008"],
    ["1", HUGE, "2008"],
    ["1", "1", HUGE],
    ["30", "2", "2008"],
    ["1\x00", "1", "2008"],
)
GET_ONLY_EXTRAS = {
    "recommendations:audit_export": ("format", "date", "date-day", "date-month", "date-year"),
    "recent_changes": ("page",),
}


def _csv_file(content=b"Number,Recommendation,Priority\n1,Do it,***\n"):
    upload = io.BytesIO(content)
    upload.name = "recommendations.csv"
    return upload


def _date_parts(name, day):
    return {f"{name}_{i}": str(part) for i, part in enumerate((day.day, day.month, day.year))}


def _complete(action):
    from trust.services import record_save

    action.status = "complete"
    action.completed_on = datetime.date(2008, 1, 1)
    record_save(action)


# Valid data for the fields a new record's form does not fill in itself, so that each nasty
# value is the only thing wrong with what is sent (and would reach the write path if a field
# let it through).
BASELINES = {
    "login": lambda w: {"username": "dcs", "password": "wrong password"},
    "recommendations:audit_create": lambda w: {
        "title": "A new audit",
        "auditor": "Firm",
        "audited_body": "Council",
        "priority_scale": w["audit"].priority_scale_id,
        **_date_parts("report_date", datetime.date(2007, 11, 1)),
    },
    "recommendations:audit_import": lambda w: {
        "file": _csv_file(),
        "title": "An imported audit",
        "auditor": "Firm",
        "audited_body": "Council",
        "priority_scale": w["audit"].priority_scale_id,
        "default_owner": w["person"].pk,
        **_date_parts("report_date", datetime.date(2007, 11, 1)),
    },
    "recommendations:recommendation_create": lambda w: {
        "number": "99",
        "text": "Do the thing.",
        "priority": w["rec"].priority_id,
    },
    "recommendations:recommendation_action_create": lambda w: {
        "description": "A step",
        "owner": w["person"].pk,
        "timescale": "December 2008",
    },
    "partners:hostedpriority_action_create": lambda w: {
        "description": "A step",
        "owner": w["person"].pk,
        "timescale": "December 2008",
    },
    "partners:progressupdate_create": lambda w: {"note": "Done", "rag": "green"},
    "partners:action_slip": lambda w: {
        "reason": "Agreed",
        "agreed_by": w["person"].pk,
        **_date_parts("new_date", datetime.date(2009, 12, 31)),
    },
    "partners:action_status": lambda w: {"status": "complete", "reason": "Done"},
    "recommendations:recommendation_status": lambda w: {"status": "implemented", "reason": "Done"},
    "recommendations:verification_create": lambda w: (
        _complete(w["rec_action"]) or {"outcome": "partly", "comment": "Seen"}
    ),
    "recommendations:audit_delete": lambda w: {"reason": "Gone"},
    "recommendations:recommendation_delete": lambda w: {"reason": "Gone"},
    "partners:action_delete": lambda w: {"reason": "Gone"},
    "trust:attachment_create": lambda w: {"file": _csv_file(), "kind": "evidence"},
    "trust:attachment_delete": lambda w: {"reason": "Gone"},
}


def _forms_in(response):
    """The forms a page shows: its ``form``s and its filter's form."""
    found = {}
    shown = response.context  # None for a download, a list when templates nest
    for context in [] if shown is None else shown if isinstance(shown, list) else [shown]:
        for value in context.flatten().values():
            form = getattr(value, "form", value)  # a FilterSet carries its form
            if isinstance(form, django_forms.BaseForm):
                found[id(form)] = form
    return list(found.values())


def _as_data(bound):
    """What the page would send back for a field as shown: {input name: value(s)}."""
    field, name, value = bound.field, bound.html_name, bound.value()
    if isinstance(field, django_forms.FileField):
        return {}
    if isinstance(field.widget, django_forms.MultiWidget):
        parts = value if isinstance(value, list | tuple) else field.widget.decompress(value)
        return {f"{name}_{i}": "" if p is None else str(p) for i, p in enumerate(parts)}
    if isinstance(field, django_forms.BooleanField):
        return {name: "on"} if value else {}
    if isinstance(value, list | tuple):
        return {name: [str(v) for v in value]}
    return {name: "" if value is None else str(value)}


def _nasties(form, name):
    """{input name: value} dicts, each one nasty value for one field of ``form``."""
    field, html_name = form.fields[name], form[name].html_name
    if isinstance(field, django_forms.BooleanField):
        return []  # any value means "yes": nothing to refuse
    if isinstance(field, GovukDateField):
        return [
            {f"{html_name}_{i}": part for i, part in enumerate(parts)}
            for parts in DATE_PARTS_NASTIES
        ]
    if isinstance(field, django_forms.FileField):
        junk = b"Number,Recommendation,Priority\n1,\x00" + b"x" * 100_000
        return [{html_name: _csv_file(junk)}, {html_name: "not a file"}]
    if isinstance(field, django_forms.DateField):
        values = DATE_NASTIES
    elif isinstance(field, django_forms.CharField) and not isinstance(
        field, django_forms.ChoiceField
    ):
        values = TEXT_NASTIES
    else:
        values = NUMBER_NASTIES
    return [{html_name: value} for value in values]


# The pages that show a form (test_the_list_of_pages_with_a_form_is_complete keeps it so).
# Pages with a form beyond those found by kind (every write page, every list's filters):
# sign-in, the pages that gather everything, and an audit's review and exchange pages.
FORMS_BESIDES = {
    "login",
    "password_reset",
    "my_actions",
    "partners:attendance",
    "recent_changes",
    "partners:memorandum_in_force",
    "recommendations:audit_as_at",
    "recommendations:audit_compare",
    "recommendations:audit_export",
    "recommendations:audit_import",
}


def form_pages():
    """Every page expected to carry a form: each write page, each list (its filters) and
    the pages named above. A new kind of record's pages are in it without a line here."""
    from tests.harness import WRITE_PROFILES
    from tests.test_record_views import RULES

    kinds = {n for n, (_, p) in RULES.items() if p in WRITE_PROFILES or n.endswith("_list")}
    return kinds | FORMS_BESIDES


def _form_pages():
    """(URL name, role) for every page with a form, for each role that may send it: every
    role it serves for a page that writes; DCS staff for a page whose form only filters
    (GET), as the filters check what is typed the same way for every role."""
    from tests.harness import DCS_WRITE, REPORT
    from tests.test_record_views import RULES

    pages = []
    expected = form_pages()
    for name, (_, expect) in sorted(RULES.items()):
        if name not in expected:
            continue
        writes = expect in (DCS_WRITE, REPORT) or name == "recommendations:verification_create"
        for role in ("dcs", "a", "auditor", "anon"):
            if expect[role] != 200 or (role == "anon") != (name == "login"):
                continue
            if writes or name == "login" or role == "dcs":
                pages.append((name, role))
    return pages


def _row_counts():
    from trust.changes import tracked_models

    return {m._meta.label: m._base_manager.count() for m in tracked_models()}


@pytest.fixture
def records(world):
    """The records of the URL walk (tests/harness.py): one of each kind, two partners."""
    return world


@pytest.mark.parametrize("name,role", _form_pages())
def test_every_field_of_every_form_refuses_extreme_values_without_a_server_error(
    records, name, role
):
    from tests.harness import client_for
    from tests.test_record_views import RULES

    url = reverse(name, args=RULES[name][0](records))
    view = resolve(url).func
    send_by_post = hasattr(getattr(view, "view_class", None), "post")
    client = client_for(records, role)
    forms = _forms_in(client.get(url))
    extras = GET_ONLY_EXTRAS.get(name, ())
    assert forms or extras, "no form found on the page"
    baseline = BASELINES.get(name, lambda w: {})(records)
    sends = []
    for form in forms:
        shown = {}
        for bound in form:
            shown.update(_as_data(bound))
        for field_name in form.fields:
            for nasty in _nasties(form, field_name):
                sends.append((field_name, {**shown, **baseline, **nasty}))
    for extra in extras:
        sends += [(extra, {extra: value}) for value in (*NUMBER_NASTIES, *DATE_NASTIES)]
    rows, history = _row_counts(), history_rows()
    wrong = []
    for field_name, data in sends:
        if field_name != "file" and "file" in data:
            data = {**data, "file": _csv_file()}  # an upload is read once
        try:
            response = (client.post if send_by_post else client.get)(url, data)
        except Exception as error:  # reported with the field that caused it
            wrong.append(f"{field_name}: {type(error).__name__}: {error}"[:300])
            continue
        if response.status_code >= 500:
            wrong.append(f"{field_name}: {response.status_code}")
    assert not wrong, "\n".join(wrong)
    assert (_row_counts(), history_rows()) == (rows, history), "something was saved"


def test_the_list_of_pages_with_a_form_is_complete(records):
    from tests.harness import client_for
    from tests.test_record_views import RULES

    found = set(GET_ONLY_EXTRAS)
    for name, (args, expect) in RULES.items():
        role = next((r for r in ("dcs", "auditor", "anon") if expect[r] == 200), None)
        if role and _forms_in(client_for(records, role).get(reverse(name, args=args(records)))):
            found.add(name)
    assert found == form_pages()
