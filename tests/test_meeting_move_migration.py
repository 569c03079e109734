"""partners 0006 (with trust 0009 and 0010): meetings move down from ``trust`` to ``partners``
without copying a row: the same ids, history rows, attendance and attachments before and after,
and back again."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("trust", "0008_membership_roles"), ("partners", "0005_memberships_per_person")]
AFTER = [("trust", "0010_meeting_moved_to_partners")]
WHEN = datetime.datetime(2007, 10, 3, 18, tzinfo=datetime.UTC)


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


def facts(apps, app_label):
    """What a user would find of the meeting, read through the app that owns it."""
    meeting = apps.get_model(app_label, "Meeting").objects.get()
    history = apps.get_model(app_label, "HistoricalMeeting").objects.order_by("history_id")
    attendance = apps.get_model("partners", "Attendance").objects.get()
    content_type = apps.get_model("contenttypes", "ContentType").objects.get(
        pk=apps.get_model("trust", "Attachment").objects.get().content_type_id
    )
    return {
        "meeting": (meeting.pk, meeting.title, meeting.component_id),
        "history": [(row.id, row.title, row.history_type, row.history_date) for row in history],
        "attended": (attendance.meeting_id, attendance.status),
        "attachment of": (content_type.app_label, content_type.model),
    }


@pytest.mark.django_db(transaction=True)
def test_meetings_move_to_partners_keeping_ids_history_attendance_and_attachments():
    apps = migrate(BEFORE)
    function = apps.get_model("trust", "Function").objects.create(name="Board")
    component = apps.get_model("trust", "Component").objects.create(
        name="Safeguarding Board", function=function
    )
    meeting_model = apps.get_model("trust", "Meeting")
    meeting = meeting_model.objects.create(component=component, date=WHEN.date(), title="Board")
    for title, kind, days in (("Board", "+", 0), ("Board meeting", "~", 1)):
        apps.get_model("trust", "HistoricalMeeting").objects.create(
            id=meeting.pk,
            version=1,
            component_id=component.pk,
            date=meeting.date,
            title=title,
            history_type=kind,
            history_date=WHEN + datetime.timedelta(days=days),
        )
    partner = apps.get_model("partners", "Partner").objects.create(
        name="Police", sector=apps.get_model("trust", "Sector").objects.create(name="Police")
    )
    apps.get_model("partners", "Attendance").objects.create(
        meeting=meeting, partner=partner, status="present"
    )
    content_types = apps.get_model("contenttypes", "ContentType").objects
    apps.get_model("trust", "Attachment").objects.create(
        content_type=content_types.get_or_create(app_label="trust", model="meeting")[0],
        object_id=meeting.pk,
        kind="minutes",
        title="Minutes",
        original_filename="minutes.pdf",
        file="attachments/minutes.pdf",
        mime_type="application/pdf",
        size=10,
        attached_by=apps.get_model("trust", "User").objects.create(username="dcs"),
        attached_at=WHEN,
    )
    before = facts(apps, "trust")

    apps = migrate(AFTER)
    assert facts(apps, "partners") == {**before, "attachment of": ("partners", "meeting")}
    # New meetings take the next id, and their history reads back through the new app.
    Meeting = apps.get_model("partners", "Meeting")
    assert Meeting.objects.create(component_id=component.pk, date=WHEN.date(), title="Next").pk > (
        meeting.pk
    )
    Meeting.objects.filter(title="Next").delete()

    apps = migrate(BEFORE)
    assert facts(apps, "trust") == before
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
