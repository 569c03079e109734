"""Reading the history back for people: each change as "field: old → new", in words.

Related records are named (not shown as ids), choices by their labels, dates as
"3 October 2007", many-to-many changes as what was added and removed. Names of related
records are fetched in bulk, one query per related model, however long the history.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import models
from django.utils.formats import date_format

HIDDEN_FIELDS = {"id", "version"}
TYPE_LABELS = {"+": "Created", "~": "Changed", "-": "Deleted"}


@dataclass
class Change:
    label: str
    old: str
    new: str


@dataclass
class Entry:
    row: object
    kind: str
    changes: list[Change] = field(default_factory=list)

    @property
    def date(self):
        return self.row.history_date

    @property
    def user(self):
        return self.row.history_user

    @property
    def reason(self):
        return self.row.history_change_reason or ""


def _tracked_fields(model):
    return [f for f in model._meta.concrete_fields if f.name not in HIDDEN_FIELDS]


def _label(f):
    name = str(f.verbose_name)
    return name[:1].upper() + name[1:]


def _names(model, rows):
    """{related model: {pk: name}} for every related record any row points at."""
    wanted = defaultdict(set)
    for f in _tracked_fields(model):
        if f.is_relation:
            for row in rows:
                value = getattr(row, f.attname)
                if value is not None:
                    wanted[f.related_model].add(value)
    for m2m_field, targets in _m2m_targets(model, rows).items():
        for ids in targets.values():
            wanted[m2m_field.related_model].update(ids)
    names = {}
    for related, ids in wanted.items():
        names[related] = {obj.pk: str(obj) for obj in related._base_manager.filter(pk__in=ids)}
        missing = ids - names[related].keys()
        if missing and hasattr(related, "history"):
            # Deleted records are named from their last historical row.
            for old in related.history.filter(id__in=missing).order_by("id", "-history_date"):
                names[related].setdefault(old.id, f"{old.instance} (deleted)")
    return names


def _m2m_targets(model, rows):
    """{m2m field: {history_id: frozenset(target ids)}}, one query per tracked m2m field."""
    history_model = model.history.model
    result = {}
    ids = [row.history_id for row in rows]
    for m2m_field in getattr(history_model, "_history_m2m_fields", []):
        through_history = model.history.model.__dict__[m2m_field.name].model
        target = m2m_field.m2m_reverse_field_name()
        per_row = defaultdict(set)
        for history_id, target_id in through_history.objects.filter(history__in=ids).values_list(
            "history", f"{target}"
        ):
            per_row[history_id].add(target_id)
        result[m2m_field] = {h: frozenset(per_row.get(h, ())) for h in ids}
    return result


def display(f, value, names):
    if value is None or value == "":
        return "(none)"
    if f.is_relation:
        return names.get(f.related_model, {}).get(value, f"#{value}")
    if f.choices:
        return str(dict(f.flatchoices).get(value, value))
    if isinstance(f, models.BooleanField):
        return "Yes" if value else "No"
    if isinstance(f, models.DateTimeField):
        return date_format(value, "DATETIME_FORMAT")
    if isinstance(f, models.DateField):
        return date_format(value, "DATE_FORMAT")
    return str(value)


def describe(model, rows):
    """Entries for historical ``rows`` of ``model`` (any objects), each diffed with the row
    before it for the same object in ``rows``; rows must be in time order."""
    names = _names(model, rows)
    m2m = _m2m_targets(model, rows)
    fields = _tracked_fields(model)
    previous = {}
    entries = []
    for row in rows:
        before = previous.get(row.id)
        entry = Entry(row=row, kind=TYPE_LABELS.get(row.history_type, row.history_type))
        for f in fields:
            new = getattr(row, f.attname)
            old = getattr(before, f.attname) if before is not None else None
            if row.history_type == "-":
                continue
            if before is None and new in (None, ""):
                continue
            if before is None or old != new:
                entry.changes.append(
                    Change(
                        _label(f), display(f, old, names) if before else "", display(f, new, names)
                    )
                )
        for m2m_field, per_row in m2m.items():
            now = per_row[row.history_id]
            was = (
                m2m[m2m_field].get(before.history_id, frozenset())
                if before is not None
                else frozenset()
            )
            if row.history_type == "-" or now == was:
                continue
            target = names.get(m2m_field.related_model, {})
            added = sorted(target.get(i, f"#{i}") for i in now - was)
            removed = sorted(target.get(i, f"#{i}") for i in was - now)
            entry.changes.append(
                Change(
                    _label(m2m_field),
                    "; ".join(f"removed {n}" for n in removed),
                    "; ".join(f"added {n}" for n in added),
                )
            )
        previous[row.id] = row
        entries.append(entry)
    return entries


def history_for(obj):
    """Every change to ``obj``, newest first."""
    model = type(obj)
    rows = list(
        model.history.filter(id=obj.pk)
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    return list(reversed(describe(model, rows)))
