"""People set their own passwords (trust/accounts.py): a sign-in DCS staff create gets an
e-mail with a link to set one, the link works once, and anyone who has forgotten their
password (or let an invitation expire) asks for a new link from the sign-in page, which does
not tell a stranger whether an address has a sign-in."""

import re

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from tests import factories as f
from trust.models import User

pytestmark = pytest.mark.django_db
LINK = re.compile(r"https://trust\.example\.org(/password/set/[^/\s]+/[^/\s]+/)")


@pytest.fixture(autouse=True)
def site():
    with override_settings(SITE_URL="https://trust.example.org", SERVICE_NAME="Harbourside"):
        yield


@pytest.fixture
def partner_user(db):
    user = f.partner_user(username="pstaff")
    user.set_password("the-old-passphrase-1")
    user.save()
    return user


def link_in(message):
    return LINK.search(message.body).group(1)


def set_password(client, path, password="a-Long-new-passphrase-2026"):
    page = client.get(path, follow=True)  # Django swaps the token for a session marker
    assert page.context["validlink"], page.redirect_chain
    return client.post(
        page.redirect_chain[-1][0], {"new_password1": password, "new_password2": password}
    )


def test_a_new_sign_in_is_sent_a_link_and_sets_its_own_password(
    client, dcs_user, django_capture_on_commit_callbacks
):
    person = f.PersonFactory(name="Mark Sutcliffe", email="mark@example.org")
    client.force_login(dcs_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("partners:person_sign_in", args=[person.pk]),
            {"username": "msutcliffe", "email": "mark@example.org", "role": "partner"},
            follow=True,
        )
    assert "A link to set a password is on its way to mark@example.org" in response.content.decode()
    (message,) = mail.outbox
    assert message.to == ["mark@example.org"]
    assert message.subject == "Set your password for Harbourside"
    assert "Dear Mark Sutcliffe" in message.body and "msutcliffe" in message.body
    client.logout()

    response = set_password(client, link_in(message))
    assert response.status_code == 302 and response["Location"] == reverse(
        "password_reset_complete"
    )
    assert client.login(username="msutcliffe", password="a-Long-new-passphrase-2026")
    client.logout()
    # The link worked once.
    page = client.get(link_in(message), follow=True)
    assert not page.context["validlink"]
    assert "This link no longer works" in page.content.decode()


def test_a_sign_in_that_has_a_password_is_not_sent_another_link(
    client, dcs_user, partner_user, django_capture_on_commit_callbacks
):
    client.force_login(dcs_user)
    person = partner_user.person
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("partners:person_sign_in", args=[person.pk]),
            {"username": partner_user.username, "email": "p@example.org", "role": "partner"},
        )
    assert response.status_code == 302
    assert mail.outbox == []


def test_a_refused_sign_in_sends_nothing(client, dcs_user, django_capture_on_commit_callbacks):
    client.force_login(dcs_user)
    person = f.PersonFactory(email="m@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("partners:person_sign_in", args=[person.pk]),
            {"username": "m", "email": "m@example.org", "role": "auditor"},
        )
    assert response.status_code == 200 and mail.outbox == []
    assert not User.objects.filter(username="m").exists()


def test_forgotten_password_sends_a_link_that_sets_a_new_one(client, partner_user):
    partner_user.email = "Partner@Example.org"
    partner_user.save()
    login = client.get(reverse("login")).content.decode()
    assert reverse("password_reset") in login
    response = client.post(reverse("password_reset"), {"email": "partner@example.org"})
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.subject == "Set a new password for Harbourside"
    assert set_password(client, link_in(message), "Another-passphrase-99").status_code == 302
    assert client.login(username=partner_user.username, password="Another-passphrase-99")


def test_an_unknown_address_is_told_the_same_and_sent_nothing(client):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.org"}, follow=True)
    assert "If the address you entered belongs to a sign-in" in response.content.decode()
    assert mail.outbox == []


def test_an_invitee_whose_link_expired_can_ask_for_a_new_one(client):
    user = User.objects.create(username="invited", email="inv@example.org")
    user.set_unusable_password()
    user.save()
    client.post(reverse("password_reset"), {"email": "inv@example.org"})
    assert len(mail.outbox) == 1


def test_a_weak_or_mismatched_password_is_refused_with_a_message(client, partner_user):
    partner_user.email = "p@example.org"
    partner_user.save()
    client.post(reverse("password_reset"), {"email": "p@example.org"})
    page = client.get(link_in(mail.outbox[0]), follow=True)
    response = client.post(
        page.redirect_chain[-1][0], {"new_password1": "abc", "new_password2": "abd"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors
    assert "error-summary" in response.content.decode()
