"""Each component's governing document becomes its first version of terms of reference.

The component's ``governing_document`` (its kind), ``governing_document_text`` and
``governing_document_agreed`` become version 1 of ``partners.TermsOfReference`` (in force from
the day it was agreed), each with its "created" history row, dated when the component's
history last recorded those values and attributed to whoever recorded them. Trust migration
0011 then removes the three fields from the component.
"""

from django.db import migrations
from django.utils import timezone

REASON = "Carried over from the component's governing document"
FIELDS = ("governing_document", "governing_document_text", "governing_document_agreed")


def last_recorded(history, component):
    """The component's latest historical row (who last recorded its document, and when)."""
    return history.objects.filter(id=component.pk).order_by("-history_date", "-history_id").first()


def documents_to_terms(apps, schema_editor):
    component_model = apps.get_model("trust", "Component")
    component_history = apps.get_model("trust", "HistoricalComponent")
    terms_model = apps.get_model("partners", "TermsOfReference")
    terms_history = apps.get_model("partners", "HistoricalTermsOfReference")
    for component in component_model.objects.order_by("pk"):
        if terms_model.objects.filter(component=component).exists():
            continue
        terms = terms_model.objects.create(
            component=component,
            number=1,
            kind=component.governing_document or "terms_of_reference",
            text=component.governing_document_text,
            agreed=component.governing_document_agreed,
        )
        recorded = last_recorded(component_history, component)
        terms_history.objects.create(
            id=terms.pk,
            version=terms.version,
            component_id=component.pk,
            number=1,
            kind=terms.kind,
            text=terms.text,
            agreed=terms.agreed,
            in_force_from=None,
            review_date=None,
            quorum_min_members=None,
            quorum_min_partners=None,
            substitutes_count=terms.substitutes_count,
            history_date=recorded.history_date if recorded else timezone.now(),
            history_user_id=recorded.history_user_id if recorded else None,
            history_type="+",
            history_change_reason=REASON,
        )


def terms_to_documents(apps, schema_editor):
    """Back: the first version's kind, text and date onto the component (rows only)."""
    component_model = apps.get_model("trust", "Component")
    terms_model = apps.get_model("partners", "TermsOfReference")
    for terms in terms_model.objects.filter(number=1):
        component = component_model.objects.get(pk=terms.component_id)
        component.governing_document = terms.kind
        component.governing_document_text = terms.text
        component.governing_document_agreed = terms.agreed
        component.save(update_fields=FIELDS)


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0007_terms_of_reference"),
        ("trust", "0008_membership_roles"),
    ]

    operations = [migrations.RunPython(documents_to_terms, terms_to_documents)]
