"""The write path every tracked record goes through: validated, atomic, with who and why.

Views and commands never call ``save()`` on a tracked model themselves; they call these
(or a more specific service built on them), so that every change lands in the history with
the acting user and the reason, and a stale edit is refused instead of overwriting another.
"""

from collections.abc import Iterable, Mapping

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError, router, transaction
from django.db.models.deletion import Collector

STALE_EDIT = (
    "Someone else changed this record while you were editing it. "
    "Their changes are shown below; check them and make your change again."
)


SAVED_MEANWHILE = (
    "Someone else saved a record that clashes with this one at the same moment. "
    "Nothing was saved: check what is there now and try again."
)


class StaleEditError(Exception):
    """The record moved on since the form was loaded; ``current`` is what is stored now."""

    def __init__(self, current):
        super().__init__(STALE_EDIT)
        self.current = current


def _stamp(obj, by, reason):
    if by is not None:
        obj._history_user = by
    obj._change_reason = reason or None


@transaction.atomic
def record_save(
    obj,
    *,
    by=None,
    reason: str = "",
    expected_version: int | None = None,
    m2m: Mapping[str, Iterable] | None = None,
):
    """Validate and save ``obj`` (new or changed), then set any many-to-many fields.

    ``by`` is the acting user (left out inside a request: the history middleware knows it).
    ``expected_version`` is the version the editor saw; if the stored one differs, nothing
    is written and ``StaleEditError`` carries the stored record. Anything the record's rules
    or the database refuse raises ``ValidationError`` (field messages where known), even a
    clash with a row another request wrote after this one was validated.
    """
    model = type(obj)
    if obj.pk is not None and not obj._state.adding:
        current = model._base_manager.select_for_update().get(pk=obj.pk)
        if expected_version is not None and current.version != expected_version:
            raise StaleEditError(current)
        obj.version = current.version + 1
    obj.full_clean()
    _stamp(obj, by, reason)
    _save_or_refuse(obj)
    for field, values in (m2m or {}).items():
        getattr(obj, field).set(values)
    return obj


def _save_or_refuse(obj):
    try:
        # A savepoint: after a refused insert the request's transaction can still be used.
        with transaction.atomic():
            obj.save()
    except IntegrityError as error:
        # Validation passed, so another request wrote a clashing row since: name the rule.
        obj.validate_constraints()
        obj.validate_unique()
        raise ValidationError(SAVED_MEANWHILE) from error


@transaction.atomic
def record_delete(obj, *, by=None, reason: str = ""):
    """Delete ``obj``; its history keeps every earlier row and a deletion row with who and why.

    What the deletion takes with it is recorded too: each record deleted with it (a cascade)
    gets its own deletion row with the reason, and each record that linked to it through a
    many-to-many field gets a change row with the link removed. Relations between tracked
    records never clear a field silently (they RESTRICT or PROTECT instead), so nothing else
    changes. Raises ``ProtectedError``/``RestrictedError``, writing nothing, if something
    still refers to it.
    """
    collector = Collector(using=router.db_for_write(type(obj)))
    collector.collect([obj])
    label = f"{type(obj)._meta.verbose_name} {obj}"
    why = f": {reason}" if reason else ""
    _unlink_many_to_many(collector.data, by=by, reason=f"Link removed: {label} deleted{why}")
    for instances in collector.data.values():
        for instance in instances:
            _stamp(instance, by, reason if instance is obj else f"Deleted with {label}{why}")
    collector.delete()


def _many_to_many_fields_to(model):
    """Every many-to-many field of a tracked model that points at ``model``."""
    return [
        field
        for owner in apps.get_models()
        if hasattr(owner, "history") and not owner._meta.auto_created
        for field in owner._meta.many_to_many
        if field.related_model is model
    ]


def _unlink_many_to_many(doomed, *, by, reason):
    """Remove links to the records about to be deleted (``{model: instances}``) from the
    records that stay, through ``record_save``, so each removal is in their history."""
    gone = {(model, o.pk) for model, instances in doomed.items() for o in instances}
    for model, instances in doomed.items():
        pks = {o.pk for o in instances}
        for field in _many_to_many_fields_to(model):
            owner = field.model
            linked = owner._base_manager.filter(**{f"{field.name}__in": pks}).distinct()
            for record in linked:
                if (owner, record.pk) in gone:
                    continue
                keep = getattr(record, field.name).exclude(pk__in=pks)
                record_save(record, by=by, reason=reason, m2m={field.name: list(keep)})


NOT_DELETED = "This record has not been deleted, so there is nothing to restore."
NOT_LATEST = "This record was deleted again later: restore it from its latest deletion."


NOT_KEPT = (
    "A deleted {name} cannot be restored: the history does not keep its {fields}. "
    "Add it again instead."
)


class RestoreError(Exception):
    pass


def fields_not_kept(model) -> list[str]:
    """The fields of ``model`` its history leaves out (a user's password): if any, a deleted
    record cannot be rebuilt from the history."""
    kept = {f.attname for f in model.history.model._meta.concrete_fields}
    return [str(f.verbose_name) for f in model._meta.concrete_fields if f.attname not in kept]


@transaction.atomic
def record_restore(model, deletion, *, by, reason: str = "Restored from the history"):
    """Bring back a deleted record as it was just before ``deletion`` (its "-" history row).

    Its many-to-many links come back too. Refused (``RestoreError``), with nothing written, if
    the record exists again, if its history does not keep every field (user accounts), or if
    what it pointed at is gone (the validation message says what).
    """
    if deletion.history_type != "-" or model._base_manager.filter(pk=deletion.id).exists():
        raise RestoreError(NOT_DELETED)
    if missing := fields_not_kept(model):
        raise RestoreError(
            NOT_KEPT.format(name=model._meta.verbose_name, fields=" and ".join(missing))
        )
    latest = model.history.filter(id=deletion.id).order_by("-history_date", "-history_id").first()
    if latest.history_id != deletion.history_id:
        raise RestoreError(NOT_LATEST)
    last = (
        model.history.filter(id=deletion.id, history_date__lte=deletion.history_date)
        .exclude(history_type="-")
        .order_by("-history_date", "-history_id")
        .first()
    ) or deletion
    obj = last.instance
    obj.version = last.version + 1
    obj._state.adding = True
    m2m = {}
    for field in getattr(model.history.model, "_history_m2m_fields", []):
        through = model.history.model.__dict__[field.name].model
        target = field.m2m_reverse_field_name()
        m2m[field.name] = list(
            through.objects.filter(history=last).values_list(f"{target}_id", flat=True)
        )
    try:
        return record_save(obj, by=by, reason=reason, m2m=m2m)
    except ValidationError as error:
        raise RestoreError("; ".join(error.messages)) from error


@transaction.atomic
def attachment_add(record, file, title: str = "", *, by, reason: str = "", kind="", description=""):
    """Attach ``file`` (an uploaded file that ``trust.files.check_upload`` accepted) to
    ``record``, a record whose model declares ``Attachments``; returns the attachment.

    The file is stored under a new random name; the history row names ``by`` and ``reason``.
    Precondition: the caller checked that ``by`` may attach to ``record``
    (``trust.permissions.may_attach``). If the database refuses the row, the stored file is
    removed again: nothing is left behind.
    """
    from django.contrib.contenttypes.models import ContentType

    from .files import check_upload, clean_filename
    from .models import Attachment, attachment_kinds

    kinds = attachment_kinds(type(record))
    if not kinds:
        raise ValidationError(f"A {type(record)._meta.verbose_name} does not take attachments.")
    if kind and kind not in kinds:
        raise ValidationError({"kind": "Select a kind of file this record takes"})
    file_type = check_upload(file)
    name = clean_filename(file.name)
    attachment = Attachment(
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        original_filename=name,
        title=(title or "").strip() or name,
        kind=kind or (Attachment.Kind.OTHER if Attachment.Kind.OTHER in kinds else kinds[0]),
        description=description,
        mime_type=file_type.mime_type,
        size=file.size,
        attached_by=by,
    )
    attachment.file.save(name, file, save=False)
    try:
        return record_save(attachment, by=by, reason=reason)
    except BaseException:
        attachment.file.delete(save=False)
        raise


def attachment_remove(attachment, *, by, reason: str = ""):
    """Remove ``attachment`` from its record. Its history keeps every row and a deletion row
    with ``by`` and ``reason``; the file stays in storage (and in backups), so a restore from
    the history brings the attachment back with its file. Precondition: ``by`` may remove it
    (``Attachment.objects.restrict(by, DELETE)``)."""
    record_delete(attachment, by=by, reason=reason)
