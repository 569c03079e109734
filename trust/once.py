"""Each form is saved once: Back and Save again, or a double click, saves nothing twice.

Every form of the generic edit and form views carries a one-time token in a hidden field.
The token is spent (a ``SentForm`` row, unique) in the same transaction as the save, so a
save that fails leaves it unspent and the corrected form can be sent again, while a second
sending of a form that was saved finds the token spent, saves nothing and is told where the
saved record is. A form sent without a token (a script, an older page) is not guarded.
"""

import secrets

from django.db import IntegrityError, transaction

from .models import SentForm

TOKEN_FIELD = "form_token"
ALREADY_SENT = "This form was already sent"


class AlreadySent(Exception):
    """The token was spent by an earlier sending; ``sent`` is that sending, if still known."""

    def __init__(self, sent: SentForm | None):
        super().__init__(ALREADY_SENT)
        self.sent = sent


def token_issue() -> str:
    return secrets.token_urlsafe(32)


def token_spent(token: str) -> SentForm | None:
    """The earlier sending that spent ``token``, if it was spent."""
    if not token:
        return None
    return SentForm.objects.filter(token=token[:64]).first()


def token_spend(*, token: str, user) -> SentForm:
    """Spend ``token`` for ``user``; raises ``AlreadySent`` if it was spent before.

    Precondition: called inside the transaction that saves the form, so that rolling the
    save back leaves the token unspent.
    """
    try:
        with transaction.atomic():
            return SentForm.objects.create(token=token[:64], user=user)
    except IntegrityError:
        raise AlreadySent(token_spent(token)) from None
