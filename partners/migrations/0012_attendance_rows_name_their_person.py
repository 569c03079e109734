"""Attendance per person (data): a row recorded for a partner with no person gets the person
of that partner's seat on the meeting's component, when exactly one seat of the partner with
a person is open on the meeting's date. Otherwise the row keeps its partner alone, with no
person (the roll-up rule still counts it as that partner's attendance:
``partners/attendance.py``).

Each row changed gets a historical row saying so (its earlier rows are kept, the latest
closed with ``valid_to``, the one permitted update of the history), row by row: no bulk
write on a tracked table.
"""

from django.db import migrations
from django.db.models import Q
from django.utils import timezone

REASON = "Attendance per person: the person of the partner's seat on the component"


def seat_person(membership, row):
    meeting = row.meeting
    seats = membership.objects.filter(
        Q(started__isnull=True) | Q(started__lte=meeting.date),
        Q(ended__isnull=True) | Q(ended__gte=meeting.date),
        Q(represents_id=row.partner_id)
        | Q(represents__isnull=True, person__partner_id=row.partner_id),
        component_id=meeting.component_id,
        person__isnull=False,
    )
    people = set(seats.values_list("person_id", flat=True))
    return people.pop() if len(people) == 1 else None


def record_change(history, row, now):
    """A "changed" historical row copying ``row``, closing the one before it."""
    values = {field.attname: getattr(row, field.attname) for field in row._meta.concrete_fields}
    history.objects.filter(id=row.pk, valid_to__isnull=True).update(valid_to=now)
    history.objects.create(
        **values, history_date=now, history_type="~", history_change_reason=REASON
    )


def name_the_people(apps, schema_editor):
    attendance = apps.get_model("partners", "Attendance")
    history = apps.get_model("partners", "HistoricalAttendance")
    membership = apps.get_model("partners", "Membership")
    now = timezone.now()
    rows = attendance.objects.filter(person__isnull=True).select_related("meeting")
    for row in rows.order_by("pk"):
        person = seat_person(membership, row)
        taken = attendance.objects.filter(meeting_id=row.meeting_id, person_id=person)
        if person is None or taken.exists():
            continue
        row.person_id = person
        row.version += 1
        row.save(update_fields=["person", "version"])
        record_change(history, row, now)


class Migration(migrations.Migration):
    dependencies = [("partners", "0011_attendance_per_person")]

    # Going back keeps the people named: each row is still one partner's at its meeting.
    operations = [migrations.RunPython(name_the_people, migrations.RunPython.noop)]
