"""The demo's meetings beyond their attendance: venue, mode, status and chair, the agenda
linked to the recommendations, risks and priorities discussed, decisions, an action arising
and key messages relayed (``demo_data.MEETING_RECORDS``). Loaded by ``demo.Loader`` after
the audit and the risks, which the agenda links to; safe to load twice, like the rest."""

import datetime

from partners.models import AgendaItem, Decision, KeyMessage, Meeting
from risks.models import Risk
from trust.models import ExternalBody

from . import demo_data as data
from .models import Recommendation


def chairs(loader) -> dict:
    """Each component's chair (the first chair's seat in ``MEMBERSHIPS``), by component key."""
    found = {}
    for row in data.MEMBERSHIPS:
        if row["role"] == "chair" and row["person"]:
            found.setdefault(row["component"], loader.people.get(row["person"]))
    return found


def meeting_values(loader, row) -> dict:
    """What a meeting row records beside its component, date and title."""
    venue, mode = data.MEETING_PLACES.get(row["component"], ("", Meeting.Mode.IN_PERSON))
    held = row["date"] <= data.DEMO_DAY
    status = row.get("status") or (Meeting.Status.HELD if held else Meeting.Status.SCHEDULED)
    chair = chairs(loader).get(row["component"])
    return {"venue": venue, "mode": mode, "status": status, "chair": chair}


def load_meeting_records(loader):
    """The agenda, decisions, actions arising and key messages of ``MEETING_RECORDS``."""
    from .demo import GONE, at, dated, upsert

    links = {"recommendations": {}, "risks": {}}
    for row in data.MEETING_RECORDS:
        meeting = Meeting.objects.filter(
            component=loader.components[row["component"]], date=row["date"]
        ).first()
        if meeting is None:
            continue
        with dated(row["date"], minutes=9 * 60):  # written up after the meeting
            if row["notes"]:
                meeting = upsert(Meeting, {"pk": meeting.pk}, {"notes": row["notes"]})
            items = agenda(loader, meeting, row["agenda"], links, upsert)
            for decision in row["decisions"]:
                upsert(
                    Decision,
                    {"meeting": meeting, "reference": decision["reference"]},
                    {
                        "agenda_item": items.get(decision["item"], GONE),
                        "wording": decision["wording"],
                        "decided_by": decision["decided_by"],
                    },
                )
        for message in row["key_messages"]:
            with dated(message["sent_on"]):
                upsert(
                    KeyMessage,
                    {"meeting": meeting, "message": message["message"]},
                    {
                        "to_body": ExternalBody.objects.get(name=body_name(message["to_body"])),
                        "sent_on": message["sent_on"],
                        "sent_by": loader.people.get(message["sent_by"]),
                    },
                )
        loader.action_plan(meeting, row["actions"], start=row["date"] + datetime.timedelta(1))
    for relation, model, field in (
        ("recommendations", Recommendation, "number"),
        ("risks", Risk, "reference"),
    ):
        for key, items in links[relation].items():
            record = model.objects.filter(**{field: key}).first()
            if record is not None:
                # Recorded after the meeting, and after anything its history already holds.
                latest = record.history.latest("history_date", "history_id").history_date
                moment = max(at(min(i.meeting.date for i in items), 9 * 60 + 1), latest)
                with dated(moment + datetime.timedelta(minutes=1)):
                    upsert(model, {"pk": record.pk}, m2m={"agenda_items": items})


def body_name(key):
    return next(b["name"] for b in data.EXTERNAL_BODIES if b["key"] == key)


def agenda(loader, meeting, rows, links, upsert):
    """A meeting's agenda items by number; the records of the layers above they discussed
    are gathered in ``links`` (set once each, with every item that discussed them)."""
    items = {}
    for order, row in enumerate(rows, start=1):
        item = upsert(
            AgendaItem,
            {"meeting": meeting, "order": order},
            {"title": row["title"], "presenter": loader.people.get(row["presenter"])},
            m2m={"priorities": [loader.priorities[n] for n in row["priorities"]]},
        )
        items[order] = item
        for relation in ("recommendations", "risks"):
            for key in row[relation]:
                links[relation].setdefault(key, []).append(item)
    return items
