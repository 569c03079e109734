#!/usr/bin/env python
"""Benchmark: the "status as at a date" page of an audit with 300 recommendations and
about 100,000 history rows.

    .venv/bin/python scripts/bench_as_at.py            # SQLite file var/bench.sqlite3
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python scripts/bench_as_at.py

It builds the data once (the current records through the tracked write path; their past
as history rows written straight into the history tables, with ``valid_to`` chained as the
app's receiver would, so that 100,000 rows take seconds rather than an hour), then renders
the real page through Django's test client for several dates and prints the median and the
slowest time. Target (issue 4): under 200 ms on this machine.
"""

import datetime
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trust.settings.dev")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}")
os.environ["DEBUG"] = "false"
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from partners.models import Action, ActionPlan, Partner, Person  # noqa: E402
from recommendations.models import Audit, PriorityLevel, PriorityScale, Recommendation  # noqa: E402
from trust.models import User  # noqa: E402

RECOMMENDATIONS = 300
ACTIONS_EACH = 5
CHANGES_PER_ACTION = 66  # 1,500 actions x 66 + the recommendations' rows: over 100,000 rows
START = timezone.make_aware(datetime.datetime(2007, 11, 1, 9))
DAYS = 720
TITLE = "Benchmark audit: 300 recommendations"


def history_rows(model, obj, count, rng, statuses):
    """``count`` earlier versions of ``obj``, oldest first, valid_to chained, ending in the
    current row's date."""
    history = model.history.model
    fields = [f.attname for f in model._meta.concrete_fields]
    # Created on the audit's first day, then changed at random moments over two years.
    moments = [START] + sorted(
        START + datetime.timedelta(minutes=rng.randrange(60, DAYS * 24 * 60))
        for _ in range(count - 1)
    )
    rows = []
    for i, moment in enumerate(moments):
        values = {name: getattr(obj, name) for name in fields}
        if "status" in values:
            values["status"] = statuses[min(i * len(statuses) // count, len(statuses) - 1)]
        if values.get("status") == "complete":
            values["completed_on"] = moment.date()
        elif "completed_on" in values:
            values["completed_on"] = None
        rows.append(
            history(
                **values,
                history_date=moment,
                history_type="+" if i == 0 else "~",
                history_change_reason="Benchmark",
                valid_to=moments[i + 1] if i + 1 < count else None,
            )
        )
    return rows


@transaction.atomic
def build():
    rng = random.Random(2007)
    partner, _ = Partner.objects.get_or_create(
        name="Benchmark council", defaults={"sector": "local_authority"}
    )
    owner, _ = Person.objects.get_or_create(partner=partner, name="Benchmark officer")
    scale, _ = PriorityScale.objects.get_or_create(name="Benchmark scale")
    levels = [
        PriorityLevel.objects.get_or_create(scale=scale, rank=r, defaults={"label": f"Level {r}"})[
            0
        ]
        for r in (1, 2, 3)
    ]
    audit = Audit.objects.create(
        title=TITLE,
        auditor="Benchmark LLP",
        audited_body="Benchmark council",
        report_date=START.date(),
        priority_scale=scale,
    )
    pending = {Recommendation: [], Action: []}
    for n in range(1, RECOMMENDATIONS + 1):
        plan = ActionPlan.objects.create()
        rec = Recommendation.objects.create(
            audit=audit,
            number=str(n),
            text=f"Recommendation {n}",
            priority=levels[n % 3],
            action_plan=plan,
            status="implemented",
        )
        pending[Recommendation] += history_rows(
            Recommendation, rec, 8, rng, ["not_started", "in_progress", "implemented"]
        )
        for a in range(1, ACTIONS_EACH + 1):
            due = START.date() + datetime.timedelta(days=rng.randrange(60, 400))
            action = Action.objects.create(
                plan=plan,
                number=a,
                description=f"Action {n}.{a}",
                owner=owner,
                timescale="",
                original_due_date=due,
                due_date=due,
                status="complete",
                completed_on=due,
            )
            pending[Action] += history_rows(
                Action, action, CHANGES_PER_ACTION, rng, ["not_started", "in_progress", "complete"]
            )
    for model, rows in pending.items():
        # The creates above wrote one row each at "now"; the generated past comes before it.
        model.history.filter(id__in={r.id for r in rows}).delete()
        model.history.model.objects.bulk_create(rows, batch_size=5000)
    return audit


def main():
    setup_test_environment()  # lets the script check what each response rendered
    call_command("migrate", verbosity=0)
    audit = Audit.objects.filter(title=TITLE).first()
    if audit is None:
        started = time.perf_counter()
        audit = build()
        print(f"built the data in {time.perf_counter() - started:.1f} s")
    total = sum(m.history.count() for m in (Recommendation, Action))
    print(
        f"audit {audit.pk}: {audit.recommendations.count()} recommendations, "
        f"{Action.objects.filter(plan__recommendation__audit=audit).count()} actions, "
        f"{total:,} history rows"
    )
    user, _ = User.objects.get_or_create(username="bench-auditor", defaults={"role": "auditor"})
    client = Client()
    client.force_login(user)
    url = reverse("recommendations:audit_as_at", args=[audit.pk])
    days = [START.date() + datetime.timedelta(days=d) for d in (30, 180, 365, 540, 700)]
    client.get(url, {"date": days[0].isoformat()})  # warm up
    times = []
    for _ in range(4):
        for day in days:
            started = time.perf_counter()
            response = client.get(url, {"date": day.isoformat()})
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, response.status_code
            assert len(response.context["snapshot"].recommendations) == RECOMMENDATIONS
    engine = django.db.connection.vendor
    print(
        f"{engine}: as-at page, {len(times)} renders: median {statistics.median(times):.0f} ms, "
        f"slowest {max(times):.0f} ms"
    )


if __name__ == "__main__":
    main()
