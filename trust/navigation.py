"""The primary navigation: one list, the current section found from the page's model.

A page about a kind of record belongs to the section whose list shows its top ancestor
(``trust.trails.section_model``: a meeting's component, a priority's plan, a verification's
audit). The third element names the pages that say otherwise: pages about no record, and
records shown in another section than their model's (a hosted priority is a priority's).
"""

from django.urls import NoReverseMatch, resolve, reverse

from .trails import section_model

# (label, URL name, URL names or namespaces of pages placed here whatever their model)
NAVIGATION = [
    ("Dashboard", "home", {"home", "dashboard"}),
    # The structure, functions, roles and external bodies: beside the components.
    (
        "Components",
        "trust:component_list",
        {
            "trust:structure",
            "trust:function",
            "trust:externalbody",
            "trust:membershiprole",
            "partners:memorandum",
            "partners:memorandumsection",
            "partners:keyrole",
        },
    ),
    # Meetings and what they record (agenda, decisions, key messages): beside the structure.
    (
        "Meetings",
        "partners:meeting_list",
        {"partners:meeting", "partners:agendaitem", "partners:decision", "partners:keymessage"},
    ),
    ("Partners", "partners:partner_list", {"trust:sector"}),  # sectors: beside the directory
    ("Priorities", "trust:priority_list", {"partners:hostedpriority"}),
    ("Audits", "recommendations:audit_list", {"recommendations:recommendation_action"}),
    ("Risks", "risks:riskregister_list", set()),
    ("Actions", "partners:action_list", set()),
    ("Attendance", "partners:attendance", {"partners:attendance"}),
    ("My actions", "my_actions", {"my_actions"}),
    ("Recent changes", "recent_changes", {"recent_changes"}),
]


def page_model(match):
    view_class = getattr(getattr(match, "func", None), "view_class", None)
    return getattr(view_class, "model", None)


def placed(here, names):
    return any(
        here == s or (s.endswith(":") and here.startswith(s)) or here.startswith(s + "_")
        for s in names
    )


def navigation(request):
    match = getattr(request, "resolver_match", None)
    here = (match.view_name if match else "") or ""
    sections = []
    for label, url_name, names in NAVIGATION:
        try:
            url = reverse(url_name)
        except NoReverseMatch:  # a section whose pages are not built yet
            continue
        sections.append((label, url, names, page_model(resolve(url))))
    chosen = next((label for label, _, names, _ in sections if placed(here, names)), None)
    if chosen is None and page_model(match) is not None:
        section = section_model(page_model(match))
        chosen = next((label for label, _, _, model in sections if model is section), None)
    return [{"label": label, "url": url, "current": label == chosen} for label, url, *_ in sections]
