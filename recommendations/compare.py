"""What changed in an audit between two dates, from two snapshots."""

from dataclasses import dataclass

from .snapshot import AuditSnapshot

CLOSED = {"implemented", "superseded"}


@dataclass
class Difference:
    kind: str  # new, removed, closed, reopened, status, re-rated, slipped, action added, completed
    number: str
    detail: str


def compare(before: AuditSnapshot, after: AuditSnapshot) -> list[Difference]:
    """Differences from ``before`` to ``after``, by recommendation number then kind."""
    was = {r.number: r for r in before.recommendations}
    now = {r.number: r for r in after.recommendations}
    found = []
    for number, rec in now.items():
        old = was.get(number)
        if old is None:
            found.append(
                Difference("New", number, f"{rec.priority_symbol} {rec.status_label}".strip())
            )
            continue
        if old.status != rec.status:
            if rec.status in CLOSED and old.status not in CLOSED:
                kind = "Closed"
            elif old.status in CLOSED and rec.status not in CLOSED:
                kind = "Reopened"
            else:
                kind = "Status changed"
            found.append(Difference(kind, number, f"{old.status_label} → {rec.status_label}"))
        if old.priority_rank != rec.priority_rank or old.priority_label != rec.priority_label:
            found.append(
                Difference(
                    "Re-rated",
                    number,
                    f"{old.priority_symbol} {old.priority_label} → "
                    f"{rec.priority_symbol} {rec.priority_label}",
                )
            )
        old_actions = {a.number: a for a in old.actions}
        for action in rec.actions:
            prior = old_actions.get(action.number)
            if prior is None:
                found.append(
                    Difference(
                        "Action added", number, f"Action {action.number}: {action.description}"
                    )
                )
                continue
            if (
                prior.due_date != action.due_date
                and action.due_date
                and (prior.due_date is None or action.due_date > prior.due_date)
            ):
                found.append(
                    Difference(
                        "Slipped",
                        number,
                        f"Action {action.number} due {_day(prior.due_date)} → "
                        f"{_day(action.due_date)}",
                    )
                )
            if prior.status != "complete" and action.status == "complete":
                found.append(Difference("Action completed", number, f"Action {action.number}"))
        if (old.verification is None) != (rec.verification is None) or (
            rec.verification
            and old.verification
            and rec.verification.outcome != old.verification.outcome
        ):
            label = rec.verification.outcome_label if rec.verification else "no verification"
            found.append(Difference("Verified", number, label))
    for number in was.keys() - now.keys():
        found.append(Difference("Removed", number, "No longer in the audit"))
    return sorted(found, key=lambda d: (len(d.number), d.number, d.kind))


def _day(value):
    return value.strftime("%-d %B %Y") if value else "none (ongoing)"
