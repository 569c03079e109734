"""Generic pages every model uses: list, detail, add/edit, delete and history.

Each page starts from ``Model.objects.restrict(user, ...)`` and ``user_can``: a user without
the right to an action gets 403, a record outside their scope 404 (its existence is not
confirmed), and a visible record they may not change 403. Per-model views are a few lines:
the model, the queryset optimisations, the form or filter, the template overrides.
"""

from collections import defaultdict

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import router, transaction
from django.db.models import ProtectedError
from django.db.models.deletion import Collector, RestrictedError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import NoReverseMatch, reverse
from django.views.generic import DetailView, FormView, TemplateView
from django_filters.views import FilterView

from . import once
from .changes import history_for
from .forms import GovukForm
from .permissions import ADD, CHANGE, DELETE, VIEW, user_can
from .sections import DeclaredDetail
from .services import STALE_EDIT, StaleEditError, record_delete


def model_url(model, suffix, *args):
    """The URL of a model's page by the naming convention ``<app>:<model>_<suffix>``, if any."""
    try:
        return reverse(f"{model._meta.app_label}:{model._meta.model_name}_{suffix}", args=args)
    except NoReverseMatch:
        return None


def list_url(model):
    return model_url(model, "list")


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

    def parent_crumbs(self, obj=None):
        url = list_url(self.model)
        return [(self.model._meta.verbose_name_plural.capitalize(), url)] if url else []

    def get_breadcrumbs(self):
        return [("Home", reverse("home")), *self.parent_crumbs(getattr(self, "object", None))]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["breadcrumbs"] = self.get_breadcrumbs()
        context["opts"] = self.model._meta
        context["can_add"] = user_can(self.request.user, ADD, self.model)
        return context


class ObjectMixin(AccessMixin):
    def get_object(self, queryset=None):
        obj = get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])
        if self.action != VIEW and not self.can(self.action, obj):
            raise PermissionDenied
        return obj

    def get_breadcrumbs(self):
        crumbs = super().get_breadcrumbs()
        if getattr(self, "object", None) is not None and self.object.pk:
            crumbs.append((str(self.object), self.object.get_absolute_url()))
        return crumbs


class ObjectListView(AccessMixin, FilterView):
    template_name = "generic/object_list.html"
    table_template = None
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

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        opts = self.model._meta
        context["table_template"] = (
            self.table_template or f"{opts.app_label}/{opts.model_name}_table.html"
        )
        context["title"] = opts.verbose_name_plural.capitalize()
        context["add_url"] = model_url(self.model, "create")
        query = self.request.GET.copy()
        query.pop("page", None)
        context["query_string"] = query.urlencode()
        context["filtered"] = any(v for k, v in self.request.GET.items() if k != "page")
        return context

    def get_breadcrumbs(self):
        return [("Home", reverse("home"))]


class ObjectDetailView(DeclaredDetail, ObjectMixin, DetailView):
    """The generic detail page with the sections, buttons and reads its view declares
    (``trust.sections.DeclaredDetail``)."""

    template_name = "generic/object_detail.html"

    def get_template_names(self):
        opts = self.model._meta
        return [f"{opts.app_label}/{opts.model_name}_detail.html", self.template_name]

    def get_breadcrumbs(self):
        return [("Home", reverse("home")), *self.parent_crumbs(self.object)]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_change"] = self.can(CHANGE, self.object)
        context["can_delete"] = self.can(DELETE, self.object)
        for suffix in ("update", "delete", "history"):
            context[f"{suffix.replace('update', 'edit')}_url"] = model_url(
                self.model, suffix, self.object.pk
            )
        return context


class SendOnceMixin:
    """A form view whose form is saved once (``trust.once``): Back and Save again, or a
    double click, saves nothing the second time and says where the saved record is.

    Precondition: a successful ``form_valid`` redirects (post/redirect/get); any other
    response means nothing was saved, and the sending is forgotten with the rollback.
    """

    already_sent_template = "generic/already_sent.html"

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        # A form that does not send back the version it was loaded with (a deletion) is told
        # apart by the record's version now: deleted, restored, it may be deleted again.
        about = getattr(self, "object", None)
        version = about.version if about is not None and about.pk else None
        fingerprint = once.form_fingerprint(
            user=request.user,
            path=request.path,
            data=request.POST,
            version=None if "version" in request.POST else version,
        )
        earlier = once.sending_find(fingerprint)
        if earlier is not None:
            return self.already_sent(form, earlier)
        if not form.is_valid():
            return self.form_invalid(form)
        with transaction.atomic():
            try:
                sent = once.sending_record(fingerprint=fingerprint, user=request.user)
            except once.AlreadySent as error:
                return self.already_sent(form, error.sent)
            response = self.form_valid(form)
            if response.status_code in (301, 302, 303):
                sent.saved_url = response.url[:500]
                sent.save(update_fields=["saved_url"])
            else:
                transaction.set_rollback(True)
        return response

    def already_sent(self, form, sent):
        context = self.get_context_data(form=form)
        context.update(title=once.ALREADY_SENT, sent=sent)
        return self.response_class(
            request=self.request,
            template=[self.already_sent_template],
            context=context,
            status=409,
        )


class ObjectEditView(ObjectMixin, SendOnceMixin, FormView):
    """Add (no ``pk``) or edit a record through ``TrackedModelForm.save_tracked``."""

    form_class = None
    template_name = "generic/object_edit.html"
    success_message = "Saved."

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
        messages.success(self.request, self.get_success_message(obj))
        return HttpResponseRedirect(self.get_success_url(obj))

    def get_success_message(self, obj):
        return f"{self.model._meta.verbose_name.capitalize()} saved."

    def get_success_url(self, obj=None):
        return obj.get_absolute_url()

    def get_breadcrumbs(self):
        return [("Home", reverse("home")), *self.parent_crumbs(self.object)] + (
            [(str(self.object), self.object.get_absolute_url())] if self.object.pk else []
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        verbose = self.model._meta.verbose_name
        context["object"] = self.object
        context["title"] = f"Edit {verbose}" if self.object.pk else f"Add {verbose}"
        context["cancel_url"] = (
            self.object.get_absolute_url()
            if self.object.pk
            else (list_url(self.model) or reverse("home"))
        )
        return context


def add_refusal(form, error: ValidationError):
    """Show on the form what the write path refused after the form itself was valid (a rule
    only the whole record can check, or a clash with a row saved meanwhile); nothing was saved.
    """
    errors = error.message_dict if hasattr(error, "error_dict") else {NON_FIELD_ERRORS: error}
    for name, messages_ in errors.items():
        form.add_error(name if name in form.fields else None, messages_)


def current_values(obj, names):
    """(label, value as shown) of ``obj``'s fields ``names``: what is stored now."""
    rows = []
    for name in names:
        field = obj._meta.get_field(name)
        display = getattr(obj, f"get_{name}_display", None)
        label = str(field.verbose_name)
        rows.append((label[:1].upper() + label[1:], display() if display else getattr(obj, name)))
    return rows


def stale_changes(form, current):
    """Fields the other person changed since this form was loaded: (label, theirs)."""
    seen = current.history.filter(id=current.pk, version=form.cleaned_data.get("version")).first()
    rows = []
    for name, field in form.fields.items():
        if name in ("version", "change_reason") or not hasattr(current, name):
            continue
        now = getattr(current, name)
        if hasattr(now, "all"):
            continue
        before = getattr(seen, name, None) if seen else None
        if seen is None or before != now:
            rows.append((field.label or name, now))
    return rows


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


def _count(n, model):
    opts = model._meta
    return f"{n} {opts.verbose_name if n == 1 else opts.verbose_name_plural}"


def delete_blockers(obj, user):
    """(message, records): why ``obj`` cannot be deleted and the records in the way that
    ``user`` may see; ("", []) when nothing stops it. Asks Django's deletion collector, which
    reads the relations without writing anything.

    Only records the user may see are named or counted: if any are hidden, the message says
    that other records refer to it, without a number.
    """
    collector = Collector(using=router.db_for_write(type(obj)))
    try:
        collector.collect([obj])
        return "", []
    except ProtectedError as error:
        blocking = error.protected_objects
    except RestrictedError as error:
        blocking = error.restricted_objects
    pks = defaultdict(set)
    for other in blocking:
        pks[type(other)].add(other.pk)
    shown, counts, hidden = [], [], False
    for model, ids in pks.items():
        manager = model._default_manager
        visible = (
            list(manager.restrict(user).filter(pk__in=ids)) if hasattr(manager, "restrict") else []
        )
        hidden = hidden or len(visible) < len(ids)
        shown += visible
        counts.append(_count(len(visible), model))
    kind = type(obj)._meta.verbose_name
    if hidden:
        return f"This {kind} cannot be deleted while other records refer to it.", shown
    them = "it" if len(shown) == 1 else "them"
    listed = " and ".join([", ".join(counts[:-1]), counts[-1]] if len(counts) > 1 else counts)
    return (
        f"This {kind} cannot be deleted while it has {listed}. Delete or move {them} first.",
        shown,
    )


class ObjectDeleteView(ObjectFormView):
    """Asks for a reason, unless something refers to the record: then it says what, before
    anyone types a reason, and offers the records in the way."""

    action = DELETE
    form_class = DeleteForm
    template_name = "generic/object_delete.html"
    blockers_listed = 25
    deleted_message = "{label} deleted."

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
        label = str(self.object)
        try:
            record_delete(self.object, by=self.request.user, reason=form.cleaned_data["reason"])
        except (ProtectedError, RestrictedError):
            # Something came to refer to it since the page was shown: say what, as on arrival.
            self.blocked, self.blockers = delete_blockers(self.object, self.request.user)
            return self.render_to_response(self.get_context_data())
        except ValidationError as error:  # a record linked to it no longer validates
            form.add_error(None, f"{label} was not deleted: {'; '.join(error.messages)}")
            return self.form_invalid(form)
        messages.success(self.request, self.deleted_message.format(label=label))
        return HttpResponseRedirect(self.get_success_url())

    def get_success_url(self):
        return list_url(self.model) or reverse("home")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["object"] = self.object
        verbose = self.model._meta.verbose_name
        context["title"] = (
            f"You cannot delete this {verbose} yet" if self.blocked else f"Delete {verbose}"
        )
        context["blocked"] = self.blocked
        context["blockers"] = self.blockers[: self.blockers_listed]
        context["more_blockers"] = len(self.blockers) - len(context["blockers"])
        return context


class ObjectHistoryView(ObjectMixin, TemplateView):
    template_name = "generic/object_history.html"

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().get(request, *args, **kwargs)

    def get_breadcrumbs(self):
        return [
            ("Home", reverse("home")),
            *self.parent_crumbs(self.object),
            (str(self.object), self.object.get_absolute_url()),
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["object"] = self.object
        context["title"] = f"History of {self.object}"
        context["entries"] = history_for(self.object, self.request.user)
        context["show_record"] = bool(getattr(self.model, "history_children", ()))
        return context
