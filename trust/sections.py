"""The sections of a detail page, declared once on its view.

A detail page is ``generic/object_detail.html`` with the sections its view declares::

    sections = [
        Summary("short_name", "function", Field("Chair", "chair_display")),
        Related("Members", "trust/membership_rows.html", "memberships", empty="None."),
        Text("Description", "description", empty="No description has been recorded."),
    ]

Each section is bound to the page (``bind(view, context)``) and renders through a small
partial under ``templates/sections/``. Values are shown as every page shows them: choices by
their label, dates as "3 October 2007", yes/no, people with their organisation, and a linked
record as a link only if the user may open it.
"""

import datetime

from django.db import models
from django.db.models import Prefetch
from django.template.defaultfilters import linebreaksbr
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

from .permissions import ADD, sees_everything, user_can

SCOPE = " that you can see"
NOT_RECORDED = "Not recorded"
LINK = '<a class="govuk-link" href="{}">{}</a>'


def resolve(obj, path):
    """``obj.a.b`` for the path ``"a.b"``; a method on the way is called; None stops."""
    value = obj
    for part in path.split("."):
        if value is None:
            return None
        value = getattr(value, part)
        if callable(value) and not isinstance(value, models.Manager):
            value = value()
    return value


def openable(user, records):
    """The pks of ``records`` (of one model) whose pages ``user`` may open: one query."""
    records = [r for r in records if r is not None]
    if not records or user is None:
        return set()
    model = type(records[0])
    manager = model._default_manager
    if not hasattr(model, "get_absolute_url") or not hasattr(manager, "restrict"):
        return set()
    pks = [r.pk for r in records]
    return set(manager.restrict(user).filter(pk__in=pks).values_list("pk", flat=True))


def shown(value, *, user=None, empty="Not recorded", text=None, link=True, opened=None):
    """A value as pages show it: "Yes"/"No", "3 October 2007", a person with their
    organisation, a record by ``text`` (or its name), linked if ``user`` may open it
    (``opened``: the pks already known to be open to them)."""
    from .templatetags.govuk import person_named

    if value is None or value == "":
        return empty
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime.date):
        return date_format(value, "j F Y")
    if isinstance(value, models.Model):
        if value._meta.model_name == "person" and text is None:
            return person_named(value, link=link)
        name = text(value) if text else str(value)
        if opened is None:
            opened = openable(user, [value]) if link else set()
        if link and value.pk in opened:
            return format_html(LINK, value.get_absolute_url(), name)
        return name
    if isinstance(value, str) and "\n" in value:
        return linebreaksbr(value)
    return value


def scoped(message, obj, context):
    """An empty list's message: "{scope}" says " that you can see" to those who do not see
    everything; "{object}" names the record."""
    scope = "" if context.get("sees_everything") else SCOPE
    return format_html(message, object=obj, scope=scope)


class Field:
    """One row of a summary list: a field's verbose name and display value, or a label and
    an attribute path (a method is called) or ``key``, a value of the page's context. A list
    of values is shown one by one, ``sep`` between them. ``include`` renders the value through
    an existing partial that takes it as ``as_`` (and the record as ``object``); ``hide_empty``
    drops the row when there is no value; ``text`` formats a record (``"{0.number}"``);
    ``link=False`` never links it. ``path`` may be a function of the record; ``params`` one
    giving the include's parameters; ``when`` names a context flag the row needs."""

    def __init__(
        self,
        label,
        path=None,
        *,
        key=None,
        include=None,
        as_="value",
        empty=None,
        hide_empty=False,
        link=True,
        sep="<br>",
        text=None,
        params=None,
        when=None,
    ):
        self.label, self.path, self.key, self.text = label, path, key, text
        self.params, self.when = params, when
        self.include, self.as_, self.empty = include, as_, empty
        self.hide_empty, self.link, self.sep = hide_empty, link, sep

    def label_and_path(self, obj):
        if self.path or self.key or self.params or self.include:
            return self.label, self.path
        name = self.label.split(".")[-1]
        field = obj._meta.get_field(name)
        label = str(field.verbose_name)
        path = f"get_{name}_display" if field.choices else self.label
        return label[:1].upper() + label[1:], path

    def row(self, obj, user, context):
        if self.when and not context.get(self.when):
            return None
        label, path = self.label_and_path(obj)
        label = mark_safe(label)  # declared text (a label or verbose name), never user input
        if self.params:
            return label, render_to_string(self.include, self.params(obj))
        if self.key:
            value = context[self.key]
        elif path is None:  # an include shown with the record itself
            value = obj
        else:
            value = path(obj) if callable(path) else resolve(obj, path)
        if hasattr(value, "all") and not isinstance(value, models.QuerySet):
            value = value.all()
        if self.hide_empty and value in (None, ""):
            return None
        if self.include:
            return label, render_to_string(self.include, {self.as_: value, "object": obj})
        text = (lambda record: self.text.format(record, object=obj)) if self.text else None
        options = {"user": user, "link": self.link, "text": text}
        if isinstance(value, (list, tuple, models.QuerySet)):
            value = list(value)
            records = [v for v in value if isinstance(v, models.Model)]
            options["opened"] = openable(user, records) if self.link else set()
            items = [shown(item, **options) for item in value]
            html = mark_safe(self.sep.join(conditional_escape(i) for i in items))
            return label, html or self.empty or NOT_RECORDED
        return label, shown(value, empty=self.empty or NOT_RECORDED, **options)


class Section:
    """A part of a detail page: a heading and a partial template with its data. ``when``
    names a context flag (or is a function of the view and context) the section needs;
    ``narrow`` keeps it to two thirds of the page; ``button`` gives (label, URL) or None."""

    template = None

    def __init__(self, heading=None, *, when=None, narrow=False, button=None):
        self.heading, self.when, self.narrow, self.button = heading, when, narrow, button

    def data(self, view, context):
        return {}

    def bind(self, view, context):
        when = self.when
        if when is not None and not (
            context.get(when) if isinstance(when, str) else when(view, context)
        ):
            return None
        data = self.data(view, context)
        if data is None:
            return None
        button = self.button(view, context) if self.button else None
        heading = self.heading
        if callable(heading):  # a function of the record: its text is escaped
            heading = conditional_escape(heading(view.object))
        return {
            "template": self.template,
            "heading": mark_safe(heading) if heading else None,
            "narrow": self.narrow,
            "button": button,
            **data,
        }


class Summary(Section):
    """A summary list of the record's fields (names, ``Field``s or (label, path) pairs);
    ``empty`` is what an empty value says where its field does not say."""

    template = "sections/summary.html"

    def __init__(self, *fields, heading=None, empty=NOT_RECORDED, **options):
        options.setdefault("narrow", True)
        super().__init__(heading, **options)
        self.fields = [
            f if isinstance(f, Field) else Field(*((f,) if isinstance(f, str) else f))
            for f in fields
        ]
        for field in self.fields:  # what an empty value says, unless the field says
            if field.empty is None:
                field.empty = empty

    def data(self, view, context):
        obj, user = view.object, view.request.user
        return {
            "rows": [r for r in (f.row(obj, user, context) for f in self.fields) if r is not None]
        }


class Text(Section):
    """A heading and a text field of the record; ``empty`` when it is blank (no ``empty``:
    the section is left out). ``inset`` sets it apart as a quoted document. The heading and
    ``empty`` may be functions of the record."""

    template = "sections/text.html"

    def __init__(self, heading, path, *, empty=None, inset=False, **options):
        super().__init__(heading, **options)
        self.path, self.empty, self.inset = path, empty, inset

    def data(self, view, context):
        value = resolve(view.object, self.path)
        if not value and self.empty is None:
            return None
        empty = self.empty(view.object) if callable(self.empty) else mark_safe(self.empty or "")
        return {"text": value, "empty": empty, "inset": self.inset}


class Related(Section):
    """A list of related records, rendered by an existing include with its parameters: the
    rows are the page context's ``key``, else the record's attribute ``key`` (or
    ``rows(view, context)``), passed as ``as_``, with the record as ``object``. ``empty`` (or
    a function of the view and context giving it) is shown when there are none."""

    template = "sections/related.html"

    def __init__(self, heading, include, key=None, *, as_=None, rows=None, empty="", **params):
        options = {k: params.pop(k) for k in ("when", "narrow", "button") if k in params}
        super().__init__(heading, **options)
        self.include, self.key, self.rows = include, key, rows
        self.as_, self.empty, self.params = as_ or key, empty, params

    def data(self, view, context):
        if self.rows:
            rows = self.rows(view, context)
        else:
            rows = context[self.key] if self.key in context else resolve(view.object, self.key)
        if isinstance(rows, models.Manager):
            rows = rows.all()
        params = {k: (v(view, context) if callable(v) else v) for k, v in self.params.items()}
        empty = self.empty(view, context) if callable(self.empty) else self.empty
        return {
            "include": self.include,
            "rows": rows,
            "params": {self.as_: rows, "object": view.object, **params},
            "empty": scoped(empty, view.object, context),
        }


class Block(Section):
    """A part of one page that fits no general section (a risk's scores, a meeting's
    attendance): its own small partial, rendered with the page's context."""

    def __init__(self, template, heading=None, **options):
        super().__init__(heading, **options)
        self.template = template


class RecentHistory(Section):
    """The record's latest changes and a link to its full history."""

    template = "sections/recent_history.html"

    def __init__(
        self,
        heading="Recent changes",
        *,
        limit=5,
        show_record=True,
        full_link="Full history of {object}",
        **options,
    ):
        super().__init__(heading, **options)
        self.limit, self.show_record, self.full_link = limit, show_record, full_link

    def data(self, view, context):
        from .changes import history_for

        return {
            "entries": history_for(view.object, view.request.user)[: self.limit],
            "show_record": self.show_record,
            "full_link": self.full_link.format(object=view.object) if self.full_link else "",
        }


def may_add(model):
    """Whether the user may add a ``model`` record: a flag for a declared button."""
    return lambda view, context: user_can(view.request.user, ADD, model)


def add_button(label, url_name, model):
    """A section's button to add a ``model`` record under this one, for those who may."""

    def button(view, context):
        if context.get("can_change") and user_can(view.request.user, ADD, model):
            return label, reverse(url_name, args=[view.object.pk])
        return None

    return button


def bind_sections(view, context):
    context.setdefault("sees_everything", sees_everything(view.request.user))
    return [b for b in (s.bind(view, context) for s in view.get_sections()) if b is not None]


EDIT = "edit"  # the Edit button, among a detail page's declared ``actions``


class DeclaredDetail:
    """What a detail view declares, for ``trust.generic.ObjectDetailView``.

    ``sections``: the page's parts, in order. ``page_title``, ``caption``, ``heading`` and
    ``object_label`` (what hidden text calls the record): format strings of ``{object}``, or
    methods taking it. ``actions``: the buttons, ``EDIT`` or (label, URL name, the context
    flag the user needs or a function of the view and context[, "primary"]). What the page
    reads of the record, in a fixed number of queries: ``select_related``,
    ``prefetch_related``, and ``visible_related``, relations narrowed to what the user may
    see (as ``visible_<relation>``, each naming its joins).
    """

    sections = ()
    page_title = caption = heading = object_label = None
    actions = (EDIT,)
    select_related = prefetch_related = ()
    visible_related = {}

    def get_queryset(self):
        queryset, user = super().get_queryset(), self.request.user
        visible = [
            Prefetch(
                name,
                queryset=self.model._meta.get_field(name)
                .related_model.objects.restrict(user)
                .select_related(*joins),
                to_attr=f"visible_{name}",
            )
            for name, joins in self.visible_related.items()
        ]
        if self.select_related:  # select_related() with no names would follow every key
            queryset = queryset.select_related(*self.select_related)
        return queryset.prefetch_related(*self.prefetch_related, *visible)

    def get_sections(self):
        return self.sections

    def get_actions(self, context):
        buttons = []
        for action in self.actions:
            if action == EDIT:
                if context["can_change"] and context["edit_url"]:
                    name = context.get("object_label") or self.object
                    label = format_html('Edit<span class="govuk-visually-hidden"> {}</span>', name)
                    buttons.append((label, context["edit_url"], False))
                continue
            label, url_name, flag, *primary = action
            if flag(self, context) if callable(flag) else context.get(flag):
                buttons.append((label, reverse(url_name, args=[self.object.pk]), bool(primary)))
        return buttons

    def render_to_response(self, context, **response_kwargs):
        # Declared parts are bound last, once every view in the chain has added its context.
        obj = self.object
        for name in ("page_title", "caption", "heading", "object_label"):
            value = getattr(self, name)
            if value:
                context[name] = value(obj) if callable(value) else value.format(object=obj)
        context["object_actions"] = self.get_actions(context)
        context["sections"] = bind_sections(self, context)
        return super().render_to_response(context, **response_kwargs)


class RecommendationsOf(Related):
    """The audit recommendations about this record (a risk, a component, a person): one
    short table, its caption and empty message naming the record as ``{object}``."""

    def __init__(self, heading, *, caption, empty, key="recommendations", rows=None, **options):
        super().__init__(
            heading,
            "sections/recommendation_list.html",
            key,
            rows=rows,
            as_="recommendations",
            empty=empty,
            caption=lambda view, context: caption.format(object=view.object),
            **options,
        )
