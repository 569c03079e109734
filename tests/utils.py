"""Helpers shared by the page tests."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def get_counting_queries(client, url):
    """GET ``url``; return the response and the SQL it ran."""
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    return response, [q["sql"] for q in context.captured_queries]


def assert_constant_queries(client, url, grow, *, small=5, large=50):
    """The page runs the same number of queries with ``small`` and with ``large`` rows.

    ``grow(n)`` adds ``n`` more rows of whatever the page lists. On failure the SQL of the
    larger page is printed, so the query that repeats per row is easy to find.
    """
    grow(small)
    response, few = get_counting_queries(client, url)
    assert response.status_code == 200, response.status_code
    grow(large - small)
    response, many = get_counting_queries(client, url)
    assert response.status_code == 200, response.status_code
    assert len(few) == len(many), (
        f"{url}: {len(few)} queries with {small} rows, {len(many)} with {large}:\n"
        + "\n".join(many)
    )
    return len(many)
