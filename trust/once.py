"""Each form is saved once: Back and Save again, or a double click, saves nothing twice.

A form sent to the generic edit and form views is fingerprinted: who sent it, to which
address, and every field but the CSRF token. The fingerprint is recorded (a ``SentForm``
row, unique) in the same transaction as the save, so a save that fails records nothing and
the corrected form can be sent. The same form sent again, whether from the page the browser
kept or from the page it fetched again on Back (with the user's typing restored), finds
the fingerprint, saves nothing and is told where the saved record is. An edit form carries
the record's version, so a later, deliberate edit is a different form.
"""

import datetime
import hashlib
import json

from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import SentForm

ALREADY_SENT = "This form was already sent"
# The same fields sent again after this long are taken as meant: a record withdrawn in the
# morning may be entered again, word for word, the next day.
FORGET_AFTER = datetime.timedelta(hours=12)


class AlreadySent(Exception):
    """The same form was saved before; ``sent`` is that sending, if still known."""

    def __init__(self, sent: SentForm | None):
        super().__init__(ALREADY_SENT)
        self.sent = sent


def form_fingerprint(*, user, path: str, data, version: int | None = None, files=None) -> str:
    """What makes two sendings the same form: user, address, fields (``data``: a QueryDict),
    the content of any uploaded ``files`` (two files with the same title are two sendings)
    and the version of the record the form is about, if any (a record deleted and restored
    may be deleted again, for the same reason)."""
    fields = sorted((name, data.getlist(name)) for name in data if name != "csrfmiddlewaretoken")
    uploads = sorted((name, [_digest(f) for f in files.getlist(name)]) for name in files or ())
    extra = [uploads] if uploads else []
    payload = json.dumps([user.pk, path, fields, version, *extra], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _digest(upload) -> str:
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def sending_find(fingerprint: str) -> SentForm | None:
    """The recent sending that saved this very form, if there was one."""
    return SentForm.objects.filter(
        fingerprint=fingerprint, sent_at__gte=timezone.now() - FORGET_AFTER
    ).first()


def sending_record(*, fingerprint: str, user) -> SentForm:
    """Record that this form is being saved; raises ``AlreadySent`` if it was already.

    Precondition: called inside the transaction that saves the form, so that rolling the
    save back forgets the sending too.
    """
    try:
        with transaction.atomic():
            sent, created = SentForm.objects.select_for_update().get_or_create(
                fingerprint=fingerprint, defaults={"user": user}
            )
    except IntegrityError:  # the same form, sent twice at the same moment
        raise AlreadySent(sending_find(fingerprint)) from None
    if not created:
        if sent.sent_at >= timezone.now() - FORGET_AFTER:
            raise AlreadySent(sent)
        sent.sent_at, sent.saved_url = timezone.now(), ""
        sent.save(update_fields=["sent_at", "saved_url"])
    return sent


# --- The form views' side ------------------------------------------------------------------


class SendOnceMixin:
    """A form view whose form is saved once (``trust.once``): Back and Save again, or a
    double click, saves nothing the second time and says where the saved record is.

    Precondition: a successful ``form_valid`` redirects (post/redirect/get); any other
    response means nothing was saved, and the sending is forgotten with the rollback.
    """

    already_sent_template = "generic/already_sent.html"

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        # A form that does not send back the version it was loaded with (a deletion) is told
        # apart by the record's version now: deleted, restored, it may be deleted again.
        about = getattr(self, "object", None)
        version = about.version if about is not None and about.pk else None
        fingerprint = form_fingerprint(
            user=request.user,
            path=request.path,
            data=request.POST,
            version=None if "version" in request.POST else version,
            files=request.FILES,
        )
        earlier = sending_find(fingerprint)
        if earlier is not None:
            return self.already_sent(form, earlier)
        if not form.is_valid():
            return self.form_invalid(form)
        with transaction.atomic():
            try:
                sent = sending_record(fingerprint=fingerprint, user=request.user)
            except AlreadySent as error:
                return self.already_sent(form, error.sent)
            response = self.form_valid(form)
            if response.status_code in (301, 302, 303):
                sent.saved_url = response.url[:500]
                sent.save(update_fields=["saved_url"])
            else:
                transaction.set_rollback(True)
        return response

    def already_sent(self, form, sent):
        context = self.get_context_data(form=form)
        context.update(title=ALREADY_SENT, sent=sent)
        return self.response_class(
            request=self.request,
            template=[self.already_sent_template],
            context=context,
            status=409,
        )
