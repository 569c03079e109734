import pytest
from django.urls import reverse

from tests import factories as f


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.django_db
def test_home_shows_components_and_recommendations_by_status(client, dcs_user):
    f.ComponentFactory(name="Integrated Strategic Commissioning Board")
    f.RecommendationFactory(status="in_progress")
    f.RecommendationFactory(status="in_progress")
    f.RecommendationFactory(status="implemented")
    client.force_login(dcs_user)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert "Integrated Strategic Commissioning Board" in response.text
    assert response.context["recommendation_counts"] == [
        ("Not started", 0),
        ("In progress", 2),
        ("Implemented", 1),
        ("Superseded", 0),
    ]


@pytest.mark.django_db
def test_partner_home_counts_only_recommendations_they_take_part_in(client):
    user = f.partner_user()
    mine = f.RecommendationFactory(status="in_progress")
    f.ActionFactory(plan=mine.action_plan, owner=user.person)
    f.RecommendationFactory(status="implemented")
    client.force_login(user)
    response = client.get(reverse("home"))
    assert response.context["recommendation_total"] == 1


@pytest.mark.django_db
def test_sign_in_page_and_pages_carry_a_content_security_policy(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "<script>" not in response.text and 'style="' not in response.text


@pytest.mark.django_db
def test_signing_in_with_a_wrong_password_shows_an_error_summary(client):
    f.UserFactory(username="dcs")
    response = client.post(reverse("login"), {"username": "dcs", "password": "wrong"})
    assert response.status_code == 200
    assert "There is a problem" in response.text
    assert "<title>Error: Sign in" in response.text
