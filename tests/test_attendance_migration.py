"""partners 0011-0013: attendance per person. A row recorded for a partner alone gets the
person of that partner's seat on the meeting's component when there is exactly one, with a
historical row saying so (the earlier ones kept, the latest closed); otherwise it keeps its
partner alone."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

# trust 0011 is named too: it is no ancestor of these, but the database has it applied.
TRUST = ("trust", "0011_component_governing_document_to_terms")
BEFORE = [("partners", "0010_meeting_records"), TRUST]
AFTER = [("partners", "0013_attendance_once_per_person"), TRUST]
WHEN = datetime.datetime(2007, 10, 3, 18, tzinfo=datetime.UTC)


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_rows_of_a_partner_alone_get_the_person_of_its_one_seat_keeping_their_history():
    apps = migrate(BEFORE)
    model = apps.get_model
    function = model("trust", "Function").objects.create(name="Board")
    board = model("trust", "Component").objects.create(name="Board", function=function)
    sector = model("trust", "Sector").objects.create(name="Police")
    role = model("trust", "MembershipRole").objects.create(name="Member")
    one_seat, two_seats, no_seat = (
        model("partners", "Partner").objects.create(name=name, sector=sector)
        for name in ("One seat", "Two seats", "No seat")
    )
    people = {}
    for partner, names in ((one_seat, ["Ann"]), (two_seats, ["Bea", "Cat"])):
        for name in names:
            people[name] = model("partners", "Person").objects.create(name=name, partner=partner)
            model("partners", "Membership").objects.create(
                component=board, person=people[name], represents=partner, role=role
            )
    meeting = model("partners", "Meeting").objects.create(
        component=board, date=WHEN.date(), title="Board"
    )
    history = model("partners", "HistoricalAttendance")
    rows = {}
    for partner in (one_seat, two_seats, no_seat):
        row = model("partners", "Attendance").objects.create(
            meeting=meeting, partner=partner, status="present"
        )
        history.objects.create(
            id=row.pk,
            version=1,
            meeting_id=meeting.pk,
            partner_id=partner.pk,
            status="present",
            history_type="+",
            history_date=WHEN,
        )
        rows[partner.name] = row.pk

    apps = migrate(AFTER)
    attendance = apps.get_model("partners", "Attendance")
    history = apps.get_model("partners", "HistoricalAttendance")
    named = attendance.objects.get(pk=rows["One seat"])
    assert named.person_id == people["Ann"].pk and named.partner_id == one_seat.pk
    assert attendance.objects.get(pk=rows["Two seats"]).person_id is None
    assert attendance.objects.get(pk=rows["No seat"]).person_id is None
    kept = list(history.objects.filter(id=named.pk).order_by("history_id"))
    assert [row.history_type for row in kept] == ["+", "~"]
    assert kept[0].valid_to == kept[1].history_date and kept[1].valid_to is None
    assert kept[1].person_id == people["Ann"].pk
    assert history.objects.filter(id=rows["Two seats"]).count() == 1
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())  # as the next test expects
