"""Every write leaves a history row saying who, when, what and why."""

import pytest
from django.apps import apps
from simple_history.models import HistoricalChanges

from partners.models import Action, HostedPriority
from recommendations.models import Recommendation
from tests import factories as f
from trust.history import HistoricalBase
from trust.models import Component, SentForm
from trust.services import StaleEditError, record_delete, record_save

PROJECT_APPS = ("trust", "partners", "risks", "recommendations")


def project_models():
    return [
        m
        for app in PROJECT_APPS
        for m in apps.get_app_config(app).get_models()
        if not issubclass(m, HistoricalChanges)
        and not m._meta.auto_created
        and not m.__name__.startswith("Historical")
        and m is not SentForm  # the double-submit guard's bookkeeping (trust.once)
    ]


def test_every_model_has_history_with_the_as_at_columns():
    assert len(project_models()) >= 20
    for model in project_models():
        history = model.history.model
        assert issubclass(history, HistoricalBase), model
        index_fields = [tuple(index.fields) for index in history._meta.indexes]
        assert (model._meta.pk.attname, "history_date") in index_fields, model


def test_every_many_to_many_field_is_tracked():
    for model in project_models():
        tracked = {field.name for field in model.history.model._history_m2m_fields}
        for field in model._meta.many_to_many:
            if field.name in ("groups", "user_permissions"):
                continue  # Django's own auth relations: roles live in User.role
            assert field.name in tracked, f"{model.__name__}.{field.name} is not tracked"


@pytest.mark.django_db
def test_create_update_and_delete_are_recorded_with_user_and_reason(dcs_user):
    component = record_save(
        f.ComponentFactory.build(name="Open Forums"), by=dcs_user, reason="Set up the structure"
    )
    component.description = "Events open to everyone."
    record_save(component, by=dcs_user, reason="Described the forums")
    pk = component.pk
    record_delete(component, by=dcs_user, reason="Merged into the partnership")

    rows = list(Component.history.filter(id=pk).order_by("history_date", "history_id"))
    assert [r.history_type for r in rows] == ["+", "~", "-"]
    assert {r.history_user for r in rows} == {dcs_user}
    assert [r.history_change_reason for r in rows] == [
        "Set up the structure",
        "Described the forums",
        "Merged into the partnership",
    ]
    assert rows[1].description == "Events open to everyone."
    # The deleted record is still readable from its history.
    assert rows[2].name == "Open Forums"


@pytest.mark.django_db
def test_each_row_is_closed_by_the_next(dcs_user):
    action = f.ActionFactory()
    action.status = Action.Status.IN_PROGRESS
    record_save(action, by=dcs_user, reason="Started")
    first, second = Action.history.filter(id=action.pk).order_by("history_date", "history_id")
    assert first.valid_to == second.history_date
    assert second.valid_to is None


@pytest.mark.django_db
def test_many_to_many_changes_are_recorded_with_user_and_reason(dcs_user):
    rec = f.RecommendationFactory()
    officer, other = f.PersonFactory(), f.PersonFactory()
    component = f.ComponentFactory()

    record_save(
        rec,
        by=dcs_user,
        reason="Named the officers",
        m2m={"responsible_officers": [officer, other], "components": [component]},
    )
    latest = Recommendation.history.filter(id=rec.pk).latest()
    assert latest.history_user == dcs_user
    assert latest.history_change_reason == "Named the officers"
    assert {r.person_id for r in latest.responsible_officers.all()} == {officer.pk, other.pk}

    rec._history_user, rec._change_reason = dcs_user, "Officer left"
    rec.responsible_officers.remove(other)
    latest = Recommendation.history.filter(id=rec.pk).latest()
    assert latest.history_type == "~"
    assert latest.history_user == dcs_user
    assert latest.history_change_reason == "Officer left"
    assert [r.person_id for r in latest.responsible_officers.all()] == [officer.pk]


@pytest.mark.django_db
def test_self_links_and_contributing_partners_are_tracked(dcs_user):
    first, second = f.RecommendationFactory(), f.RecommendationFactory()
    record_save(first, by=dcs_user, reason="Linked", m2m={"related": [second]})
    latest = Recommendation.history.filter(id=first.pk).latest()
    assert [r.to_recommendation_id for r in latest.related.all()] == [second.pk]

    hosted = f.HostedPriorityFactory()
    contributor = f.PartnerFactory()
    record_save(hosted, by=dcs_user, reason="Council joins", m2m={"contributors": [contributor]})
    latest = HostedPriority.history.filter(id=hosted.pk).latest()
    assert latest.history_user == dcs_user
    assert [r.partner_id for r in latest.contributors.all()] == [contributor.pk]


@pytest.mark.django_db
def test_acting_user_comes_from_the_request(client):
    # Through the admin's account pages (its record pages are read-only): the admin's save
    # names no user, so the history middleware must supply it.
    admin = f.UserFactory(username="admin", role="admin", is_staff=True, is_superuser=True)
    leaver = f.UserFactory(username="leaver", role="partner")
    client.force_login(admin)
    response = client.post(
        f"/admin/trust/user/{leaver.pk}/change/",
        {
            "username": "leaver",
            "first_name": "Adam",
            "last_name": "Hewitt",
            "email": "",
            "role": "partner",
            "date_joined_0": "2008-01-01",
            "date_joined_1": "09:00:00",
        },
    )
    assert response.status_code == 302, response.content
    latest = type(leaver).history.filter(id=leaver.pk).latest()
    assert latest.history_user == admin
    assert latest.is_active is False and latest.first_name == "Adam"


@pytest.mark.django_db
def test_a_stale_edit_is_refused_and_changes_nothing(dcs_user):
    action = f.ActionFactory(description="Draft the memorandum")
    seen_version = action.version

    theirs = Action.objects.get(pk=action.pk)
    theirs.description = "Draft and agree the memorandum"
    record_save(theirs, by=dcs_user, expected_version=seen_version)

    mine = Action.objects.get(pk=action.pk)
    mine.description = "Something else"
    mine.version = seen_version
    rows_before = Action.history.count()
    with pytest.raises(StaleEditError) as error:
        record_save(mine, by=dcs_user, expected_version=seen_version)
    assert error.value.current.description == "Draft and agree the memorandum"
    assert Action.objects.get(pk=action.pk).description == "Draft and agree the memorandum"
    assert Action.history.count() == rows_before


@pytest.mark.django_db
def test_each_saved_edit_moves_the_version_on(dcs_user):
    component = f.ComponentFactory()
    assert component.version == 1
    record_save(component, by=dcs_user, expected_version=1)
    record_save(component, by=dcs_user, expected_version=2)
    component.refresh_from_db()
    assert component.version == 3
