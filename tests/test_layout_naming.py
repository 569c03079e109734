"""Pages that fit and say what things are: wide data pages, actions and recommendations named
with what they belong to, My actions and the all-actions list with filters, and one style of
filter for dates and yes/no questions."""

import datetime
import html
import re

import django_filters
import pytest
from django.urls import reverse

from partners.models import ActionStatus
from tests import factories as f
from trust import clock
from trust.filters import RestrictedFilterSet

TODAY = datetime.date(2008, 3, 1)


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: TODAY)


@pytest.fixture
def dcs(client, db):
    user = f.UserFactory(username="dcs", role="dcs")
    client.person = f.PersonFactory(name="Barbara Newton", user=user)
    client.force_login(user)
    return client


def text_of(response):
    """The page's text without tags, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def title_of(response):
    return html.unescape(re.search(r"<title>(.*?)</title>", response.content.decode(), re.S)[1])


def h1_of(response):
    found = re.search(r"<h1[^>]*>(.*?)</h1>", response.content.decode(), re.S)[1]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", found)).split())


def audit_action(owner=None, report_date=datetime.date(2007, 11, 1), **kwargs):
    """An action on recommendation 2 of a new audit titled "Children's Trust arrangements"."""
    audit = f.AuditFactory(title="Children's Trust arrangements", report_date=report_date)
    rec = f.RecommendationFactory(audit=audit, number="2")
    return f.ActionFactory(plan=rec.action_plan, owner=owner or f.PersonFactory(), **kwargs)


def all_filter_sets(base=RestrictedFilterSet):
    for cls in base.__subclasses__():
        yield cls
        yield from all_filter_sets(cls)


# --- Data pages use the width of the screen -------------------------------------------------


def test_list_and_record_pages_use_the_wide_page_and_forms_keep_the_narrow_one(dcs):
    action = audit_action()
    rec = action.plan.recommendation
    wide = [
        reverse("recommendations:recommendation_list"),
        rec.audit.get_absolute_url(),
        rec.get_absolute_url(),
        reverse("partners:action_list"),
        reverse("my_actions"),
        reverse("home"),
    ]
    for url in wide:
        assert 'class="govuk-template__body app-data-page"' in dcs.get(url).text, url
    form = dcs.get(reverse("recommendations:recommendation_update", args=[rec.pk])).text
    assert "app-data-page" not in form


# --- Names that say what things belong to ---------------------------------------------------


def test_an_action_is_named_by_its_text_cut_at_a_word_boundary(db):
    words = "Memorandum of understanding to be developed to include conflict resolution"
    action = audit_action(description=f"{words} and an exit strategy for every partner.")
    name = str(action)
    assert name.endswith("…") and len(name) <= 80
    kept = name[:-1]
    assert action.description.startswith(kept) and action.description[len(kept)] == " "
    assert len(kept) > 60  # cut at the last boundary, not the first
    short = f.ActionFactory(description="Draft the   plan.")
    assert str(short) == "Draft the plan."


def test_action_tables_name_each_carrier_with_its_audit_register_or_priority(dcs):
    on_rec = audit_action()
    risk = f.RiskFactory(
        reference="R3",
        register=f.RiskRegisterFactory(name="Trust risk register"),
        action_plan=f.ActionPlanFactory(),
    )
    on_risk = f.ActionFactory(plan=risk.action_plan)
    hosted = f.HostedPriorityFactory(title="Reducing childhood obesity")
    on_hosted = f.ActionFactory(plan=hosted.action_plan)
    page = text_of(dcs.get(reverse("partners:action_list")))
    assert "Recommendation 2 of Children's Trust arrangements" in page
    assert "Risk R3 in Trust risk register" in page
    assert "Hosted priority: Reducing childhood obesity" in page
    for action in (on_rec, on_risk, on_hosted):
        assert action.description in page


def test_the_action_page_is_titled_by_its_text_and_says_which_audit(dcs):
    action = audit_action(description="Agree the memorandum with every board chair.")
    response = dcs.get(action.get_absolute_url())
    assert h1_of(response) == "Agree the memorandum with every board chair."
    assert title_of(response).startswith(
        "Agree the memorandum with every board chair. – "
        "Recommendation 2 of Children's Trust arrangements"
    )
    assert f"Action {action.number} of Recommendation 2 of Children's Trust arrangements" in (
        text_of(response)
    )


def test_a_recommendation_page_title_names_its_audit(dcs):
    rec = audit_action().plan.recommendation
    response = dcs.get(rec.get_absolute_url())
    assert title_of(response).startswith("Recommendation 2 of Children's Trust arrangements – ")
    assert h1_of(response) == "Recommendation 2"


def test_a_hosted_priority_action_breadcrumb_says_it_is_a_hosted_priority(dcs):
    hosted = f.HostedPriorityFactory(title="Reducing childhood obesity")
    action = f.ActionFactory(plan=hosted.action_plan)
    crumbs = dcs.get(action.get_absolute_url()).context["breadcrumbs"]
    assert ("Hosted priority: Reducing childhood obesity", hosted.get_absolute_url()) in crumbs


# --- My actions ------------------------------------------------------------------------------


def my_actions(client, **query):
    response = client.get(reverse("my_actions"), query)
    assert response.status_code == 200
    return response, {a.pk for a in response.context["actions"]}


def test_my_actions_leave_out_complete_and_cancelled_unless_a_status_is_chosen(dcs):
    me = dcs.person
    open_one = audit_action(owner=me)
    done = f.ActionFactory(
        plan=open_one.plan, owner=me, status=ActionStatus.COMPLETE, completed_on=TODAY
    )
    cancelled = f.ActionFactory(plan=open_one.plan, owner=me, status=ActionStatus.CANCELLED)
    assert my_actions(dcs)[1] == {open_one.pk}
    assert my_actions(dcs, status="complete")[1] == {done.pk}
    assert my_actions(dcs, status="any")[1] == {open_one.pk, done.pk, cancelled.pk}


def test_my_actions_filter_by_overdue_due_dates_and_audit(dcs):
    me = dcs.person
    late = audit_action(owner=me, due_date=datetime.date(2008, 1, 31))
    late.original_due_date = late.due_date
    late.save()
    other_audit = audit_action(owner=me, report_date=datetime.date(2009, 1, 1))
    future = f.ActionFactory(
        plan=late.plan,
        owner=me,
        original_due_date=datetime.date(2008, 6, 30),
        due_date=datetime.date(2008, 6, 30),
    )
    assert my_actions(dcs, overdue="true")[1] == {late.pk, other_audit.pk}
    assert my_actions(dcs, overdue="false")[1] == {future.pk}
    assert my_actions(dcs, due_after="2008-02-01")[1] == {future.pk}
    assert my_actions(dcs, due_before="2008-01-31")[1] == {late.pk, other_audit.pk}
    audit = late.plan.recommendation.audit
    assert my_actions(dcs, audit=audit.pk)[1] == {late.pk, future.pk}


def test_my_actions_show_no_owner_column(dcs):
    audit_action(owner=dcs.person)
    page = dcs.get(reverse("my_actions")).text
    assert '<th scope="col" class="govuk-table__header">Owner</th>' not in page
    assert "Barbara Newton</td>" not in page
    everyone = dcs.get(reverse("partners:action_list")).text
    assert '<th scope="col" class="govuk-table__header">Owner</th>' in everyone


def test_my_actions_with_a_date_that_is_not_a_date_says_so_and_keeps_it(dcs):
    audit_action(owner=dcs.person)
    response, listed = my_actions(dcs, due_after="2008-02-31")
    assert response.context["filter"].errors["due_after"]
    assert 'value="2008-02-31"' in response.text
    assert listed == set()


# --- The all-actions list ---------------------------------------------------------------------


def test_the_all_actions_list_is_in_the_navigation_and_marked_current_there(dcs):
    audit_action()
    items = {i["label"]: i for i in dcs.get(reverse("home")).context["navigation"]}
    assert items["Actions"]["url"] == reverse("partners:action_list")
    here = dcs.get(reverse("partners:action_list")).context["navigation"]
    assert [i["label"] for i in here if i["current"]] == ["Actions"]
    mine = dcs.get(reverse("my_actions")).context["navigation"]
    assert [i["label"] for i in mine if i["current"]] == ["My actions"]


def test_the_all_actions_list_filters_by_audit(dcs):
    first = audit_action()
    second = audit_action(report_date=datetime.date(2009, 1, 1))
    audit = second.plan.recommendation.audit
    response = dcs.get(reverse("partners:action_list"), {"audit": audit.pk})
    assert [a.pk for a in response.context["object_list"]] == [second.pk]
    assert first.description not in text_of(response)


def test_the_audit_filter_offers_a_partner_only_the_audits_it_may_see(client, db):
    mine = audit_action()
    user = f.partner_user(partner=mine.owner.partner)
    mine.owner = user.person
    mine.save()
    audit_action(report_date=datetime.date(2009, 1, 1))  # another partner's
    client.force_login(user)
    for url in (reverse("partners:action_list"), reverse("my_actions")):
        field = client.get(url).context["filter"].form.fields["audit"]
        assert set(field.queryset) == {mine.plan.recommendation.audit}, url


# --- One style of filter ------------------------------------------------------------------------


def test_every_yes_no_filter_offers_any_yes_or_no_and_every_date_filter_one_date_field(db):
    checked = {"yes/no": 0, "date": 0}
    for filter_set in all_filter_sets():
        if filter_set._meta.model is None:
            continue
        form = filter_set({}, queryset=filter_set._meta.model.objects.none()).form
        for name, filter_ in filter_set.base_filters.items():
            widget = form.fields[name].widget
            if isinstance(filter_, django_filters.BooleanFilter):
                assert list(widget.choices) == [("", "Any"), ("true", "Yes"), ("false", "No")], (
                    filter_set,
                    name,
                )
                checked["yes/no"] += 1
            elif isinstance(filter_, django_filters.DateFilter):
                assert widget.input_type == "date", (filter_set, name)
                checked["date"] += 1
    assert checked["yes/no"] >= 4 and checked["date"] >= 4, checked


def test_a_yes_no_filter_reads_as_any_yes_no_on_the_page_and_filters(dcs):
    late = audit_action(due_date=datetime.date(2008, 1, 31))
    late.original_due_date = late.due_date
    late.save()
    page = dcs.get(reverse("recommendations:recommendation_list")).text
    overdue = re.search(r'<select name="overdue"[^>]*>(.*?)</select>', page, re.S)
    assert overdue, "no overdue filter"
    assert "govuk-select" in overdue[0]
    labels = re.findall(r"<option[^>]*>(.*?)</option>", overdue[1])
    assert labels == ["Any", "Yes", "No"]
    assert "Unknown" not in page
    rec = late.plan.recommendation
    listed = dcs.get(reverse("recommendations:recommendation_list"), {"overdue": "true"})
    assert [r.pk for r in listed.context["object_list"]] == [rec.pk]
