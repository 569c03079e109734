"""Loads the demo trust (``demo_data``) through the tracked write path, idempotently.

Each record is found by its natural key and written only when something differs, so a
second run writes nothing, not even a history row.
"""

from decimal import Decimal

from django.db import transaction

from partners.models import (
    Action,
    ActionPlan,
    Attendance,
    HostedPriority,
    Membership,
    Partner,
    Person,
    ProgressUpdate,
)
from risks.models import Risk, RiskControl, RiskRegister
from trust.models import (
    Component,
    Indicator,
    IndicatorValue,
    Meeting,
    Outcome,
    Plan,
    Priority,
    User,
)
from trust.services import record_save
from trust.timescales import parse_timescale

from . import demo_data as data
from .models import Audit, PriorityLevel, PriorityScale, Recommendation

REASON = "Demo data loaded from the seed documents"
# Demo only: printed by `make run` and listed in the README. Never used outside the demo.
DEMO_PASSWORDS = {user["username"]: f"{user['username']}-demo-2007" for user in data.DEMO_USERS}


def upsert(model, lookup: dict, values: dict | None = None, m2m: dict | None = None):
    """The record matching ``lookup``, created or brought up to ``values`` only if it differs."""
    values = values or {}
    obj = model._base_manager.filter(**lookup).first()
    if obj is None:
        return record_save(model(**lookup, **values), reason=REASON, m2m=m2m)
    if any(getattr(obj, name) != value for name, value in values.items()):
        for name, value in values.items():
            setattr(obj, name, value)
        record_save(obj, reason=REASON)
    for name, wanted in (m2m or {}).items():
        manager = getattr(obj, name)
        if set(manager.values_list("pk", flat=True)) != {o.pk for o in wanted}:
            obj._change_reason = REASON
            manager.set(wanted)
    return obj


class Loader:
    def __init__(self):
        self.components, self.partners, self.people = {}, {}, {}
        self.priorities, self.hosted, self.registers = {}, {}, {}
        self.risks_by_recommendation = {}

    @transaction.atomic
    def run(self):
        self.structure()
        self.plan()
        self.hosted_priorities()
        self.risk_registers()
        self.audit()
        self.users()

    def structure(self):
        for row in data.COMPONENTS:
            self.components[row["key"]] = upsert(
                Component,
                {"name": row["name"]},
                {
                    k: row[k]
                    for k in (
                        "short_name",
                        "function",
                        "governing_document",
                        "description",
                        "order",
                    )
                },
            )
        for row in data.PARTNERS:
            self.partners[row["key"]] = upsert(
                Partner,
                {"name": row["name"]},
                {
                    k: row[k]
                    for k in (
                        "short_name",
                        "sector",
                        "duty_to_cooperate",
                        "agreement_signed",
                        "isp_signed",
                        "notes",
                    )
                },
            )
        for row in data.PEOPLE:
            self.people[row["key"]] = upsert(
                Person,
                {"partner": self.partners[row["partner"]], "name": row["name"]},
                {"job_title": row["job_title"], "email": row["email"]},
            )
        members = {}
        for row in data.MEMBERSHIPS:
            upsert(
                Membership,
                {
                    "component": self.components[row["component"]],
                    "partner": self.partners[row["partner"]],
                    "representative": self.people.get(row["representative"]),
                },
                {"role": row["role"]},
            )
            members.setdefault(row["component"], set()).add(row["partner"])
        for row in data.MEETINGS:
            meeting = upsert(
                Meeting,
                {
                    "component": self.components[row["component"]],
                    "date": row["date"],
                    "title": row["title"],
                },
            )
            for partner_key in sorted(members.get(row["component"], set()) | set(row["attended"])):
                present = partner_key in row["attended"]
                upsert(
                    Attendance,
                    {"meeting": meeting, "partner": self.partners[partner_key]},
                    {"status": Attendance.Status.PRESENT if present else Attendance.Status.ABSENT},
                )

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
            self.action_plan(hosted, row["actions"], fallback_date=row["director_signed"])
            self.hosted[row["key"]] = hosted

    def risk_registers(self):
        for row in data.RISK_REGISTERS:
            self.registers[row["key"]] = upsert(
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
        for row in data.RISKS:
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
            self.action_plan(risk, row["actions"], fallback_date=row["review_date"])
            for number in row["recommendations"]:
                self.risks_by_recommendation.setdefault(number, []).append(risk)

    def audit(self):
        scale = upsert(PriorityScale, {"name": data.PRIORITY_SCALE["name"]})
        levels = {
            symbol: upsert(
                PriorityLevel, {"scale": scale, "rank": rank}, {"symbol": symbol, "label": label}
            )
            for rank, (symbol, label) in enumerate(data.PRIORITY_SCALE["levels"], start=1)
        }
        audit = upsert(
            Audit,
            {"title": data.AUDIT["title"], "report_date": data.AUDIT["report_date"]},
            {
                "auditor": data.AUDIT["auditor"],
                "audited_body": data.AUDIT["audited_body"],
                "reference": data.AUDIT["reference"],
                "priority_scale": scale,
            },
        )
        recommendations = {}
        for row in data.RECOMMENDATIONS:
            rec = upsert(
                Recommendation,
                {"audit": audit, "number": row["number"]},
                {
                    "section": row["section"],
                    "text": row["text"],
                    "priority": levels[row["priority"]],
                    "management_response": row["management_response"],
                    "responsibility": row["responsibility"],
                    "timescale": row["timescale"],
                    "status": row["status"],
                },
                m2m={
                    "responsible_officers": [self.people[k] for k in row["responsible_officers"]],
                    "components": [self.components[k] for k in row["components"]],
                },
            )
            self.action_plan(rec, row["actions"], fallback_date=audit.report_date)
            recommendations[row["number"]] = rec
        # Links between recommendations run both ways: 3 citing 2 links 2 to 3 as well.
        related = {row["number"]: set(row["related"]) for row in data.RECOMMENDATIONS}
        for number, cited in list(related.items()):
            for other in cited:
                related[other].add(number)
        for row in data.RECOMMENDATIONS:
            links = {
                "related": [recommendations[n] for n in sorted(related[row["number"]])],
                "risks": self.risks_by_recommendation.get(row["number"], []),
            }
            upsert(Recommendation, {"pk": recommendations[row["number"]].pk}, m2m=links)

    def action_plan(self, carrier, actions, *, fallback_date):
        if not actions:
            return
        if carrier.action_plan_id is None:
            plan = record_save(ActionPlan(), reason=REASON)
            carrier.action_plan = plan
            record_save(carrier, reason=REASON)
        for number, row in enumerate(actions, start=1):
            due = parse_timescale(row["timescale"])
            updates = row.get("updates", [])
            completed_on = None
            if row["status"] == Action.Status.COMPLETE:
                completed_on = max((u["date"] for u in updates), default=due or fallback_date)
            action = upsert(
                Action,
                {"plan": carrier.action_plan, "number": number},
                {
                    "description": row["description"],
                    "owner": self.people[row["owner"]],
                    "timescale": row["timescale"],
                    "original_due_date": due,
                    "due_date": due,
                    "status": row["status"],
                    "completed_on": completed_on,
                },
            )
            for update in updates:
                upsert(
                    ProgressUpdate,
                    {"action": action, "date": update["date"]},
                    {
                        "note": update["note"],
                        "rag": update["rag"],
                        "author": self.people.get(update["by"]),
                    },
                )

    def users(self):
        for row in data.DEMO_USERS:
            user = User.objects.filter(username=row["username"]).first()
            is_admin = row["role"] == "admin"
            values = {
                "first_name": row["first_name"],
                "last_name": row["last_name"],
                "role": row["role"],
                "is_staff": is_admin,
                "is_superuser": is_admin,
            }
            if user is None:
                user = User(username=row["username"], **values)
                user.set_password(DEMO_PASSWORDS[row["username"]])
                record_save(user, reason=REASON)
            else:
                upsert(User, {"pk": user.pk}, values)
            if row["person"]:
                upsert(Person, {"pk": self.people[row["person"]].pk}, {"user": user})


def _decimal(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def load_demo() -> dict[str, str]:
    """Load or refresh the demo trust; returns the demo logins and their passwords."""
    Loader().run()
    return DEMO_PASSWORDS
