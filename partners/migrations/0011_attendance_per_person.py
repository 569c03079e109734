"""Attendance per person (schema): statuses "sent a substitute" and "in attendance", the
substitute and a note, the partner optional (a person of no partner), a partner may be the
host authority. The one row per partner per meeting rule goes; one per person comes in 0015,
after 0014 has named the person on the rows that had none."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0010_meeting_records"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="attendance",
            options={
                "ordering": ["meeting", "partner__name", "person__name"],
                "verbose_name_plural": "attendance",
            },
        ),
        migrations.RemoveConstraint(
            model_name="attendance",
            name="partners_attendance_status_valid",
        ),
        migrations.RemoveConstraint(
            model_name="attendance",
            name="partners_attendance_once_per_meeting",
        ),
        migrations.AddField(
            model_name="attendance",
            name="note",
            field=models.CharField(blank=True, max_length=300),
        ),
        migrations.AddField(
            model_name="attendance",
            name="substitute",
            field=models.ForeignKey(
                blank=True,
                help_text="Who came instead.",
                null=True,
                on_delete=django.db.models.deletion.RESTRICT,
                related_name="substituted_for",
                to="partners.person",
            ),
        ),
        migrations.AddField(
            model_name="historicalattendance",
            name="note",
            field=models.CharField(blank=True, max_length=300),
        ),
        migrations.AddField(
            model_name="historicalattendance",
            name="substitute",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="Who came instead.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="partners.person",
            ),
        ),
        migrations.AddField(
            model_name="historicalpartner",
            name="is_host_authority",
            field=models.BooleanField(
                default=False,
                help_text="The council hosting the partnership (at most one partner): quorum rules count the partners present other than it.",
                verbose_name="host authority",
            ),
        ),
        migrations.AddField(
            model_name="partner",
            name="is_host_authority",
            field=models.BooleanField(
                default=False,
                help_text="The council hosting the partnership (at most one partner): quorum rules count the partners present other than it.",
                verbose_name="host authority",
            ),
        ),
        migrations.AlterField(
            model_name="attendance",
            name="partner",
            field=models.ForeignKey(
                blank=True,
                help_text="The organisation this attendance counts for; none for a person of none.",
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="attendance",
                to="partners.partner",
            ),
        ),
        migrations.AlterField(
            model_name="attendance",
            name="status",
            field=models.CharField(
                choices=[
                    ("present", "Present"),
                    ("apologies", "Sent apologies"),
                    ("absent", "Absent"),
                    ("substitute", "Sent a substitute"),
                    ("attending", "In attendance"),
                ],
                max_length=10,
            ),
        ),
        migrations.AlterField(
            model_name="historicalattendance",
            name="partner",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="The organisation this attendance counts for; none for a person of none.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="partners.partner",
            ),
        ),
        migrations.AlterField(
            model_name="historicalattendance",
            name="status",
            field=models.CharField(
                choices=[
                    ("present", "Present"),
                    ("apologies", "Sent apologies"),
                    ("absent", "Absent"),
                    ("substitute", "Sent a substitute"),
                    ("attending", "In attendance"),
                ],
                max_length=10,
            ),
        ),
        migrations.AddConstraint(
            model_name="attendance",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("status__in", ["present", "apologies", "absent", "substitute", "attending"])
                ),
                name="partners_attendance_status_valid",
            ),
        ),
        migrations.AddConstraint(
            model_name="attendance",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("person__isnull", False), ("partner__isnull", False), _connector="OR"
                ),
                name="partners_attendance_names_someone",
                violation_error_message="Attendance names a person.",
            ),
        ),
        migrations.AddConstraint(
            model_name="attendance",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("status", "substitute"), ("substitute__isnull", False)),
                    models.Q(
                        models.Q(("status", "substitute"), _negated=True),
                        ("substitute__isnull", True),
                    ),
                    _connector="OR",
                ),
                name="partners_attendance_substitute_named",
                violation_error_message="Name who came instead (only for a substitute).",
            ),
        ),
        migrations.AddConstraint(
            model_name="partner",
            constraint=models.UniqueConstraint(
                condition=models.Q(("is_host_authority", True)),
                fields=("is_host_authority",),
                name="partners_partner_one_host_authority",
                violation_error_message="Another partner is already the host authority.",
            ),
        ),
    ]
