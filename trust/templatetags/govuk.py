"""Template helpers for GOV.UK Frontend markup."""

from django import template
from django.template.defaultfilters import floatformat
from django.utils.html import format_html

register = template.Library()

INPUT_CLASSES = {
    "text": "govuk-input",
    "email": "govuk-input",
    "number": "govuk-input govuk-input--width-5",
    "password": "govuk-input",
    "url": "govuk-input",
    "textarea": "govuk-textarea",
    "select": "govuk-select",
    "selectmultiple": "govuk-select",
    "clearablefile": "govuk-file-upload",
    "file": "govuk-file-upload",
}


@register.simple_tag
def govuk_widget(field):
    """Render a field's widget with GOV.UK classes, error state and aria-describedby."""
    widget_type = field.widget_type
    css = INPUT_CLASSES.get(widget_type, "")
    if field.errors and css:
        css += f" {css.split()[0]}--error"
    attrs = {}
    if css:
        attrs["class"] = (field.field.widget.attrs.get("class", "") + " " + css).strip()
    described = describedby(field)
    if described:
        attrs["aria-describedby"] = described
    return field.as_widget(attrs=attrs)


@register.simple_tag
def describedby(field):
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}-hint")
    if field.errors:
        ids.append(f"{field.auto_id}-error")
    return " ".join(ids)


@register.simple_tag
def priority_symbol(level):
    """A priority as printed (e.g. ***) with its words for screen readers."""
    if level is None:
        return ""
    if not level.symbol:
        return level.label
    return format_html(
        '<span class="app-priority" aria-hidden="true">{}</span>'
        '<span class="govuk-visually-hidden">{}</span>',
        level.symbol,
        level.label,
    )


@register.simple_tag
def priority_level(level):
    """A priority in full: the symbol as printed (silent for screen readers) and its words."""
    if level is None:
        return ""
    if not level.symbol:
        return level.label
    return format_html(
        '<span class="app-priority" aria-hidden="true">{}</span> {}', level.symbol, level.label
    )


TAG_COLOURS = {
    "not_started": "grey",
    "in_progress": "blue",
    "complete": "green",
    "implemented": "green",
    "cancelled": "grey",
    "superseded": "grey",
    "open": "blue",
    "closed": "grey",
    "present": "green",
    "apologies": "yellow",
    "absent": "red",
    "scheduled": "blue",
    "held": "green",
    "red": "red",
    "amber": "orange",
    "green": "green",
    "past_review": "red",
}


@register.simple_tag
def status_tag(value, label=None):
    """A GOV.UK tag for a status or RAG value, coloured by meaning, labelled in words."""
    if not value:
        return ""
    colour = TAG_COLOURS.get(str(value), "grey")
    return format_html(
        '<strong class="govuk-tag govuk-tag--{}">{}</strong>',
        colour,
        label or str(value).replace("_", " ").capitalize(),
    )


@register.filter
def dash(value):
    """An empty value as an em dash, never "None"."""
    return "—" if value in (None, "") else value


@register.filter
def input_id(field):
    """The id of the input an error summary links to: the day box of a date, else the field."""
    return field.id_for_label or f"{field.auto_id}_0"


@register.simple_tag
def measure(value, unit):
    """A measured value with its unit: "9.70%", "49.90 per 1,000 girls"; "—" when empty."""
    if value is None:
        return "—"
    number = floatformat(value, "-2")  # two decimals unless it is a whole number
    if not unit:
        return number
    return f"{number}{unit}" if unit.startswith("%") else f"{number} {unit}"


@register.simple_tag
def person_named(person, link=True):
    """A person as every page names them: their name (a link to their page) and organisation.

    Shown wherever a record the user may open names them (DESIGN.md, "Who sees whose name");
    the caller's queryset selects the person's partner, so this costs no query.
    """
    if person is None:
        return "Not named"
    if person.partner_id is None:  # an independent chair: no organisation to name
        if link:
            return format_html(
                '<a class="govuk-link" href="{}">{}</a>', person.get_absolute_url(), person.name
            )
        return person.name
    partner = person.partner.short_name or person.partner.name
    if link:
        return format_html(
            '<a class="govuk-link" href="{}">{}</a> ({})',
            person.get_absolute_url(),
            person.name,
            partner,
        )
    return format_html("{} ({})", person.name, partner)
