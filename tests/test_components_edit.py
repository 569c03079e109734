"""DCS staff set up the partnership's structure in the pages: components with their function
(a list they keep), what each sits under (no cycles) and whom each reports to (a component or
a body outside the partnership, exactly one), drawn on the structure page with its text
alternative; and the migration that made functions data kept the history."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from tests import factories as f
from tests.utils import assert_constant_queries
from trust.models import Component, Function, ReportingLine
from trust.services import record_save

pytestmark = pytest.mark.django_db

CYCLE = "A component cannot sit under itself or a component that sits under it."


@pytest.fixture
def dcs(client, dcs_user):
    client.force_login(dcs_user)
    return client


def edit_data(client, component, **changes):
    """The component's edit form as shown, with ``changes``."""
    form = client.get(reverse("trust:component_update", args=[component.pk])).context["form"]
    data = {name: form[name].value() for name in form.fields}
    data = {k: ("" if v is None else v) for k, v in data.items()}
    return {**data, **changes, "change_reason": "Rearranged"}


def test_a_component_cannot_sit_under_itself_or_under_its_own_descendants(dcs):
    board = f.ComponentFactory(name="Partnership board")
    sub = f.ComponentFactory(name="Sub-board", parent=board)
    group = f.ComponentFactory(name="Task-and-finish group", parent=sub)
    url = reverse("trust:component_update", args=[board.pk])
    for parent in (board, sub, group):
        rows = board.history.count()
        response = dcs.post(url, edit_data(dcs, board, parent=parent.pk))
        assert response.status_code == 200, parent
        assert CYCLE in response.content.decode()
        board.refresh_from_db()
        assert board.parent is None and board.history.count() == rows
    # Under a component outside its own branch it may sit.
    other = f.ComponentFactory(name="Other board")
    response = dcs.post(url, edit_data(dcs, board, parent=other.pk))
    assert response.status_code == 302
    board.refresh_from_db()
    assert board.parent == other


def test_the_write_path_refuses_a_cycle_too():
    top = f.ComponentFactory()
    under = f.ComponentFactory(parent=top)
    top.parent = under
    with pytest.raises(ValidationError) as refused:
        record_save(top, reason="a cycle")
    assert CYCLE in refused.value.messages


def test_a_sub_board_added_in_the_page_sits_under_its_parent_in_the_trail(dcs):
    board = f.ComponentFactory(name="Safeguarding board")
    data = {
        "name": "Child death overview panel",
        "function": board.function_id,
        "parent": board.pk,
        "purpose": "Reviews every child death in the area.",
        "statutory_basis": "Working Together to Safeguard Children",
        "order": "1",
        "change_reason": "Set up",
    }
    response = dcs.post(reverse("trust:component_create"), data)
    assert response.status_code == 302
    panel = Component.objects.get(name="Child death overview panel")
    assert panel.parent == board and panel.history.get().history_user is not None
    page = dcs.get(panel.get_absolute_url())
    crumbs = [label for label, _ in page.context["breadcrumbs"]]
    assert crumbs == ["Home", "Components", "Safeguarding board"]
    text = page.content.decode()
    assert "Reviews every child death in the area." in text
    assert "Working Together to Safeguard Children" in text
    assert "Child death overview panel" in dcs.get(board.get_absolute_url()).content.decode()


def test_a_component_with_a_sub_board_is_not_deleted_until_the_sub_board_goes(dcs):
    board = f.ComponentFactory()
    f.ComponentFactory(parent=board, name="The sub-board")
    url = reverse("trust:component_delete", args=[board.pk])
    response = dcs.post(url, {"reason": "Wound up"})
    assert response.status_code == 200 and "The sub-board" in response.content.decode()
    assert Component.objects.filter(pk=board.pk).exists()


def test_a_function_added_in_a_page_is_usable_at_once_in_the_component_form(dcs):
    response = dcs.post(
        reverse("trust:function_create"),
        {"name": "Scrutinising", "description": "Holds the others to account.", "order": "7"},
    )
    assert response.status_code == 302
    scrutiny = Function.objects.get(name="Scrutinising")
    form = dcs.get(reverse("trust:component_create")).content.decode()
    assert f'<option value="{scrutiny.pk}">Scrutinising</option>' in form
    response = dcs.post(
        reverse("trust:component_create"),
        {"name": "Scrutiny panel", "function": scrutiny.pk, "order": "0"},
    )
    assert response.status_code == 302
    assert Component.objects.get(name="Scrutiny panel").function == scrutiny
    listed = dcs.get(reverse("trust:component_list"), {"function": scrutiny.pk})
    assert [c.name for c in listed.context["object_list"]] == ["Scrutiny panel"]


def test_a_function_in_use_is_not_deleted(dcs):
    component = f.ComponentFactory(name="Board using it")
    url = reverse("trust:function_delete", args=[component.function_id])
    response = dcs.post(url, {"reason": "Tidying"})
    assert response.status_code == 200 and "Board using it" in response.content.decode()
    assert Function.objects.filter(pk=component.function_id).exists()


@pytest.mark.parametrize(
    "recipients",
    [{}, {"to_component": "other", "to_body": "body"}],
    ids=["neither", "both"],
)
def test_a_reporting_line_goes_to_exactly_one_component_or_body(recipients):
    component, other, body = f.ComponentFactory(), f.ComponentFactory(), f.ExternalBodyFactory()
    named = {"other": other, "body": body}
    line = ReportingLine(from_component=component, **{k: named[v] for k, v in recipients.items()})
    with pytest.raises(IntegrityError), transaction.atomic():
        line.save()  # the database refuses it, whatever the forms do
    with pytest.raises(ValidationError):
        record_save(line, reason="refused")


def test_a_component_does_not_report_to_itself():
    component = f.ComponentFactory()
    line = ReportingLine(from_component=component, to_component=component)
    with pytest.raises(IntegrityError), transaction.atomic():
        line.save()
    with pytest.raises(ValidationError):
        record_save(line, reason="refused")


def test_reporting_lines_are_added_from_the_components_page(dcs):
    board = f.ComponentFactory(name="Children's partnership")
    body = f.ExternalBodyFactory(name="Local strategic partnership")
    page = dcs.get(board.get_absolute_url()).content.decode()
    add = reverse("trust:reportingline_create", args=[board.pk])
    assert f'href="{add}"' in page
    response = dcs.post(add, {"to_component": "", "to_body": "", "note": "Minutes"})
    assert response.status_code == 200 and ReportingLine.objects.count() == 0
    response = dcs.post(add, {"to_body": body.pk, "note": "Minutes and key messages"})
    assert response.status_code == 302
    line = ReportingLine.objects.get()
    assert (line.from_component, line.to_body) == (board, body)
    page = dcs.get(board.get_absolute_url()).content.decode()
    assert "Local strategic partnership" in page and "Minutes and key messages" in page


def test_partners_see_reporting_lines_but_cannot_add_them(client):
    board = f.ComponentFactory()
    f.ReportingLineFactory(from_component=board, to_body=f.ExternalBodyFactory(name="Exec"))
    client.force_login(f.partner_user())
    page = client.get(board.get_absolute_url()).content.decode()
    assert "Exec" in page
    assert reverse("trust:reportingline_create", args=[board.pk]) not in page
    response = client.post(reverse("trust:reportingline_create", args=[board.pk]), {})
    assert response.status_code == 403


def words(response):
    """The structure page's text alternative, as plain text."""
    html = response.content.decode()
    section = html.split('id="in-words"', 1)[1]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", section))


def test_the_structure_page_draws_the_hierarchy_and_states_it_in_words(dcs):
    leading = f.function_named("Leading")
    clp = f.ComponentFactory(name="Partnership", function=leading, order=1)
    lscb = f.ComponentFactory(name="Safeguarding board", function="safeguarding", order=2)
    panel = f.ComponentFactory(name="Review panel", function="safeguarding", parent=lscb)
    body = f.ExternalBodyFactory(name="Executive Board")
    f.ReportingLineFactory(from_component=clp, to_body=body, note="Key messages")
    f.ReportingLineFactory(from_component=panel, to_component=lscb, to_body=None, note="")
    response = dcs.get(reverse("trust:structure"))
    assert response.status_code == 200
    text = words(response)
    assert (
        "Partnership (leading) is a top-level component. It reports to Executive Board "
        "(outside the partnership): Key messages." in text
    )
    assert "Safeguarding board (safeguarding) is a top-level component. No reporting" in text
    assert (
        "Review panel (safeguarding) sits under Safeguarding board. "
        "It reports to Safeguarding board." in text
    )
    # Nested: the panel's item is inside the board's, in the drawing and in the words.
    html = response.content.decode()
    assert html.count('class="govuk-summary-card__title"') == 3
    words_html = html.split('id="in-words"', 1)[1]
    board_item = words_html.index("Safeguarding board</a>")
    assert words_html.index("<ul", board_item) < words_html.index("Review panel</a>")
    # Reached from the components list.
    listed = dcs.get(reverse("trust:component_list")).content.decode()
    assert f'href="{reverse("trust:structure")}"' in listed


def test_partners_read_the_structure_page(client):
    f.ComponentFactory(name="Shared board")
    client.force_login(f.partner_user())
    response = client.get(reverse("trust:structure"))
    assert response.status_code == 200 and "Shared board" in words(response)


def test_the_structure_page_runs_the_same_queries_whatever_the_number_of_components(dcs):
    top = f.ComponentFactory(name="Top board")

    def grow(n):
        for _ in range(n):
            component = f.ComponentFactory(parent=top)
            f.MembershipFactory(component=component, role=f.chair_role("Co-chair"))
            f.MembershipFactory(component=component, role=f.chair_role("Co-chair"))
            f.ReportingLineFactory(from_component=component)

    assert_constant_queries(dcs, reverse("trust:structure"), grow)
