"""The primary navigation: one list, marked current by URL namespace or name."""

from django.urls import NoReverseMatch, reverse

# (label, URL name, namespaces or URL names that belong to the section)
NAVIGATION = [
    ("Dashboard", "home", {"home", "dashboard"}),
    ("Components", "trust:component_list", {"trust:component", "trust:meeting"}),
    ("Partners", "partners:partner_list", {"partners:partner", "partners:person"}),
    (
        "Priorities",
        "trust:priority_list",
        {"trust:priority", "trust:plan", "partners:hostedpriority"},
    ),
    ("Audits", "recommendations:audit_list", {"recommendations:"}),
    ("Risks", "risks:riskregister_list", {"risks:"}),
    ("Actions", "partners:action_list", {"partners:action", "partners:progressupdate"}),
    ("My actions", "my_actions", {"my_actions"}),
    ("Recent changes", "recent_changes", {"recent_changes"}),
]


def navigation(request):
    match = getattr(request, "resolver_match", None)
    here = ""
    if match:
        here = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
    items = []
    for label, url_name, section in NAVIGATION:
        current = any(
            here == s or (s.endswith(":") and here.startswith(s)) or here.startswith(s + "_")
            for s in section
        )
        try:
            url = reverse(url_name)
        except NoReverseMatch:  # a section whose pages are not built yet
            continue
        items.append({"label": label, "url": url, "current": current})
    return items
