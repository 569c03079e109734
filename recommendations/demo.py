"""Loads the demo trust (``demo_data``) through the tracked write path, idempotently.

Each record is found by its natural key and only what is missing is added: a record that
already exists is never changed (someone may have edited it in the app since), and a record
someone deleted is not brought back. A second run writes nothing, not even a history row.
Within one run, a record the loader has just created is moved through its life (created,
in progress, complete) as the seeds date it.
"""

import datetime
from contextlib import contextmanager
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from partners.models import (
    Action,
    ActionPlan,
    Attendance,
    HostedPriority,
    KeyRole,
    Meeting,
    Membership,
    Memorandum,
    MemorandumSection,
    Partner,
    Person,
    ProgressUpdate,
    TermsOfReference,
)
from risks.models import Risk, RiskControl, RiskRegister
from trust.models import (
    Component,
    ExternalBody,
    Function,
    Indicator,
    IndicatorValue,
    MembershipRole,
    Outcome,
    Plan,
    Priority,
    ReportingLine,
    Sector,
    User,
)
from trust.services import record_save
from trust.timescales import parse_timescale

from . import demo_data as data
from . import demo_governance as governance
from .demo_meetings import load_meeting_records, meeting_values
from .models import Audit, PriorityLevel, PriorityScale, Recommendation, status_from_actions

REASON = "Demo data loaded from the seed documents"
TRUST_LAUNCHED = datetime.date(2006, 9, 1)  # the audit: "introduced in September 2006"
PLAN_PUBLISHED = datetime.date(2006, 6, 1)  # the 2006-09 plan, re-launched each June
# The day before the demo's day: what the seeds date later (a completion, a meeting put in
# the diary) is recorded by then, so the demo clock starts after every demo fact.
EVE = data.DEMO_DAY - datetime.timedelta(days=1)
# Demo only: printed by `make run` and listed in the README. Never used outside the demo.
DEMO_PASSWORDS = {user["username"]: f"{user['username']}-demo-2007" for user in data.DEMO_USERS}


# The history of the demo is dated as the seeds date things (an audit in November 2007,
# progress in 2008), so that "status as at a date" shows the trust as it was. Each record's
# rows are written in date order, as they would have been.
_moment: datetime.datetime | None = None


@contextmanager
def dated(day: datetime.date | datetime.datetime, minutes: int = 0):
    """History written inside is dated ``day`` (9 a.m. if a date) plus ``minutes``."""
    global _moment
    previous, _moment = _moment, at(day, minutes)
    try:
        yield _moment
    finally:
        _moment = previous


def at(day: datetime.date | datetime.datetime, minutes: int = 0) -> datetime.datetime:
    """An aware moment: ``day`` (9 a.m. if a date) plus ``minutes``."""
    if not isinstance(day, datetime.datetime):
        day = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))
    return day + datetime.timedelta(minutes=minutes)


# (model label, pk) of every record created by the run in progress: the only ones it changes.
_created: set[tuple[str, int]] = set()


def _key(obj) -> tuple[str, int]:
    return obj._meta.label, obj.pk


def save(obj, **kwargs):
    if _moment is not None:
        obj._history_date = _moment
    adding = obj._state.adding
    obj = record_save(obj, reason=REASON, **kwargs)
    if adding:
        _created.add(_key(obj))
    return obj


class _Gone:
    """A record someone deleted: not brought back, nor anything that hangs off it."""

    pk = None

    def __bool__(self):
        return False


GONE = _Gone()


def was_deleted(model, lookup: dict) -> bool:
    """Did a record matching ``lookup`` exist once? (Its history outlives it.)"""
    if "pk" in lookup:
        return False
    return model.history.filter(**lookup).exists()


def upsert(model, lookup: dict, values: dict | None = None, m2m: dict | None = None):
    """The record matching ``lookup``: created if missing, else returned as it stands.

    Only a record created by this run is brought up to ``values`` (its life replayed in
    date order). ``GONE`` when someone deleted it or a record it needs: the demo does not
    bring those back.
    """
    values = values or {}
    if any(value is GONE for value in lookup.values()):
        return GONE
    m2m = {name: [o for o in objs if o is not GONE] for name, objs in (m2m or {}).items()}
    obj = model._base_manager.filter(**lookup).first()
    if obj is None:
        if was_deleted(model, lookup) or any(value is GONE for value in values.values()):
            return GONE
        return save(model(**lookup, **values), m2m=m2m)
    if _key(obj) not in _created:
        return obj
    if any(getattr(obj, name) != value for name, value in values.items()):
        for name, value in values.items():
            setattr(obj, name, value)
        save(obj)
    for name, wanted in m2m.items():
        manager = getattr(obj, name)
        if set(manager.values_list("pk", flat=True)) != {o.pk for o in wanted}:
            obj._change_reason = REASON
            if _moment is not None:
                obj._history_date = _moment
            manager.set(wanted)
    return obj


def exists(model, lookup) -> bool:
    return model._base_manager.filter(**lookup).exists()


class Loader:
    def __init__(self):
        self.components, self.partners, self.people = {}, {}, {}
        self.priorities, self.hosted, self.registers = {}, {}, {}
        self.risks_by_recommendation = {}

    @transaction.atomic
    def run(self):
        _created.clear()
        try:
            self.load()
        finally:
            _created.clear()

    def load(self):
        with dated(TRUST_LAUNCHED):
            self.structure()
        with dated(PLAN_PUBLISHED):
            self.plan()
        self.hosted_priorities()
        self.risk_registers()
        self.governance()
        self.audit()
        load_meeting_records(self)
        self.users()

    def structure(self):
        sectors = {
            row["name"]: upsert(
                Sector, {"name": row["name"]}, {k: row[k] for k in ("description", "order")}
            )
            for row in data.SECTORS
        }
        functions = {
            row["key"]: upsert(
                Function, {"name": row["name"]}, {k: row[k] for k in ("description", "order")}
            )
            for row in data.FUNCTIONS
        }
        for row in data.COMPONENTS:
            self.components[row["key"]] = upsert(
                Component,
                {"name": row["name"]},
                {
                    "function": functions[row["function"]],
                    **{k: row[k] for k in ("short_name", "description", "order")},
                },
            )
        bodies = {
            row["key"]: upsert(
                ExternalBody, {"name": row["name"]}, {k: row[k] for k in ("kind", "notes")}
            )
            for row in data.EXTERNAL_BODIES
        }
        for row in data.REPORTING_LINES:
            upsert(
                ReportingLine,
                {"from_component": self.components[row["from"]], "to_body": bodies[row["to_body"]]},
                {"note": row["note"]},
            )
        for row in data.PARTNERS:
            self.partners[row["key"]] = upsert(
                Partner,
                {"name": row["name"]},
                {
                    "sector": sectors[row["sector"]],
                    "is_host_authority": row.get("is_host_authority", False),
                    **{
                        k: row[k]
                        for k in (
                            "short_name",
                            "duty_to_cooperate",
                            "agreement_signed",
                            "isp_signed",
                            "notes",
                        )
                    },
                },
            )
        for row in data.PEOPLE:
            self.people[row["key"]] = upsert(
                Person,
                {"partner": self.partners[row["partner"]], "name": row["name"]},
                {"job_title": row["job_title"], "email": row["email"]},
            )
        members = {}
        roles = {}
        for row in data.MEMBERSHIP_ROLES:
            roles[row["key"]] = upsert(
                MembershipRole,
                {"name": row["name"]},
                {k: row[k] for k in ("is_chair", "order", "description")},
            )
        for row in data.MEMBERSHIPS:
            upsert(
                Membership,
                {
                    "component": self.components[row["component"]],
                    "represents": self.partners[row["represents"]],
                    "person": self.people.get(row["person"]),
                },
                {"role": roles[row["role"]]},
            )
            members.setdefault(row["component"], []).append((row["represents"], row["person"]))
        for row in [*data.MEETINGS, *data.CANCELLED_MEETINGS]:
            if row["date"] > data.DEMO_DAY:  # scheduled, put in the diary before the day
                with dated(EVE):
                    self.meeting(row, {})
                continue
            with dated(row["date"], minutes=8 * 60):  # minutes written after the meeting
                self.meeting(row, members)

    def meeting(self, row, members):
        meeting = upsert(
            Meeting,
            {
                "component": self.components[row["component"]],
                "date": row["date"],
                "title": row["title"],
            },
            meeting_values(self, row),
        )
        for partner_key, person_key in members.get(row["component"], []):
            person = self.people.get(person_key)  # a vacant seat: the partner's row alone
            upsert(
                Attendance,
                {"meeting": meeting, "person": person, "partner": self.partners[partner_key]},
                self.attendance_of(row, partner_key),
            )
        for person_key in row.get("in_attendance", ()):
            person = self.people[person_key]
            upsert(
                Attendance,
                {"meeting": meeting, "person": person, "partner": person.partner},
                {"status": Attendance.Status.IN_ATTENDANCE},
            )

    def attendance_of(self, row, partner_key):
        """A member's status at a demo meeting (see MEETINGS in demo_data)."""
        status = Attendance.Status
        if partner_key in row.get("substitutes", {}):
            substitute = self.people[row["substitutes"][partner_key]]
            return {"status": status.SUBSTITUTE, "substitute": substitute}
        if partner_key in row["attended"]:
            return {"status": status.PRESENT}
        if partner_key in row.get("apologies", ()):
            return {"status": status.APOLOGIES}
        return {"status": status.ABSENT}

    def plan(self):
        plan = upsert(
            Plan,
            {"title": data.PLAN["title"]},
            {"start_year": data.PLAN["start_year"], "end_year": data.PLAN["end_year"]},
        )
        outcomes = {
            row["key"]: upsert(
                Outcome, {"plan": plan, "name": row["name"]}, {"order": row["order"]}
            )
            for row in data.OUTCOMES
        }
        for row in data.PRIORITIES:
            self.priorities[row["number"]] = upsert(
                Priority,
                {"plan": plan, "number": row["number"]},
                {"title": row["title"], "outcome": outcomes.get(row["outcome"])},
            )
        for row in data.INDICATORS:
            indicator = upsert(
                Indicator,
                {"priority": self.priorities[row["priority"]], "name": row["name"]},
                {
                    "unit": row["unit"],
                    "baseline": _decimal(row["baseline"]),
                    "baseline_period": row["baseline_period"],
                    "target": _decimal(row["target"]),
                    "target_period": row["target_period"],
                    "higher_is_better": row["higher_is_better"],
                },
            )
            for period, period_end, value in row["values"]:
                upsert(
                    IndicatorValue,
                    {"indicator": indicator, "period_end": period_end},
                    {"period": period, "value": _decimal(value)},
                )

    def hosted_priorities(self):
        for row in data.HOSTED_PRIORITIES:
            signed = row["director_signed"] or row["host_signed"] or datetime.date(2007, 4, 1)
            with dated(signed):
                self.hosted_priority(row, signed)

    def hosted_priority(self, row, signed):
        hosted = upsert(
            HostedPriority,
            {
                "priority": self.priorities[row["priority"]],
                "host": self.partners[row["host"]],
                "title": row["title"],
            },
            {
                "kind": row["kind"],
                "director_signed": row["director_signed"],
                "host_signed": row["host_signed"],
                "risk_assessment_done": row["risk_assessment_done"],
                "appended_to_strategy": row["appended_to_strategy"],
                "monitoring_component": self.components.get(row["monitoring_component"]),
            },
            m2m={"contributors": [self.partners[k] for k in row["contributors"]]},
        )
        self.action_plan(hosted, row["actions"], start=signed)
        self.hosted[row["key"]] = hosted

    def risk_registers(self):
        for row in data.RISK_REGISTERS:
            with dated(self.register_date(row)):
                self.registers[row["key"]] = self.register(row)
        for row in data.RISKS:
            register_row = next(r for r in data.RISK_REGISTERS if r["key"] == row["register"])
            start = self.register_date(register_row)
            with dated(start):
                self.risk(row, start)

    @staticmethod
    def register_date(row):
        # The CLP register was discussed on 5 September 2007 (Appendix 1); the others when
        # last reviewed.
        return min(row["last_reviewed"] or datetime.date(2007, 9, 5), datetime.date(2007, 9, 5))

    def register(self, row):
        return upsert(
            RiskRegister,
            {"name": row["name"]},
            {
                "kind": row["kind"],
                "component": self.components.get(row["component"]),
                "partner": self.partners.get(row["partner"]),
                "owner": self.people.get(row["owner"]),
                "review_interval_months": row["review_interval_months"],
                "last_reviewed": row["last_reviewed"],
            },
        )

    def risk(self, row, start):
        values = {
            "title": row["title"],
            "cause": row["cause"],
            "consequence": row["consequence"],
            "owner": self.people[row["owner"]],
            "review_date": row["review_date"],
            "contingency_plan": row["contingency"],
            "status": row["status"],
        }
        for stage in ("inherent", "residual", "target"):
            values[f"{stage}_likelihood"], values[f"{stage}_impact"] = row[stage]
        risk = upsert(
            Risk,
            {"register": self.registers[row["register"]], "reference": row["reference"]},
            values,
            m2m={"hosted_priorities": [self.hosted[k] for k in row["hosted_priorities"]]},
        )
        for order, text in enumerate(row["controls"], start=1):
            upsert(RiskControl, {"risk": risk, "order": order}, {"description": text})
        self.action_plan(risk, row["actions"], start=start)
        for number in row["recommendations"]:
            self.risks_by_recommendation.setdefault(number, []).append(risk)

    def governance(self):
        """Terms of reference, the memorandum of understanding and the key roles, each
        version dated the day it was agreed; risks linked to the current memorandum's
        sections that mitigate them."""
        kinds = {row["key"]: row["governing_document"] for row in data.COMPONENTS}
        for key, versions in governance.TERMS.items():
            for number, row in enumerate(versions, start=1):
                with dated(row["agreed"]):
                    self.terms(self.components[key], kinds[key], number, row)
        sections = {}
        for number, row in enumerate(governance.MEMORANDUM, start=1):
            with dated(row["agreed"]):
                sections = self.memorandum(number, row)
        with dated(governance.MEMORANDUM[-1]["agreed"], minutes=60):
            self.mitigations(sections)
        for row in governance.KEY_ROLES:
            with dated(row["started"]):
                upsert(
                    KeyRole,
                    {"title": row["title"], "person": self.people[row["person"]]},
                    {"started": row["started"], "responsibilities": row["responsibilities"]},
                )

    def terms(self, component, kind, number, row):
        members, partners, substitutes = row["quorum"]
        upsert(
            TermsOfReference,
            {"component": component, "number": number},
            {
                "kind": kind,
                "text": row["text"],
                "agreed": row["agreed"],
                "in_force_from": row.get("in_force_from"),
                "review_date": row["review_date"],
                "quorum_min_members": members,
                "quorum_min_partners": partners,
                "substitutes_count": substitutes,
            },
        )

    def memorandum(self, number, row):
        """One version and its sections: {heading: section}."""
        memorandum = upsert(
            Memorandum,
            {"number": number},
            {"title": governance.MEMORANDUM_TITLE, "in_force_from": None, **row},
        )
        return {
            section["heading"]: upsert(
                MemorandumSection,
                {"memorandum": memorandum, "heading": section["heading"]},
                {"order": section["order"], "text": section["text"]},
            )
            for section in governance.MEMORANDUM_SECTIONS
            if number in section["versions"]
        }

    def mitigations(self, sections):
        by_risk = {}
        for row in governance.MEMORANDUM_SECTIONS:
            for register, reference in row["risks"]:
                by_risk.setdefault((register, reference), []).append(sections[row["heading"]])
        for (register, reference), mitigating in by_risk.items():
            upsert(
                Risk,
                {"register": self.registers[register], "reference": reference},
                m2m={"memorandum_sections": mitigating},
            )

    def audit(self):
        report = data.AUDIT["report_date"]
        with dated(report):
            scale = upsert(PriorityScale, {"name": data.PRIORITY_SCALE["name"]})
            levels = {
                symbol: upsert(
                    PriorityLevel,
                    {"scale": scale, "rank": rank},
                    {"symbol": symbol, "label": label},
                )
                for rank, (symbol, label) in enumerate(data.PRIORITY_SCALE["levels"], start=1)
            }
            audit = upsert(
                Audit,
                {"title": data.AUDIT["title"], "report_date": report},
                {
                    "auditor": data.AUDIT["auditor"],
                    "audited_body": data.AUDIT["audited_body"],
                    "reference": data.AUDIT["reference"],
                    "priority_scale": scale,
                },
            )
            recommendations, new = {}, set()
            for row in data.RECOMMENDATIONS:
                lookup = {"audit": audit, "number": row["number"]}
                values = {
                    "section": row["section"],
                    "text": row["text"],
                    "priority": levels[row["priority"]],
                    "management_response": row["management_response"],
                    "responsibility": row["responsibility"],
                    "timescale": row["timescale"],
                    "status": row["status"],
                }
                if not exists(Recommendation, lookup):
                    new.add(row["number"])  # starts "not started"; its status moves on below
                    values["status"] = Recommendation.Status.NOT_STARTED
                recommendations[row["number"]] = upsert(
                    Recommendation,
                    lookup,
                    values,
                    m2m={
                        "responsible_officers": [
                            self.people[k] for k in row["responsible_officers"]
                        ],
                        "components": [self.components[k] for k in row["components"]],
                    },
                )
        # Links between recommendations run both ways: 3 citing 2 links 2 to 3 as well.
        related = {row["number"]: set(row["related"]) for row in data.RECOMMENDATIONS}
        for number, cited in list(related.items()):
            for other in cited:
                related[other].add(number)
        with dated(report, minutes=1):
            for row in data.RECOMMENDATIONS:
                if not recommendations[row["number"]]:
                    continue
                links = {
                    "related": [recommendations[n] for n in sorted(related[row["number"]])],
                    "risks": self.risks_by_recommendation.get(row["number"], []),
                }
                upsert(Recommendation, {"pk": recommendations[row["number"]].pk}, m2m=links)
        for row in data.RECOMMENDATIONS:
            rec = recommendations[row["number"]]
            last = self.action_plan(rec, row["actions"], start=report)
            if rec and row["number"] in new:
                self.follow_actions(rec, final=row["status"], last=last)

    def follow_actions(self, rec, *, final, last):
        """A new recommendation's status moves as its actions did, then settles on ``final``."""
        statuses, status = {}, Recommendation.Status.NOT_STARTED
        history = Action.history.filter(plan_id=rec.action_plan_id)
        for row in history.order_by("history_date", "history_id"):
            statuses[row.id] = row.status
            implied = status_from_actions(statuses.values())
            if implied != status:
                with dated(row.history_date, minutes=1):
                    rec = upsert(Recommendation, {"pk": rec.pk}, {"status": implied})
                status = implied
        if final != status:
            with dated(last, minutes=60):
                upsert(Recommendation, {"pk": rec.pk}, {"status": final})

    def action_plan(self, carrier, actions, *, start) -> datetime.datetime:
        """Load a carrier's actions, replaying a new action's life in date order: created not
        started, in progress at its first update, its final status when it was completed.
        Returns the moment of the last thing that happened. A carrier that was there before
        this run and has no plan is left as it is."""
        last = at(start)
        if not actions or carrier is GONE:
            return last
        if carrier.action_plan_id is None:
            if _key(carrier) not in _created:
                return last
            with dated(start, minutes=3):
                carrier.action_plan = save(ActionPlan())
                save(carrier)
        for number, row in enumerate(actions, start=1):
            due = parse_timescale(row["timescale"])
            updates = sorted(row.get("updates", []), key=lambda u: u["date"])
            completed_on = None
            if row["status"] == Action.Status.COMPLETE:
                completed_on = max((u["date"] for u in updates), default=due or start)
                completed_on = min(completed_on, EVE)
            lookup = {"plan": carrier.action_plan, "number": number}
            final = {
                "description": row["description"],
                "owner": self.people[row["owner"]],
                "timescale": row["timescale"],
                "original_due_date": due,
                "due_date": due,
                "status": row["status"],
                "completed_on": completed_on,
            }
            if exists(Action, lookup) or was_deleted(Action, lookup):
                action = upsert(Action, lookup, final)
                for update in updates:
                    with dated(max(update["date"], start), minutes=8 * 60):
                        self.progress_update(action, update)
                continue
            with dated(start, minutes=5) as moment:
                action = upsert(
                    Action, lookup, {**final, "status": "not_started", "completed_on": None}
                )
            for update in updates:
                # Never before the plan was made: each record's rows stay in date order.
                with dated(max(update["date"], start), minutes=8 * 60) as moment:
                    self.progress_update(action, update)
                    if action.status == Action.Status.NOT_STARTED:
                        action = upsert(Action, {"pk": action.pk}, {"status": "in_progress"})
            if action.status != row["status"]:
                done = completed_on or (updates[-1]["date"] if updates else due or start)
                # What the seeds date later had already started by the demo's day.
                done = min(done, EVE)
                moment = max(moment + datetime.timedelta(minutes=1), at(max(done, start), 9 * 60))
                with dated(moment):
                    action = upsert(Action, {"pk": action.pk}, final)
            last = max(last, moment)
        return last

    def progress_update(self, action, update):
        upsert(
            ProgressUpdate,
            {"action": action, "date": update["date"]},
            {"note": update["note"], "rag": update["rag"], "author": self.people.get(update["by"])},
        )

    def users(self):
        """The demo sign-ins; an account that exists (or existed) is someone's: left alone."""
        for row in data.DEMO_USERS:
            lookup = {"username": row["username"]}
            if exists(User, lookup) or was_deleted(User, lookup):
                continue
            is_admin = row["role"] == "admin"
            user = User(
                **lookup,
                first_name=row["first_name"],
                last_name=row["last_name"],
                role=row["role"],
                is_staff=is_admin,
                is_superuser=is_admin,
                date_joined=at(TRUST_LAUNCHED),
            )
            user.set_password(DEMO_PASSWORDS[row["username"]])
            with dated(TRUST_LAUNCHED):
                save(user)
                person = self.people.get(row["person"]) if row["person"] else None
                if person:
                    upsert(Person, {"pk": person.pk}, {"user": user})


def _decimal(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def load_demo() -> dict[str, str]:
    """Load or refresh the demo trust; returns the demo logins and their passwords."""
    Loader().run()
    return DEMO_PASSWORDS
