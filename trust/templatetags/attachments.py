"""The "Attached files" section of a record's page, for every kind of record that takes files."""

from django import template
from django.urls import reverse

from ..models import Attachment, attachment_kinds
from ..permissions import may_attach

register = template.Library()


@register.inclusion_tag("includes/attachments.html", takes_context=True)
def attachments_section(context):
    """The attachments of the page's ``object``, if its kind takes files: one query for the
    list (however many files), at most one to ask whether the user may attach or remove."""
    record = context.get("object")
    request = context.get("request")
    if record is None or request is None or not attachment_kinds(type(record)):
        return {"shown": False}
    return {
        "shown": True,
        "record": record,
        "attachments": list(Attachment.objects.of(record)),
        "can_attach": may_attach(request.user, record),
        "add_url": reverse("trust:attachment_create", args=[record._meta.label_lower, record.pk]),
    }
