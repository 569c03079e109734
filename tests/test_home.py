import pytest
from django.urls import reverse

from tests import factories as f


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.django_db
def test_dashboard_shows_recommendations_by_priority_and_status_and_register_gaps(client, dcs_user):
    f.ComponentFactory(name="Integrated Strategic Commissioning Board")
    audit = f.AuditFactory()
    for status in ("in_progress", "in_progress", "implemented"):
        f.RecommendationFactory(audit=audit, status=status)
    client.force_login(dcs_user)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    # The component has no risk register: the dashboard names it.
    assert "Integrated Strategic Commissioning Board" in response.text
    assert "No risk register" in response.text
    assert response.context["status_totals"] == [0, 2, 1, 0]
    [(level, cells, total)] = response.context["status_rows"]
    assert level.label == "Some residual risk" and cells == [0, 2, 1, 0] and total == 3


@pytest.mark.django_db
def test_partner_sees_only_recommendations_they_take_part_in(client):
    user = f.partner_user()
    mine = f.RecommendationFactory(status="in_progress")
    f.ActionFactory(plan=mine.action_plan, owner=user.person)
    f.RecommendationFactory(status="implemented")
    client.force_login(user)
    response = client.get(reverse("recommendations:recommendation_list"))
    assert [r.pk for r in response.context["object_list"]] == [mine.pk]


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
