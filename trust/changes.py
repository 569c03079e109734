"""Reading the history back for people: each change as "field: old → new", in words.

Related records are named (not shown as ids), choices by their labels, dates as
"3 October 2007", many-to-many changes as what was added and removed. Names of related
records are fetched in bulk, one query per related model, however long the history.
"""

import datetime
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
    """The fields the history keeps and shows (a model may exclude some, e.g. the password
    hash); links to bookkeeping records (``history_internal``, e.g. a carrier's action plan,
    created with it) are not news to a reader."""
    kept = {f.attname for f in model.history.model._meta.concrete_fields}
    return [
        f
        for f in model._meta.concrete_fields
        if f.name not in HIDDEN_FIELDS
        and f.name not in getattr(model, "history_hidden_fields", ())
        and f.attname in kept
        and not getattr(f.related_model, "history_internal", False)
    ]


def _label(f):
    name = str(f.verbose_name)
    return name[:1].upper() + name[1:]


NOT_SHARED = "(not shared with you)"


def _visible(related, user):
    """Records of ``related`` whose names ``user`` may read, or None for all of them."""
    if _sees_all(user):
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


# A save writes its row, then one row per many-to-many change (simple-history writes on
# m2m_changed), each within moments of the save; such rows are read back as one entry.
SAME_SAVE = datetime.timedelta(seconds=10)


def _continues(group, row, fields):
    """Whether ``row`` was written by the same save as the rows of ``group``."""
    first, last = group[0], group[-1]
    return (
        row.history_type == "~"
        and first.history_type != "-"
        and row.history_user_id == first.history_user_id
        and (row.history_change_reason or "") == (first.history_change_reason or "")
        and datetime.timedelta(0) <= row.history_date - first.history_date <= SAME_SAVE
        # Every save moves the version on; the m2m rows copy the save's values.
        and getattr(row, "version", None) == getattr(last, "version", None)
        and all(getattr(row, f.attname) == getattr(last, f.attname) for f in fields)
    )


def _saves(rows, fields):
    """``rows`` (time order) gathered into saves: [(row before the save or None, [rows])]."""
    saves, open_save, last = [], {}, {}
    for row in rows:
        group = open_save.get(row.id)
        if group is not None and _continues(group, row, fields):
            group.append(row)
        else:
            group = open_save[row.id] = [row]
            saves.append((last.get(row.id), group))
        last[row.id] = row
    return saves


def _field_changes(fields, before, after, names):
    changes = []
    for f in fields:
        new = getattr(after, f.attname)
        old = getattr(before, f.attname) if before is not None else None
        if before is None and new in (None, ""):
            continue
        if before is None or old != new:
            old_shown = display(f, old, names) if before is not None else ""
            changes.append(Change(_label(f), old_shown, display(f, new, names)))
    return changes


def _m2m_changes(m2m, before, after, names):
    changes = []
    for m2m_field, per_row in m2m.items():
        now = per_row[after.history_id]
        was = per_row.get(before.history_id, frozenset()) if before is not None else frozenset()
        if now == was:
            continue
        target = names.get(m2m_field.related_model, {})
        added = sorted(target.get(i, f"#{i}") for i in now - was)
        removed = sorted(target.get(i, f"#{i}") for i in was - now)
        changes.append(
            Change(
                _label(m2m_field),
                "; ".join(f"removed {n}" for n in removed),
                "; ".join(f"added {n}" for n in added),
            )
        )
    return changes


def describe(model, rows, user=None, *, hidden=()):
    """Entries for historical ``rows`` of ``model`` (any objects), one per save, each diffed
    with the save before it for the same object in ``rows``; rows must be in time order.

    A change of nothing shown (a version bump, an internal link, a field in ``hidden``) is
    left out; creations and deletions always stay.
    """
    names = _names(model, rows, user)
    m2m = _m2m_targets(model, rows)
    fields = _tracked_fields(model)
    shown = [f for f in fields if f.name not in hidden]
    entries = []
    for before, group in _saves(rows, fields):
        first, after = group[0], group[-1]
        entry = Entry(row=first, kind=TYPE_LABELS.get(first.history_type, first.history_type))
        entry.rows = group
        if first.history_type != "-":
            entry.changes = _field_changes(shown, before, after, names)
            entry.changes += _m2m_changes(m2m, before, after, names)
        if first.history_type == "~" and not entry.changes:
            continue
        entries.append(entry)
    return entries


def _sees_all(user):
    from .permissions import sees_everything

    # No user given: the caller reads on nobody's behalf, so nothing is narrowed.
    return user is None or sees_everything(user)


def _child_rows(model, path, parent_ids, user):
    """(child model, its historical rows) reached from ``parent_ids`` of ``model`` by
    ``path``: reverse relations, or a forward link then reverse ones ("action_plan__actions").

    Rows are read by the parent column, so deleted children still show, to those who see
    everything; everyone else sees only the children ``restrict`` gives them.
    """
    ids = set(parent_ids)
    for name in path.split("__"):
        relation = model._meta.get_field(name)
        if relation.concrete:  # a forward link: follow the values the parent ever held
            ids = set(
                model.history.filter(id__in=ids)
                .exclude(**{relation.attname: None})
                .values_list(relation.attname, flat=True)
            )
            model = relation.related_model
            continue
        model = relation.related_model
        rows = model.history.filter(**{f"{relation.field.attname}__in": ids})
        if not _sees_all(user):
            rows = rows.filter(id__in=model.objects.restrict(user).values("pk"))
        ids = rows.values_list("id", flat=True)
    rows = rows.select_related("history_user").order_by("history_date", "history_id")
    return model, list(rows)


def history_for(obj, user=None):
    """Every change to ``obj`` and to its child records, newest first.

    Children are what ``history_children`` names on the model, and on those children in
    turn (a recommendation's actions, then their progress updates and due-date changes).
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
    pending = [(model, path, {obj.pk}) for path in children]
    while pending:
        parent, path, parent_ids = pending.pop(0)
        child, child_rows = _child_rows(parent, path, parent_ids, user)
        names = _names(child, child_rows, user)
        for entry in describe(child, child_rows, user):
            entry.record_label, _ = _record_link(child, entry.row, names)
            entry.record_url = None
            entries.append(entry)
        child_ids = {row.id for row in child_rows}
        if parent is model and child_ids:
            # One level further down (an action's updates), never deeper.
            pending += [(child, p, child_ids) for p in getattr(child, "history_children", ())]
    attached = _attachment_entries(obj, user)
    if attached and not children:
        for entry in entries:  # the page gains a Record column: name the record itself
            entry.record_label = str(obj)
    entries += attached
    entries.sort(key=lambda e: (e.row.history_date, e.row.history_id), reverse=True)
    return entries


def _attachment_entries(obj, user):
    """Files attached to ``obj`` and removed from it: part of the record's own history."""
    from .models import Attachment, attachment_kinds

    if not attachment_kinds(type(obj)):
        return []
    rows = Attachment.history.filter(
        content_type__app_label=obj._meta.app_label,
        content_type__model=obj._meta.model_name,
        object_id=obj.pk,
    )
    if not _sees_all(user):
        rows = rows.filter(id__in=Attachment.objects.restrict(user).values("pk"))
    rows = list(rows.select_related("history_user").order_by("history_date", "history_id"))
    names = _names(Attachment, rows, user)
    entries = describe(Attachment, rows, user)
    for entry in entries:
        entry.record_label, entry.record_url = _record_link(Attachment, entry.row, names)[0], None
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
        name, kind = str(row.instance), model._meta.verbose_name.capitalize()
        # "Recommendation 2", not "Recommendation: Recommendation 2".
        label = name if name.lower().startswith(kind.lower()) else f"{kind}: {name}"
    url = model_url(model, "detail", row.id)
    parent = getattr(model, "_history_parent", None)
    if url is None and parent:
        f = model._meta.get_field(parent)
        url = model_url(f.related_model, "detail", getattr(row, f.attname))
    if row.history_type == "-":
        url = None
    return label, url


def recent_changes(user, *, limit=50, accounts=True, **filters):
    """The newest ``limit`` changes the user may see, across every record type.

    Rows that show nothing are skipped and more are read to fill ``limit``.
    ``accounts=False`` leaves out sign-in accounts and the links to them (the dashboard:
    creating demo or new accounts is not the trust's news). ``filters``: see ``_picks``.
    """
    entries, seen, offset = [], set(), 0
    batch = max(2 * limit, 20)
    for _ in range(6):  # a bounded cost, however many rows show nothing
        window, more = changes_window(
            user, limit=batch, offset=offset, accounts=accounts, **filters
        )
        for entry in window:
            key = (entry.model_label, entry.row.history_id)
            if key not in seen:  # a save split between two windows
                seen.add(key)
                entries.append(entry)
        if not more or len(entries) >= limit:
            break
        offset += batch
        batch *= 2
    return entries[:limit]


def _picks(user, models_, *, actor=None, actor_partner=None, since=None, until=None):
    """One UNION query of (model label, history id, date) over the models' history rows the
    user may see, newest first. ``since``/``until`` are aware datetimes."""
    from .permissions import sees_everything

    narrowed = not sees_everything(user)
    selects = []
    for m in models_:
        rows = m.history.all()
        if narrowed:
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
    return picks.order_by("-history_date", "-history_id")


def changes_window(user, *, limit=50, offset=0, model=None, accounts=True, **filters):
    """(entries, more): the changes among the ``limit`` newest history rows the user may see
    from ``offset`` on (a page of Recent changes), and whether older rows remain.

    One UNION query picks the rows; then, per record type that appears, one query for its
    rows, one for the rows they are compared with, and the names they show. A save is one
    entry; a row that shows nothing is left out, so a window may hold fewer than ``limit``.
    """
    from django.contrib.auth import get_user_model

    from .permissions import has_role

    if not has_role(user):
        return [], False
    models_ = [model] if model else tracked_models()
    if not accounts:
        models_ = [m for m in models_ if m is not get_user_model()]
    chosen = list(_picks(user, models_, **filters)[offset : offset + limit + 1])
    more, chosen = len(chosen) > limit, chosen[:limit]
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
        hidden = () if accounts else getattr(m, "history_account_fields", ())
        for entry in describe(m, ordered, user, hidden=hidden):
            picked = [r.history_id for r in entry.rows if r.history_id in ids]
            if picked:
                entry.record_label, entry.record_url = _record_link(m, entry.row, names)
                # No restore button where the history cannot rebuild the record.
                entry.model_label = "" if fields_not_kept(m) else m._meta.label
                for history_id in picked:
                    described[(m._meta.label, history_id)] = entry
    entries = []
    for label, history_id, _ in chosen:
        entry = described.get((label, history_id))
        if entry is not None and entry not in entries:
            entries.append(entry)
    return entries, more
