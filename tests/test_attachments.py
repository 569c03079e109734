"""Files attached to records: one mechanism for every kind of record, stored outside static/
under random names, checked by size and by content, served only to those who may see the
record, and kept in the history."""

import io
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse

from tests import factories as f
from trust.files import (
    FILE_NOT_WHAT_IT_SAYS,
    FILE_TOO_LARGE,
    FILE_WRONG_TYPE,
    clean_filename,
)
from trust.models import Attachment
from trust.permissions import Role
from trust.services import record_restore

PDF = f.PDF_BYTES
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def stored_files():
    root = Path(settings.MEDIA_ROOT)
    return {p for p in root.rglob("*") if p.is_file()}


def upload_url(record):
    return reverse("trust:attachment_create", args=[record._meta.label_lower, record.pk])


def send(client, record, name="minutes.pdf", content=PDF, **data):
    fields = {"kind": "other", "title": "", "change_reason": "", **data}
    return client.post(upload_url(record), {**fields, "file": SimpleUploadedFile(name, content)})


@pytest.fixture
def dcs(db):
    return f.UserFactory(username="dcs", role=Role.DCS)


@pytest.fixture
def partners(db):
    """Partner a's officer owns an action in a plan a hosts; b's officer owns another in it."""
    a_user, b_user = f.partner_user(username="a"), f.partner_user(username="b")
    hosted = f.HostedPriorityFactory(host=a_user.person.partner)
    own = f.ActionFactory(plan=hosted.action_plan, owner=a_user.person)
    others_in_our_plan = f.ActionFactory(plan=hosted.action_plan, owner=b_user.person)
    elsewhere = f.ActionFactory(owner=b_user.person)
    return {"a": a_user, "b": b_user, "own": own, "ours": others_in_our_plan, "b_only": elsewhere}


def test_upload_download_and_remove_round_trip_with_who_and_why(dcs):
    component = f.ComponentFactory(name="Local Safeguarding Children Board")
    client = client_for(dcs)
    before = stored_files()
    response = send(
        client,
        component,
        name="LSCB terms of reference.pdf",
        kind="terms_of_reference",
        title="Terms of reference, agreed May 2008",
        change_reason="Agreed at the board",
    )
    assert response.status_code == 302
    assert response["Location"] == f"{component.get_absolute_url()}#attachments"
    attachment = Attachment.objects.get()
    assert attachment.record == component
    assert attachment.original_filename == "LSCB terms of reference.pdf"
    assert (attachment.mime_type, attachment.size) == ("application/pdf", len(PDF))
    assert attachment.attached_by == dcs
    # Stored under a random name in the media root, outside static/; the name is not reused.
    [new] = stored_files() - before
    assert new.read_bytes() == PDF
    assert "LSCB" not in new.name and new.suffix == ".pdf"
    assert Path(settings.MEDIA_ROOT).resolve() in new.resolve().parents
    assert Path(settings.BASE_DIR, "static").resolve() not in new.resolve().parents
    added = attachment.history.get()
    assert (added.history_type, added.history_user, added.history_change_reason) == (
        "+",
        dcs,
        "Agreed at the board",
    )

    page = client.get(component.get_absolute_url()).text
    assert "Terms of reference, agreed May 2008" in page
    assert "LSCB terms of reference.pdf" in page
    assert reverse("trust:attachment_download", args=[attachment.pk]) in page

    download = client.get(reverse("trust:attachment_download", args=[attachment.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["Content-Disposition"].startswith("attachment;")
    assert 'filename="LSCB terms of reference.pdf"' in download["Content-Disposition"]
    assert download["X-Content-Type-Options"] == "nosniff"
    assert download["Content-Type"] == "application/pdf"

    history = client.get(reverse("trust:attachment_history", args=[attachment.pk]))
    assert "Agreed at the board" in history.text

    delete_url = reverse("trust:attachment_delete", args=[attachment.pk])
    response = client.post(delete_url, {"reason": "Superseded by the 2009 version"})
    assert response.status_code == 302
    assert not Attachment.objects.exists()
    rows = list(Attachment.history.filter(id=attachment.pk).order_by("history_date"))
    assert [(r.history_type, r.history_user, r.history_change_reason) for r in rows] == [
        ("+", dcs, "Agreed at the board"),
        ("-", dcs, "Superseded by the 2009 version"),
    ]
    assert new.read_bytes() == PDF  # kept for a restore, and in the backups

    restored = record_restore(Attachment, rows[-1], by=dcs)
    assert restored.file.open("rb").read() == PDF
    assert restored.record == component


def test_a_partner_out_of_scope_gets_404_on_download_and_on_upload(partners):
    attachment = f.attachment(partners["own"])
    outsider = client_for(partners["b"])
    assert (
        outsider.get(reverse("trust:attachment_download", args=[attachment.pk])).status_code == 404
    )
    own_action = partners["own"]
    assert outsider.get(upload_url(own_action)).status_code == 404
    assert send(outsider, own_action).status_code == 404
    assert Attachment.objects.count() == 1


def test_a_partner_may_attach_to_their_own_action_not_to_anothers(partners):
    client = client_for(partners["a"])
    response = send(client, partners["own"], name="evidence.pdf", kind="evidence")
    assert response.status_code == 302
    assert Attachment.objects.get().attached_by == partners["a"]
    # Another organisation's action in a plan a hosts: a sees it, but does not report on it.
    assert client.get(upload_url(partners["ours"])).status_code == 403
    assert send(client, partners["ours"]).status_code == 403
    # Another organisation's action a cannot see at all.
    assert send(client, partners["b_only"]).status_code == 404
    # A shared record a may read but not change.
    assert send(client, f.ComponentFactory()).status_code == 403
    assert Attachment.objects.count() == 1


def test_a_partner_removes_files_only_where_they_may_attach(partners):
    mine = f.attachment(partners["own"])
    theirs = f.attachment(partners["ours"])
    client = client_for(partners["a"])
    page = client.get(partners["ours"].get_absolute_url()).text
    assert reverse("trust:attachment_delete", args=[theirs.pk]) not in page
    assert "Attach a file" not in page
    assert client.post(
        reverse("trust:attachment_delete", args=[theirs.pk]), {"reason": "x"}
    ).status_code == (403)
    response = client.post(reverse("trust:attachment_delete", args=[mine.pk]), {"reason": "Wrong"})
    assert response.status_code == 302
    assert list(Attachment.objects.all()) == [theirs]


def test_an_auditor_cannot_upload_or_remove(partners):
    auditor = f.UserFactory(username="auditor", role=Role.AUDITOR)
    attachment = f.attachment(partners["own"])
    client = client_for(auditor)
    assert client.get(upload_url(partners["own"])).status_code == 403
    assert send(client, partners["own"]).status_code == 403
    delete_url = reverse("trust:attachment_delete", args=[attachment.pk])
    assert client.post(delete_url, {"reason": "x"}).status_code == 403
    # They read it, as they read everything.
    download = client.get(reverse("trust:attachment_download", args=[attachment.pk]))
    assert download.status_code == 200
    assert Attachment.objects.count() == 1


@override_settings(ATTACHMENT_MAX_BYTES=1024 * 1024)
def test_a_file_too_large_is_refused_with_a_message_and_nothing_stored(dcs):
    plan = f.PlanFactory()
    before = stored_files()
    response = send(client_for(dcs), plan, name="strategy.pdf", content=PDF + b" " * 1024 * 1024)
    assert response.status_code == 200
    assert FILE_TOO_LARGE.format(limit="1 MB") in response.text
    assert "The file must be 1 MB or smaller" in response.text
    assert not Attachment.objects.exists() and not Attachment.history.exists()
    assert stored_files() == before


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("report.pdf", EXE, FILE_NOT_WHAT_IT_SAYS.format(label="PDF")),
        ("setup.exe", EXE, FILE_WRONG_TYPE),
        ("notes.txt", EXE, FILE_NOT_WHAT_IT_SAYS.format(label="text")),
        ("photo.png", PDF, FILE_NOT_WHAT_IT_SAYS.format(label="PNG")),
        ("plan.docx", b"PK\x03\x04" + b"\x00" * 40, FILE_NOT_WHAT_IT_SAYS.format(label="Word")),
    ],
)
def test_a_file_of_the_wrong_type_is_refused_with_a_message_and_nothing_stored(
    dcs, name, content, message
):
    meeting = f.MeetingFactory()
    before = stored_files()
    response = send(client_for(dcs), meeting, name=name, content=content)
    assert response.status_code == 200
    assert message in response.text
    assert "govuk-error-summary" in response.text
    assert not Attachment.objects.exists() and not Attachment.history.exists()
    assert stored_files() == before


def _docx():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


def _ods():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "name,content",
    [
        ("Action plan.docx", _docx()),
        ("Indicators.ods", _ods()),
        ("Attendance.csv", "Partner,Meetings\nPolice,1\nPCT – Leeds,3\n".encode("cp1252")),
        ("Notes.txt", "Agreed by the board — see minutes.\n".encode()),
        ("Photo.jpg", b"\xff\xd8\xff\xe0" + b"\x00\x10JFIF" + b"\x00" * 50),
        ("Chart.PNG", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50),
    ],
)
def test_the_accepted_types_are_accepted(dcs, name, content):
    response = send(client_for(dcs), f.RiskRegisterFactory(), name=name, content=content)
    assert response.status_code == 302
    # The name as sent, its extension in lower case.
    assert Attachment.objects.get().original_filename.lower() == name.lower()


@pytest.mark.parametrize(
    "sent,shown",
    [
        ("../../../etc/passwd.txt", "passwd.txt"),
        ("..\\..\\windows\\evil.pdf", "evil.pdf"),
        ("/abs/path/.hidden.pdf", "hidden.pdf"),
        ("a\x00b<script>.pdf", "ab_script_.pdf"),
    ],
)
def test_a_path_in_a_file_name_cannot_escape_the_media_root(dcs, sent, shown):
    assert clean_filename(sent) == shown
    content = PDF if sent.endswith(".pdf") else b"plain text\n"
    attachment = f.attachment(f.ComponentFactory(), by=dcs, name=sent, content=content)
    assert attachment.original_filename == shown
    stored = Path(attachment.file.path).resolve()
    assert Path(settings.MEDIA_ROOT).resolve() in stored.parents
    assert attachment.file.name.startswith("attachments/")
    assert ".." not in attachment.file.name and shown not in attachment.file.name


def test_two_uploads_of_the_same_name_never_collide(dcs):
    component = f.ComponentFactory()
    first = f.attachment(component, by=dcs, name="minutes.pdf")
    second = f.attachment(component, by=dcs, name="minutes.pdf", content=PDF + b"% v2\n")
    assert first.file.name != second.file.name
    assert first.file.open("rb").read() == PDF


def test_two_different_files_sent_with_the_same_fields_are_both_saved(dcs):
    client, action = client_for(dcs), f.ActionFactory()
    assert send(client, action, title="Evidence").status_code == 302
    assert send(client, action, content=PDF + b"% another\n", title="Evidence").status_code == 302
    assert Attachment.objects.count() == 2


def test_the_record_page_costs_the_same_queries_with_one_and_five_files(partners):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    action = partners["own"]
    f.attachment(action)
    counts = {}
    for user in (f.UserFactory(username="dcs-viewer", role=Role.DCS), partners["a"]):
        client = client_for(user)
        client.get(action.get_absolute_url())  # warm caches (content types, sessions)
        for n in (1, 5):
            while Attachment.objects.count() < n:
                f.attachment(action)
            with CaptureQueriesContext(connection) as queries:
                assert client.get(action.get_absolute_url()).status_code == 200
            counts[(user.username, n)] = len(queries)
    assert counts[("dcs-viewer", 1)] == counts[("dcs-viewer", 5)], counts
    assert counts[("a", 1)] == counts[("a", 5)], counts


@pytest.mark.parametrize(
    "factory",
    [
        f.ComponentFactory,
        f.MeetingFactory,
        f.PlanFactory,
        f.HostedPriorityFactory,
        f.ActionFactory,
        f.RecommendationFactory,
        f.RiskFactory,
        f.RiskRegisterFactory,
    ],
)
def test_every_record_that_takes_files_shows_them_and_offers_to_attach(dcs, factory):
    record = factory()
    f.attachment(record, by=dcs, title="The signed agreement")
    page = client_for(dcs).get(record.get_absolute_url()).text
    assert 'id="attachments"' in page
    assert "The signed agreement" in page
    assert upload_url(record) in page


def test_a_record_that_takes_no_files_shows_no_section_and_refuses_an_upload(dcs):
    priority = f.PriorityFactory()
    client = client_for(dcs)
    assert 'id="attachments"' not in client.get(priority.get_absolute_url()).text
    assert client.get(upload_url(priority)).status_code == 404
    assert client.get("/trust/attachments/nope.nothing/1/add/").status_code == 404


def test_deleting_a_record_deletes_its_files_with_a_history_row_each(dcs):
    from trust.services import record_delete

    component = f.ComponentFactory(name="Open Forums")
    attachment = f.attachment(component, by=dcs)
    record_delete(component, by=dcs, reason="Merged")
    assert not Attachment.objects.exists()
    deletion = Attachment.history.get(id=attachment.pk, history_type="-")
    assert deletion.history_change_reason.startswith("Deleted with component Open Forums")


def test_the_upload_page_is_a_gov_uk_file_upload_that_names_the_field_in_errors(dcs):
    action = f.ActionFactory()
    client = client_for(dcs)
    page = client.get(upload_url(action)).text
    assert 'enctype="multipart/form-data"' in page
    assert 'class="govuk-file-upload"' in page and 'type="file"' in page
    assert "govuk-radios" in page and "Evidence" in page
    assert "Risk assessment" not in page  # an action takes evidence, not a risk assessment
    response = client.post(upload_url(action), {"kind": "evidence"})
    assert response.status_code == 200
    assert "Select a file" in response.text
    assert 'href="#id_file"' in response.text  # the error summary points at the input
    assert "govuk-file-upload--error" in response.text


def test_a_partner_sees_no_file_of_a_record_out_of_their_scope_in_recent_changes(partners):
    f.attachment(partners["b_only"], title="Police evidence, not for others")
    f.attachment(partners["own"], title="Our own evidence")
    page = client_for(partners["a"]).get(reverse("recent_changes")).text
    assert "Our own evidence" in page
    assert "Police evidence" not in page


def test_production_keeps_attached_files_out_of_the_static_files():
    from tests.test_settings import STRONG_KEY, load_settings

    hosts = "trust.example.org"
    static_media = str(Path(settings.BASE_DIR, "static", "media"))
    code, output = load_settings(
        "trust.settings.production",
        SECRET_KEY=STRONG_KEY,
        ALLOWED_HOSTS=hosts,
        MEDIA_ROOT=static_media,
    )
    assert code != 0 and "MEDIA_ROOT" in output
    code, output = load_settings(
        "trust.settings.production", SECRET_KEY=STRONG_KEY, ALLOWED_HOSTS=hosts
    )
    assert code == 0, output


def test_settings_hold_the_limits_and_tests_store_files_outside_the_repo():
    assert settings.ATTACHMENT_MAX_BYTES == 20 * 1024 * 1024
    assert settings.STORAGES["default"]["BACKEND"].endswith("FileSystemStorage")
    assert Path(settings.BASE_DIR).resolve() not in Path(settings.MEDIA_ROOT).resolve().parents


def test_the_records_history_shows_files_attached_and_removed_with_who_and_why(dcs):
    from trust.services import attachment_remove

    risk = f.RiskFactory()
    attachment = f.attachment(risk, by=dcs, title="Risk workshop notes", reason="From the workshop")
    attachment_remove(attachment, by=dcs, reason="Notes were of another risk")
    page = client_for(dcs).get(reverse("risks:risk_history", args=[risk.pk])).text
    assert "Risk workshop notes" in page
    assert "From the workshop" in page
    assert "Notes were of another risk" in page


def test_a_record_with_no_child_records_names_each_row_once_it_has_files(dcs):
    plan = f.PlanFactory(title="Children and Young People's Plan 2006-09")
    f.attachment(plan, by=dcs, title="The plan as printed")
    response = client_for(dcs).get(reverse("trust:plan_history", args=[plan.pk]))
    assert response.context["show_record"]
    assert {e.record_label for e in response.context["entries"]} == {
        "Attachment: The plan as printed",
        "Children and Young People's Plan 2006-09",
    }


def test_the_declaration_names_the_kinds_a_record_takes():
    from partners.models import Action
    from trust.models import AttachmentKind, Component, Priority, attachment_kinds

    assert AttachmentKind.EVIDENCE in attachment_kinds(Action)
    assert AttachmentKind.TERMS_OF_REFERENCE in attachment_kinds(Component)
    assert attachment_kinds(Priority) == ()
    copy = Component._meta.get_field("attachments").clone()  # as model state copies fields
    assert copy.kinds == attachment_kinds(Component)
