"""Memberships per person, roles as data, co-chairs allowed.

A seat's ``representative`` becomes its ``person`` and its ``partner`` the partner it
``represents`` (now optional: an independent member represents none). The role, a code choice,
becomes a link to ``trust.MembershipRole``: the roles the stored rows and their history use
(chair, vice-chair, member) are created in the vocabulary, each with its "created" history
row, and every membership row and every historical row is mapped to its role. The one-chair
constraint goes (co-chairs); a person has at most one open seat on a component.

Seats recorded with no representative keep an empty ``person`` (a vacant seat: the partner
still sits on the component); pages require a person for every seat they add or edit.
"""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import Q
from django.utils import timezone

# The former code choices, by their stored value: (name, chairs the meeting, order).
FORMER_ROLES = {
    "chair": ("Chair", True, 10),
    "vice_chair": ("Vice-chair", False, 30),
    "member": ("Member", False, 40),
}
REASON = "The role of a former code list, kept as data"


def roles_to_data(apps, schema_editor):
    role_model = apps.get_model("trust", "MembershipRole")
    role_history = apps.get_model("trust", "HistoricalMembershipRole")
    membership = apps.get_model("partners", "Membership")
    membership_history = apps.get_model("partners", "HistoricalMembership")
    used = set(membership.objects.values_list("role_code", flat=True))
    used |= set(membership_history.objects.values_list("role_code", flat=True))
    roles = {}
    now = timezone.now()
    for code in sorted(used):
        name, is_chair, order = FORMER_ROLES.get(
            code, (code.replace("_", " ").capitalize(), False, 50)
        )
        role, created = role_model.objects.get_or_create(
            name=name, defaults={"is_chair": is_chair, "order": order}
        )
        if created:
            role_history.objects.create(
                id=role.pk,
                version=role.version,
                name=role.name,
                description=role.description,
                is_chair=role.is_chair,
                order=role.order,
                history_date=now,
                history_type="+",
                history_change_reason=REASON,
            )
        roles[code] = role
    # Row by row through the models' save(): no bulk update on tracked tables. The mapping
    # changes no fact about a seat, so it adds no history row; the historical rows are mapped
    # too, so old history reads with the same role.
    for row in membership.objects.all():
        row.role = roles[row.role_code]
        row.save(update_fields=["role"])
    for row in membership_history.objects.all():
        row.role_id = roles[row.role_code].pk
        row.save(update_fields=["role"])


def roles_to_codes(apps, schema_editor):
    role_model = apps.get_model("trust", "MembershipRole")
    membership = apps.get_model("partners", "Membership")
    membership_history = apps.get_model("partners", "HistoricalMembership")
    codes = {name: code for code, (name, _, _) in FORMER_ROLES.items()}
    names = dict(role_model.objects.values_list("pk", "name"))

    def code(role_id):
        return codes.get(names.get(role_id), "member")

    for row in membership.objects.all():
        row.role_code = code(row.role_id)
        row.save(update_fields=["role_code"])
    for row in membership_history.objects.all():
        row.role_code = code(row.role_id)
        row.save(update_fields=["role_code"])


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0004_people_and_partner_pages"),
        ("trust", "0008_membership_roles"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="membership", name="partners_membership_one_chair"),
        migrations.RemoveConstraint(
            model_name="membership", name="partners_membership_unique_seat"
        ),
        migrations.RemoveConstraint(model_name="membership", name="partners_membership_role_valid"),
        # The role: its code kept aside while the link to the vocabulary is filled in.
        migrations.RenameField(model_name="membership", old_name="role", new_name="role_code"),
        migrations.RenameField(
            model_name="historicalmembership", old_name="role", new_name="role_code"
        ),
        migrations.AddField(
            model_name="membership",
            name="role",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="memberships",
                to="trust.membershiprole",
            ),
        ),
        migrations.AddField(
            model_name="historicalmembership",
            name="role",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="trust.membershiprole",
            ),
        ),
        migrations.RunPython(roles_to_data, roles_to_codes),
        migrations.RemoveField(model_name="membership", name="role_code"),
        migrations.RemoveField(model_name="historicalmembership", name="role_code"),
        migrations.AlterField(
            model_name="membership",
            name="role",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="memberships",
                to="trust.membershiprole",
            ),
        ),
        # The person and the partner they represent: the same columns, renamed.
        migrations.RenameField(
            model_name="membership", old_name="representative", new_name="person"
        ),
        migrations.RenameField(
            model_name="historicalmembership", old_name="representative", new_name="person"
        ),
        migrations.RenameField(model_name="membership", old_name="partner", new_name="represents"),
        migrations.RenameField(
            model_name="historicalmembership", old_name="partner", new_name="represents"
        ),
        migrations.AlterField(
            model_name="membership",
            name="represents",
            field=models.ForeignKey(
                blank=True,
                help_text="The partner organisation this member represents; none for an "
                "independent member.",
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="memberships",
                to="partners.partner",
            ),
        ),
        migrations.AlterField(
            model_name="historicalmembership",
            name="represents",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="The partner organisation this member represents; none for an "
                "independent member.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="partners.partner",
            ),
        ),
        migrations.AddField(
            model_name="membership",
            name="expected_to_attend",
            field=models.BooleanField(
                default=True,
                help_text="Whether this member is expected at the component's meetings.",
            ),
        ),
        migrations.AddField(
            model_name="historicalmembership",
            name="expected_to_attend",
            field=models.BooleanField(
                default=True,
                help_text="Whether this member is expected at the component's meetings.",
            ),
        ),
        migrations.AlterModelOptions(
            name="membership",
            options={"ordering": ["component", "role__order", "role__name", "person__name"]},
        ),
        migrations.AddConstraint(
            model_name="membership",
            constraint=models.UniqueConstraint(
                condition=Q(ended__isnull=True),
                fields=("component", "person"),
                name="partners_membership_one_open_seat",
                violation_error_message="This person already has an open seat on this component.",
            ),
        ),
        migrations.AddConstraint(
            model_name="membership",
            constraint=models.CheckConstraint(
                condition=Q(person__isnull=False) | Q(represents__isnull=False),
                name="partners_membership_names_someone",
                violation_error_message="A seat names a person or the partner it belongs to.",
            ),
        ),
    ]
