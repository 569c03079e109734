"""Logs a council's IT department can use: every line names the request it belongs to and the
id of the signed-in user, never a password, a session key or anything a form carried.

``RequestIdMiddleware`` gives each request an id (the proxy's ``X-Request-ID`` when it is a
plain token, else a new one), sends it back in the response's ``X-Request-ID`` header and
keeps the request for ``RequestContext``, the logging filter that puts the id and the user id
on every line written while the request is served. The user id is read only when the request
has already looked up its user: logging never costs a query."""

import contextvars
import logging
import re
import uuid

from django.utils.functional import empty

_current = contextvars.ContextVar("trust_request", default=None)
PLAIN_TOKEN = re.compile(r"[A-Za-z0-9._-]{1,64}")


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get("X-Request-ID", "")
        request.request_id = given if PLAIN_TOKEN.fullmatch(given) else uuid.uuid4().hex
        token = _current.set(request)
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        response["X-Request-ID"] = request.request_id
        return response


def _user_id(request):
    user = getattr(request, "user", None)
    if user is None or getattr(user, "_wrapped", None) is empty:
        return "-"  # not looked up (yet) by this request
    return user.pk if user.is_authenticated else "anonymous"


class RequestContext(logging.Filter):
    """Adds ``request_id`` and ``user_id`` to every record ("-" outside a request)."""

    def filter(self, record):
        request = _current.get() or getattr(record, "request", None)
        record.request_id = getattr(request, "request_id", "-")
        record.user_id = _user_id(request) if request is not None else "-"
        return True
