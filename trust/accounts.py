"""People set their own passwords: a sign-in that DCS staff create gets an e-mail with a link
to set one (``send_invitation``), and anyone who has forgotten theirs asks for a link on the
sign-in page. Links are Django's password-reset tokens: they work once, stop working when the
password changes and expire after ``PASSWORD_RESET_TIMEOUT``. Links name ``SITE_URL``, never
the host a request claims to come from."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm, SetPasswordForm
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse, reverse_lazy
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from .forms import GovukFormMixin


def password_link(user) -> str:
    """The address at which ``user`` sets a password, valid until it is used or expires."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return settings.SITE_URL + reverse("password_reset_confirm", args=[uid, token])


def send_invitation(user) -> bool:
    """E-mail a sign-in with no password yet the link to set one; whether one was sent."""
    if user.has_usable_password() or not user.email:
        return False
    context = {
        "user": user,
        "link": password_link(user),
        "service_name": settings.SERVICE_NAME,
        "days": settings.PASSWORD_RESET_TIMEOUT // 86400,
    }
    EmailMultiAlternatives(
        subject=f"Set your password for {settings.SERVICE_NAME}",
        body=render_to_string("email/invitation.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
    ).send()
    return True


class ForgottenPasswordForm(GovukFormMixin, PasswordResetForm):
    """The e-mail address of a sign-in that has forgotten its password, or whose invitation
    expired before a password was set (Django leaves those out; here they are ours)."""

    def get_users(self, email):
        model = get_user_model()
        field = model.get_email_field_name()
        return model._default_manager.filter(**{f"{field}__iexact": email, "is_active": True})


class NewPasswordForm(GovukFormMixin, SetPasswordForm):
    """A new password, typed twice, checked against the password rules."""

    def __init__(self, user, *args, **kwargs):
        # The mixin takes ``user`` by name; Django's form takes it first.
        super().__init__(user, *args, user=user, **kwargs)


class ForgottenPasswordView(auth_views.PasswordResetView):
    form_class = ForgottenPasswordForm
    template_name = "registration/password_forgotten.html"
    email_template_name = "email/password_forgotten.txt"
    subject_template_name = "email/password_forgotten_subject.txt"
    success_url = reverse_lazy("password_reset_done")

    def form_valid(self, form):
        # Django's form builds the link from these; ours comes from SITE_URL.
        self.extra_email_context = {
            "site_url": settings.SITE_URL,
            "service_name": settings.SERVICE_NAME,
        }
        return super().form_valid(form)


class ForgottenPasswordSentView(auth_views.PasswordResetDoneView):
    template_name = "registration/password_forgotten_sent.html"


class SetPasswordView(auth_views.PasswordResetConfirmView):
    form_class = NewPasswordForm
    template_name = "registration/password_set.html"
    success_url = reverse_lazy("password_reset_complete")


class PasswordSetView(auth_views.PasswordResetCompleteView):
    template_name = "registration/password_set_done.html"
