"""Reading the history back for people: each change as "field: old → new", in words.

Related records are named (not shown as ids), choices by their labels, dates as
"3 October 2007", many-to-many changes as what was added and removed. Names of related
records are fetched in bulk, one query per related model, however long the history.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import models
from django.utils.formats import date_format

from .services import fields_not_kept

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
    """The fields the history keeps (a model may exclude some, e.g. the password hash)."""
    kept = {f.attname for f in model.history.model._meta.concrete_fields}
    return [
        f for f in model._meta.concrete_fields if f.name not in HIDDEN_FIELDS and f.attname in kept
    ]


def _label(f):
    name = str(f.verbose_name)
    return name[:1].upper() + name[1:]


NOT_SHARED = "(not shared with you)"


def _visible(related, user):
    """Records of ``related`` whose names ``user`` may read, or None for all of them."""
    from .permissions import FULL_ACCESS, Role, role_of

    if user is None or role_of(user) in FULL_ACCESS or role_of(user) == Role.AUDITOR:
        return None
    manager = related._default_manager
    return manager.restrict(user) if hasattr(manager, "restrict") else manager.none()


def _names(model, rows, user=None):
    """{related model: {pk: name}} for every related record any row points at; records the
    user may not see are named as not shared."""
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
        visible = _visible(related, user)
        if visible is not None:
            names[related] = {obj.pk: str(obj) for obj in visible.filter(pk__in=ids)}
            names[related].update(dict.fromkeys(ids - names[related].keys(), NOT_SHARED))
            continue
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


def describe(model, rows, user=None):
    """Entries for historical ``rows`` of ``model`` (any objects), each diffed with the row
    before it for the same object in ``rows``; rows must be in time order."""
    names = _names(model, rows, user)
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


def history_for(obj, user=None):
    """Every change to ``obj`` and to its child records (``history_children``), newest first.

    Children are read by their parent column, so deleted children still show.
    """
    model = type(obj)
    rows = list(
        model.history.filter(id=obj.pk)
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    entries = describe(model, rows, user)
    children = getattr(model, "history_children", ())
    for entry in entries:
        entry.record_label, entry.record_url = (str(obj), None) if children else ("", None)
    for name in children:
        relation = model._meta.get_field(name)
        child = relation.related_model
        child_rows = list(
            child.history.filter(**{relation.field.attname: obj.pk})
            .select_related("history_user")
            .order_by("history_date", "history_id")
        )
        names = _names(child, child_rows, user)
        for entry in describe(child, child_rows, user):
            entry.record_label, _ = _record_link(child, entry.row, names)
            entry.record_url = None
            entries.append(entry)
    entries.sort(key=lambda e: (e.row.history_date, e.row.history_id), reverse=True)
    return entries


def tracked_models():
    from django.apps import apps

    return [
        m
        for app in ("trust", "partners", "risks", "recommendations")
        for m in apps.get_app_config(app).get_models()
        if hasattr(m, "history") and not m.__name__.startswith("Historical")
    ]


def _record_link(model, row, names):
    """(label, url) of the record a historical row belongs to, without a query per row."""
    from .generic import model_url

    if getattr(model, "history_label_fields", None):
        parts = []
        for name in model.history_label_fields:
            f = model._meta.get_field(name)
            parts.append(display(f, getattr(row, f.attname), names))
        label = f"{model._meta.verbose_name.capitalize()}: {', '.join(parts)}"
    else:
        label = f"{model._meta.verbose_name.capitalize()}: {row.instance}"
    url = model_url(model, "detail", row.id)
    parent = getattr(model, "_history_parent", None)
    if url is None and parent:
        f = model._meta.get_field(parent)
        url = model_url(f.related_model, "detail", getattr(row, f.attname))
    if row.history_type == "-":
        url = None
    return label, url


def recent_changes(
    user, *, limit=50, offset=0, model=None, actor=None, actor_partner=None, since=None, until=None
):
    """The newest changes the user may see, across every record type.

    One UNION query picks the rows (newest first); then, per record type that appears, one
    query for its rows, one for the rows they are compared with, and the names they show.
    ``since``/``until`` are aware datetimes; ``model`` limits to one record type.
    """
    from .permissions import FULL_ACCESS, Role, role_of

    role = role_of(user)
    if role is None:
        return []
    models_ = [model] if model else tracked_models()
    selects = []
    for m in models_:
        rows = m.history.all()
        if role not in FULL_ACCESS and role != Role.AUDITOR:
            rows = rows.filter(id__in=m.objects.restrict(user).values("pk"))
        if actor is not None:
            rows = rows.filter(history_user=actor)
        if actor_partner is not None:
            rows = rows.filter(history_user__person__partner=actor_partner)
        if since is not None:
            rows = rows.filter(history_date__gte=since)
        if until is not None:
            rows = rows.filter(history_date__lt=until)
        selects.append(
            rows.order_by().values_list(
                models.Value(m._meta.label, output_field=models.CharField()),
                "history_id",
                "history_date",
            )
        )
    # One flat UNION ALL: chained union() calls nest, and SQLite's parser gives up on that.
    picks = selects[0].union(*selects[1:], all=True) if len(selects) > 1 else selects[0]
    chosen = list(picks.order_by("-history_date", "-history_id")[offset : offset + limit])
    by_model = defaultdict(list)
    for label, history_id, _ in chosen:
        by_model[label].append(history_id)
    described = {}
    for m in models_:
        ids = by_model.get(m._meta.label)
        if not ids:
            continue
        rows = list(m.history.filter(history_id__in=ids).select_related("history_user"))
        # The row each one replaced: same record, valid until this row was written.
        previous = list(
            m.history.filter(
                id__in={r.id for r in rows}, valid_to__in={r.history_date for r in rows}
            )
        )
        wanted = {(r.id, r.history_date) for r in rows}
        previous = [p for p in previous if (p.id, p.valid_to) in wanted]
        ordered = sorted(previous + rows, key=lambda r: (r.history_date, r.history_id))
        names = _names(m, ordered, user)
        for entry in describe(m, ordered, user):
            if entry.row.history_id in ids:
                entry.record_label, entry.record_url = _record_link(m, entry.row, names)
                # No restore button where the history cannot rebuild the record.
                entry.model_label = "" if fields_not_kept(m) else m._meta.label
                described[(m._meta.label, entry.row.history_id)] = entry
    return [described[(label, hid)] for label, hid, _ in chosen if (label, hid) in described]
