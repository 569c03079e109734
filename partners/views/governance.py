"""How the partnership governs itself: each component's terms of reference or constitution
(every version, with its quorum rule), the memorandum of understanding (every version, its
sections and the risks they mitigate, the version in force on a date) and the key roles.
DCS staff keep them; partners and auditors read them, like the structure they govern."""

from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.urls import reverse

from trust import clock
from trust.forms import GovukDateField, GovukForm
from trust.generic import (
    ObjectAddUnderView,
    ObjectDeleteView,
    ObjectDetailView,
    ObjectEditView,
    ObjectHistoryView,
    ObjectListView,
    PageView,
)
from trust.models import Component
from trust.permissions import ADD, user_can
from trust.sections import EDIT, Field, Related, Summary, Text, add_button

from ..filters import KeyRoleFilterSet, MemorandumFilterSet, TermsOfReferenceFilterSet
from ..forms import (
    KeyRoleForm,
    MemorandumForm,
    MemorandumSectionForm,
    TermsOfReferenceForm,
)
from ..models import KeyRole, Memorandum, MemorandumSection, TermsOfReference
from ..tables import KeyRoleTable, MemorandumTable, TermsOfReferenceTable

__all__ = [
    "KeyRoleDeleteView",
    "KeyRoleDetailView",
    "KeyRoleEditView",
    "KeyRoleHistoryView",
    "KeyRoleListView",
    "MemorandumDeleteView",
    "MemorandumDetailView",
    "MemorandumEditView",
    "MemorandumHistoryView",
    "MemorandumInForceView",
    "MemorandumListView",
    "MemorandumNewVersionView",
    "MemorandumSectionCreateView",
    "MemorandumSectionDeleteView",
    "MemorandumSectionDetailView",
    "MemorandumSectionHistoryView",
    "MemorandumSectionUpdateView",
    "TermsOfReferenceCreateView",
    "TermsOfReferenceDeleteView",
    "TermsOfReferenceDetailView",
    "TermsOfReferenceHistoryView",
    "TermsOfReferenceListView",
    "TermsOfReferenceUpdateView",
]

REVIEW = "partners/review_date.html"
# What a new version starts from: the previous version's values, its dates left to fill in.
TERMS_CARRIED = (
    "kind",
    "text",
    "quorum_min_members",
    "quorum_min_partners",
    "substitutes_count",
    "chairs_allowed",
)
MEMORANDUM_CARRIED = ("title", "notes")


def next_version(previous, carried):
    """The initial values of a new version: the previous one's ``carried`` fields, numbered
    one on."""
    if previous is None:
        return {"number": 1}
    return {**{name: getattr(previous, name) for name in carried}, "number": previous.number + 1}


def version_summary(*fields):
    return Summary(
        *fields,
        Field("number"),
        Field("agreed", empty="Not recorded"),
        Field("In force from", "starts", empty="Not recorded"),
        Field("Review date", include=REVIEW, as_="document"),
    )


# --- Terms of reference ---------------------------------------------------------------------


class TermsOfReferenceMixin:
    model = TermsOfReference

    def optimise(self, queryset):
        return queryset.select_related("component")


class TermsOfReferenceListView(TermsOfReferenceMixin, ObjectListView):
    filterset_class = TermsOfReferenceFilterSet
    table_class = TermsOfReferenceTable


def new_terms_version(view, context):
    if user_can(view.request.user, ADD, TermsOfReference):
        url = reverse("partners:termsofreference_create", args=[view.object.component_id])
        return "Add a new version", url
    return None


class TermsOfReferenceDetailView(TermsOfReferenceMixin, ObjectDetailView):
    sections = [
        version_summary(Field("component"), Field("kind")),
        Summary(
            Field("quorum_min_members", empty="No rule"),
            Field("quorum_min_partners", empty="No rule"),
            Field("substitutes_count"),
            Field("chairs_allowed"),
            heading="Quorum and chairs",
        ),
        Text("Text", "text", empty="The text has not been recorded.", inset=True, narrow=True),
        Related(
            "Every version",
            "partners/terms_versions.html",
            rows=lambda view, context: view.object.component.terms_of_reference.all(),
            as_="versions",
            button=new_terms_version,
        ),
    ]


class TermsOfReferenceCreateView(TermsOfReferenceMixin, ObjectAddUnderView):
    form_class = TermsOfReferenceForm
    parent_model = Component
    parent_kwarg = "component_pk"
    parent_field = "component"
    title = "Add a version of the terms of reference of {parent}"

    def get_initial(self):
        latest = self.get_parent().terms_of_reference.order_by("-number").first()
        return next_version(latest, TERMS_CARRIED)


class TermsOfReferenceUpdateView(TermsOfReferenceMixin, ObjectEditView):
    form_class = TermsOfReferenceForm


class TermsOfReferenceDeleteView(TermsOfReferenceMixin, ObjectDeleteView):
    pass


class TermsOfReferenceHistoryView(TermsOfReferenceMixin, ObjectHistoryView):
    pass


# --- The memorandum of understanding and its sections ---------------------------------------


class MemorandumListView(ObjectListView):
    model = Memorandum
    filterset_class = MemorandumFilterSet
    table_class = MemorandumTable

    def optimise(self, queryset):
        return queryset.annotate(section_count=Count("sections"))


class MemorandumDetailView(ObjectDetailView):
    model = Memorandum
    prefetch_related = ("sections",)
    actions = (EDIT, ("Add a new version", "partners:memorandum_new_version", "can_add"))
    sections = [
        version_summary("title"),
        Text("Notes", "notes", narrow=True),
        Related(
            "Sections",
            "partners/memorandum_sections.html",
            "sections",
            empty="No sections have been recorded.",
            button=add_button(
                "Add a section", "partners:memorandumsection_create", MemorandumSection
            ),
        ),
    ]


class MemorandumEditView(ObjectEditView):
    """Add a version (starting from the latest version's title and notes) or edit one."""

    model = Memorandum
    form_class = MemorandumForm

    def get_initial(self):
        if "pk" in self.kwargs:
            return super().get_initial()
        return next_version(Memorandum.objects.order_by("-number").first(), MEMORANDUM_CARRIED)


class MemorandumNewVersionView(MemorandumEditView):
    """Add the version that follows one: it starts from that version's title and notes."""

    title = "Add a new version of the memorandum of understanding"

    def get_initial(self):
        previous = get_object_or_404(self.get_queryset(), pk=self.kwargs["from_pk"])
        latest = Memorandum.objects.order_by("-number").first()
        return {**next_version(previous, MEMORANDUM_CARRIED), "number": latest.number + 1}


class MemorandumDeleteView(ObjectDeleteView):
    model = Memorandum


class MemorandumHistoryView(ObjectHistoryView):
    model = Memorandum


class OnDateForm(GovukForm):
    on = GovukDateField(label="In force on", help_text="For example, 2 9 2008")


class MemorandumInForceView(PageView):
    """The version of the memorandum in force today, or on the date asked (``?on_0=``…)."""

    template_name = "partners/memorandum_in_force.html"

    def get_context_data(self, **kwargs):
        form = OnDateForm(self.request.GET or None, user=self.request.user)
        day = form.cleaned_data["on"] if form.is_bound and form.is_valid() else clock.today()
        memorandum = Memorandum.in_force_on(self.request.user, day)
        context = super().get_context_data(form=form, day=day, memorandum=memorandum, **kwargs)
        context["breadcrumbs"].append(
            (Memorandum._meta.verbose_name_plural.capitalize(), reverse("partners:memorandum_list"))
        )
        context["sections"] = memorandum.sections.all() if memorandum else []
        return context


class MemorandumSectionMixin:
    model = MemorandumSection

    def optimise(self, queryset):
        return queryset.select_related("memorandum")


class MemorandumSectionDetailView(MemorandumSectionMixin, ObjectDetailView):
    visible_related = {"risks": ("register",)}
    sections = [
        Summary(Field("memorandum"), Field("order")),
        Text("Text", "text", empty="No text has been recorded.", inset=True, narrow=True),
        Related(
            "Risks it mitigates",
            "partners/section_risks.html",
            "visible_risks",
            as_="risks",
            empty="No risk{scope} is recorded as mitigated by this section.",
        ),
    ]


class MemorandumSectionCreateView(MemorandumSectionMixin, ObjectAddUnderView):
    form_class = MemorandumSectionForm
    parent_model = Memorandum
    parent_kwarg = "memorandum_pk"
    parent_field = "memorandum"
    title = "Add a section to {parent}"


class MemorandumSectionUpdateView(MemorandumSectionMixin, ObjectEditView):
    form_class = MemorandumSectionForm


class MemorandumSectionDeleteView(MemorandumSectionMixin, ObjectDeleteView):
    pass


class MemorandumSectionHistoryView(MemorandumSectionMixin, ObjectHistoryView):
    pass


# --- Key roles ------------------------------------------------------------------------------


class KeyRoleMixin:
    model = KeyRole

    def optimise(self, queryset):
        return queryset.select_related("person__partner")


class KeyRoleListView(KeyRoleMixin, ObjectListView):
    filterset_class = KeyRoleFilterSet
    table_class = KeyRoleTable


class KeyRoleDetailView(KeyRoleMixin, ObjectDetailView):
    sections = [
        Summary(
            Field("Held by", "person"),
            Field("started", empty="Not recorded"),
            Field("ended", empty="Still held"),
        ),
        Text("Responsibilities", "responsibilities", empty="Not recorded.", narrow=True),
    ]


class KeyRoleEditView(KeyRoleMixin, ObjectEditView):
    form_class = KeyRoleForm


class KeyRoleDeleteView(KeyRoleMixin, ObjectDeleteView):
    pass


class KeyRoleHistoryView(KeyRoleMixin, ObjectHistoryView):
    pass
