"""Generic pages every model uses: list, detail, add/edit, delete and history.

Each page starts from ``Model.objects.restrict(user, ...)`` and ``user_can``: a user without
the right to an action gets 403, a record outside their scope 404 (its existence is not
confirmed), and a visible record they may not change 403. Per-model views are a few lines:
the model, the queryset optimisations, the form or filter, the template overrides.
"""

from django import forms
from django.apps import apps
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import ProtectedError
from django.db.models.deletion import RestrictedError
from django.forms import modelform_factory
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import DetailView, FormView, TemplateView
from django_filters.views import FilterView

from .changes import history_for
from .deletion import delete_blockers
from .forms import GovukForm, TrackedModelForm, add_refusal, current_values, stale_changes
from .once import SendOnceMixin
from .permissions import ADD, CHANGE, DELETE, VIEW, user_can
from .sections import DeclaredDetail
from .services import STALE_EDIT, StaleEditError, record_delete
from .tables import EXPORT_FIELD, EXPORT_FORMATS, SORT_FIELD, export_response
from .trails import list_url, listed_on, model_url, parent_of, trail


class AccessMixin(LoginRequiredMixin):
    """Sign-in, then the kind of action (403), then the records in scope (404)."""

    model = None
    action = VIEW

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not user_can(request.user, self.action, self.model):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def optimise(self, queryset):
        """Per-view ``select_related``/``prefetch_related``/annotations: a fixed query count."""
        return queryset

    def get_queryset(self):
        return self.optimise(self.model.objects.restrict(self.request.user, VIEW))

    def can(self, action, obj=None):
        user = self.request.user
        if not user_can(user, action, self.model):
            return False
        if obj is None:
            return True
        return self.model.objects.restrict(user, action).filter(pk=obj.pk).exists()

    # Whether the page's own record ends its breadcrumb trail (not on its detail page).
    trail_ends_with_record = True

    def get_breadcrumbs(self):
        record = getattr(self, "object", None)
        if record is None:
            record = self.model()
        return trail(record, itself=self.trail_ends_with_record)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["breadcrumbs"] = self.get_breadcrumbs()
        context["opts"] = self.model._meta
        context["can_add"] = user_can(self.request.user, ADD, self.model)
        return context


class PageView(LoginRequiredMixin, TemplateView):
    """A signed-in page about no one record (a person's actions): its trail is Home."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(breadcrumbs=[("Home", reverse("home"))], **kwargs)


class ObjectMixin(AccessMixin):
    def get_object(self, queryset=None):
        obj = get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])
        if self.action != VIEW and not self.can(self.action, obj):
            raise PermissionDenied
        return obj


class ObjectListView(AccessMixin, FilterView):
    """A filtered, sortable, paginated list of the model's declared ``table_class``; on its
    export route (``<model>_list_export``, ``as_view(export=True)``) the same table, every
    matching row in the same order, as a CSV or XLSX file."""

    template_name = "generic/object_list.html"
    table_class = None
    export = False  # the export route: every matching row as ``?format=csv`` or ``xlsx``
    related_lists = ()  # "app_label.Model" of lists offered beside this one ("See also")
    paginate_by = 25
    filterset_class = None

    def get_template_names(self):
        return [
            f"{self.model._meta.app_label}/{self.model._meta.model_name}_list.html",
            self.template_name,
        ]

    def get_queryset(self):
        queryset = super().get_queryset()
        if not queryset.ordered:
            # Annotated (grouped) queries drop the model's default ordering; pages need one.
            queryset = queryset.order_by(*self.model._meta.ordering, "pk")
        return queryset

    def get_paginate_by(self, queryset):
        return None  # the table's rows are paginated, once sorted (get_context_data)

    def get_table(self, rows):
        table = self.table_class(
            rows, user=self.request.user, order_by=self.request.GET.get(SORT_FIELD)
        )
        if table.order_by:  # rows equal on the sorted column keep one order across pages
            queryset = table.data.data
            table.data.data = queryset.order_by(*queryset.query.order_by, "pk")
        return table

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        table = context["table"] = self.get_table(context["object_list"])
        if self.export:
            return context
        paginator, page, _, is_paginated = self.paginate_queryset(table.rows, self.paginate_by)
        table.paginator, table.page = paginator, page
        context.update(paginator=paginator, page_obj=page, is_paginated=is_paginated)
        opts = self.model._meta
        context["title"] = opts.verbose_name_plural.capitalize()
        context["add_url"] = model_url(self.model, "create")
        context["export_url"] = model_url(self.model, "list_export")
        context["related_lists"] = [listed_on(apps.get_model(m)) for m in self.related_lists]
        query = self.request.GET.copy()
        query.pop("page", None)
        context["query_string"] = query.urlencode()
        context["filtered"] = any(
            v for k, v in self.request.GET.items() if k not in ("page", SORT_FIELD)
        )
        return context

    def render_to_response(self, context, **kwargs):
        if not self.export:
            return super().render_to_response(context, **kwargs)
        file_format = self.request.GET.get(EXPORT_FIELD, "csv")
        if file_format not in EXPORT_FORMATS:
            raise Http404("No such file format.")
        return export_response(context["table"], file_format)

    def get_breadcrumbs(self):
        return [("Home", reverse("home"))]


class ObjectDetailView(DeclaredDetail, ObjectMixin, DetailView):
    """The generic detail page with the sections, buttons and reads its view declares
    (``trust.sections.DeclaredDetail``)."""

    template_name = "generic/object_detail.html"
    trail_ends_with_record = False

    def get_template_names(self):
        opts = self.model._meta
        return [f"{opts.app_label}/{opts.model_name}_detail.html", self.template_name]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_change"] = self.can(CHANGE, self.object)
        context["can_delete"] = self.can(DELETE, self.object)
        for suffix in ("update", "delete", "history"):
            context[f"{suffix.replace('update', 'edit')}_url"] = model_url(
                self.model, suffix, self.object.pk
            )
        return context


class ObjectEditView(ObjectMixin, SendOnceMixin, FormView):
    """Add (no ``pk``) or edit a record through ``TrackedModelForm.save_tracked``."""

    form_class = None
    fields = ()  # without a form_class: a plain tracked form of these fields
    template_name = "generic/object_edit.html"
    title = ""  # else "Add <kind>" or "Edit <kind>"
    success_message = ""  # "{object}" is the record; else "<Kind> saved."

    def dispatch(self, request, *args, **kwargs):
        self.action = CHANGE if "pk" in kwargs else ADD
        return super().dispatch(request, *args, **kwargs)

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = None

    def get(self, request, *args, **kwargs):
        self.object = self.get_object_or_new()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.object = self.get_object_or_new()
        return super().post(request, *args, **kwargs)

    def get_form_class(self):
        if self.form_class is None:
            return modelform_factory(self.model, form=TrackedModelForm, fields=self.fields)
        return self.form_class

    def get_object_or_new(self):
        if "pk" in self.kwargs:
            return self.get_object()
        return self.new_object()

    def new_object(self):
        """A new, unsaved record; views that add under a parent fill the parent in here."""
        return self.model()

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(instance=self.object, user=self.request.user)
        return kwargs

    def save(self, form):
        """Write the valid form through the services; views that add through a named
        service (an action, a progress update) override this and return the record."""
        return form.save_tracked(by=self.request.user)

    def form_valid(self, form):
        # What the form has to add to the success message, read before the save.
        note = form.saved_note() if hasattr(form, "saved_note") else ""
        try:
            obj = self.save(form)
        except StaleEditError as error:
            form.add_error(None, STALE_EDIT)
            return self.render_to_response(
                self.get_context_data(form=form, stale=stale_changes(form, error.current))
            )
        except ValidationError as error:
            add_refusal(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request, " ".join(filter(None, [self.get_success_message(obj), note]))
        )
        return HttpResponseRedirect(self.get_success_url(obj))

    def get_success_message(self, obj):
        default = f"{self.model._meta.verbose_name.capitalize()} saved."
        return self.success_message.format(object=obj) if self.success_message else default

    def get_success_url(self, obj=None):
        return obj.get_absolute_url()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        verbose = self.model._meta.verbose_name
        context["object"] = self.object
        context["title"] = self.title or (f"Edit {verbose}" if self.object.pk else f"Add {verbose}")
        context["cancel_url"] = (
            self.object.get_absolute_url()
            if self.object.pk
            else (list_url(self.model) or reverse("home"))
        )
        return context


class ObjectAddUnderView(ObjectEditView):
    """Add a record under another (an action to a carrier's plan, an update to an action):
    the parent, named by the URL's ``parent_kwarg``, is one the user may see (else 404) and
    act on as ``parent_action`` says (else 403); the form's Cancel goes back to it."""

    parent_model = None
    parent_kwarg = "parent_pk"
    parent_field = None  # the new record's foreign key to it
    parent_action = CHANGE
    parent_related = ()  # what the parent's pages name, joined in

    def get_parent(self):
        if not hasattr(self, "_parent"):
            model, user = self.parent_model, self.request.user
            visible = model.objects.restrict(user, VIEW).select_related(*self.parent_related)
            self._parent = get_object_or_404(visible, pk=self.kwargs[self.parent_kwarg])
            allowed = model.objects.restrict(user, self.parent_action)
            if self.parent_action != VIEW and not allowed.filter(pk=self._parent.pk).exists():
                raise PermissionDenied
        return self._parent

    def new_object(self):
        return self.model(**{self.parent_field: self.get_parent()})

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = self.get_parent().get_absolute_url()
        context["title"] = context["title"].format(parent=self.get_parent())
        return context


class DeleteForm(GovukForm):
    reason = forms.CharField(
        label="Reason for deleting",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Recorded in the history with your name. The record can be restored from it.",
    )


class ObjectFormView(ObjectMixin, SendOnceMixin, FormView):
    """A form about one existing record (delete it, change its status...): the record is
    loaded through the access checks before the form is shown or handled."""

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}


class ObjectChangeView(ObjectFormView):
    """A named change to one record (its status, a due date) through its service, in
    ``apply(form)``: someone else's change meanwhile is shown as what is stored now
    (``stale_fields``), a refusal by the service on the form; then back to the record."""

    action = CHANGE
    template_name = "generic/object_edit.html"
    title = ""
    stale_fields = ("status",)

    def apply(self, form):
        raise NotImplementedError

    def form_valid(self, form):
        try:
            self.apply(form)
        except StaleEditError as error:
            form.add_error(None, STALE_EDIT)
            stale = current_values(error.current, self.stale_fields)
            return self.render_to_response(self.get_context_data(form=form, stale=stale))
        except ValidationError as error:
            add_refusal(form, error)
            return self.form_invalid(form)
        return HttpResponseRedirect(self.object.get_absolute_url())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            object=self.object, title=self.title, cancel_url=self.object.get_absolute_url()
        )
        return context


class ObjectStatusView(ObjectChangeView):
    """Change a record's status, with the reason the history keeps.

    Declared per model: the ``form_class`` (given ``choices``, ``current`` and ``version``)
    and the ``status_service``, called as ``service(record, status=, reason=, by=,
    expected_version=)``.
    """

    title = "Change the status"
    status_service = None

    def get_status_choices(self):
        return self.model._meta.get_field("status").choices

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "choices": self.get_status_choices(),
            "current": self.object.status,
            "version": self.object.version,
        }

    def apply(self, form):
        data = form.cleaned_data
        type(self).status_service(
            self.object,
            status=data["status"],
            reason=data["reason"],
            by=self.request.user,
            expected_version=data.get("version"),
        )
        label = dict(self.model._meta.get_field("status").flatchoices)[data["status"]]
        messages.success(self.request, f"Status changed to {str(label).lower()}.")


class ObjectDeleteView(ObjectFormView):
    """Asks for a reason, unless something refers to the record: then it says what, before
    anyone types a reason, and offers the records in the way."""

    action = DELETE
    form_class = DeleteForm
    template_name = "generic/object_delete.html"
    blockers_listed = 25
    deleted_message = "{label} deleted."
    title = ""  # else "Delete <kind>", or that it cannot be deleted yet

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        self.blocked, self.blockers = delete_blockers(obj, self.request.user)
        return obj

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.blocked:
            return self.render_to_response(self.get_context_data())
        # The object is loaded: on to the send-once handling of the form (SendOnceMixin).
        return super(ObjectFormView, self).post(request, *args, **kwargs)

    def form_valid(self, form):
        label, self.parent = str(self.object), parent_of(self.object)
        try:
            self.delete_record(reason=form.cleaned_data["reason"])
        except (ProtectedError, RestrictedError):
            # Something came to refer to it since the page was shown: say what, as on arrival.
            self.blocked, self.blockers = delete_blockers(self.object, self.request.user)
            return self.render_to_response(self.get_context_data())
        except ValidationError as error:  # a record linked to it no longer validates
            form.add_error(None, f"{label} was not deleted: {'; '.join(error.messages)}")
            return self.form_invalid(form)
        messages.success(self.request, self.deleted_message.format(label=label))
        return HttpResponseRedirect(self.get_success_url())

    def delete_record(self, *, reason):
        """The deletion's service; a kind of record with its own overrides this."""
        record_delete(self.object, by=self.request.user, reason=reason)

    def get_success_url(self):
        """The record it belonged to, else the list of its kind."""
        if self.parent is not None:
            return self.parent.get_absolute_url()
        return list_url(self.model) or reverse("home")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["object"] = self.object
        verbose = self.model._meta.verbose_name
        blocked = f"You cannot delete this {verbose} yet"
        context["title"] = self.title or (blocked if self.blocked else f"Delete {verbose}")
        context["blocked"] = self.blocked
        context["blockers"] = self.blockers[: self.blockers_listed]
        context["more_blockers"] = len(self.blockers) - len(context["blockers"])
        return context


class ObjectHistoryView(ObjectMixin, TemplateView):
    template_name = "generic/object_history.html"

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["object"] = self.object
        context["title"] = f"History of {self.object}"
        context["entries"] = history_for(self.object, self.request.user)
        context["show_record"] = bool(getattr(self.model, "history_children", ())) or any(
            entry.record_label for entry in context["entries"]
        )
        return context
