"""Sections the layers above put on their pages about the partners layer's records."""

from trust.sections import Related


def discussed_at(kind: str) -> Related:
    """The meetings whose agenda items discussed the record (a recommendation, a risk): its
    ``agenda_items``, a relation the record declares. Meetings are shared with everyone."""
    return Related(
        "Discussed at meetings",
        "partners/discussed_at.html",
        rows=lambda view, context: view.object.agenda_items.select_related("meeting").order_by(
            "meeting__date", "order"
        ),
        as_="items",
        empty=f"No meeting's agenda has discussed this {kind}.",
    )
