"""What stands in the way of deleting a record, as far as the user may see it."""

from collections import defaultdict

from django.db import router
from django.db.models import ProtectedError
from django.db.models.deletion import Collector, RestrictedError


def _count(n, model):
    opts = model._meta
    return f"{n} {opts.verbose_name if n == 1 else opts.verbose_name_plural}"


def delete_blockers(obj, user):
    """(message, records): why ``obj`` cannot be deleted and the records in the way that
    ``user`` may see; ("", []) when nothing stops it. Asks Django's deletion collector, which
    reads the relations without writing anything.

    Only records the user may see are named or counted: if any are hidden, the message says
    that other records refer to it, without a number.
    """
    collector = Collector(using=router.db_for_write(type(obj)))
    try:
        collector.collect([obj])
        return "", []
    except ProtectedError as error:
        blocking = error.protected_objects
    except RestrictedError as error:
        blocking = error.restricted_objects
    pks = defaultdict(set)
    for other in blocking:
        pks[type(other)].add(other.pk)
    shown, counts, hidden = [], [], False
    for model, ids in pks.items():
        manager = model._default_manager
        visible = (
            list(manager.restrict(user).filter(pk__in=ids)) if hasattr(manager, "restrict") else []
        )
        hidden = hidden or len(visible) < len(ids)
        shown += visible
        counts.append(_count(len(visible), model))
    kind = type(obj)._meta.verbose_name
    if hidden:
        return f"This {kind} cannot be deleted while other records refer to it.", shown
    them = "it" if len(shown) == 1 else "them"
    listed = " and ".join([", ".join(counts[:-1]), counts[-1]] if len(counts) > 1 else counts)
    return (
        f"This {kind} cannot be deleted while it has {listed}. Delete or move {them} first.",
        shown,
    )
