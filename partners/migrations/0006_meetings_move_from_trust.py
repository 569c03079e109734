"""Meetings move down to ``partners``: the model is taken over in Django's state on the tables
trust 0009 renamed (no row is copied, so ids, attachments and history stay as they were); the
history table's as-at indexes take this app's names, and the content types follow, so
attachments and permissions still point at the same meetings."""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

MOVED = ("meeting", "historicalmeeting")
# The history table's indexes: (fields, the name under trust, the name under partners).
INDEXES = [
    (["id", "history_date"], "trust_histo_id_208313_idx", "partners_hi_id_3c6412_idx"),
    (
        ["component_id", "history_date", "valid_to"],
        "trust_histo_compone_d6cc0e_idx",
        "partners_hi_compone_0d3137_idx",
    ),
]


def rename_indexes(apps, schema_editor, backwards=False):
    model = apps.get_model("partners", "HistoricalMeeting")
    for fields, old, new in INDEXES:
        old, new = (new, old) if backwards else (old, new)
        schema_editor.rename_index(
            model, models.Index(fields=fields, name=old), models.Index(fields=fields, name=new)
        )


def relabel(apps, schema_editor, source="trust", target="partners"):
    content_type = apps.get_model("contenttypes", "ContentType")
    for name in MOVED:
        # A content type made for the new label before this ran (none is used yet) gives way.
        content_type.objects.filter(app_label=target, model=name).delete()
        content_type.objects.filter(app_label=source, model=name).update(app_label=target)


def forwards(apps, schema_editor):
    rename_indexes(apps, schema_editor)
    relabel(apps, schema_editor)


def backwards(apps, schema_editor):
    rename_indexes(apps, schema_editor, backwards=True)
    relabel(apps, schema_editor, source="partners", target="trust")


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("partners", "0005_memberships_per_person"),
        ("trust", "0009_meeting_tables_move_to_partners"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Meeting",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("version", models.PositiveIntegerField(default=1, editable=False)),
                        ("date", models.DateField()),
                        ("title", models.CharField(max_length=200)),
                        ("location", models.CharField(blank=True, max_length=200)),
                        ("notes", models.TextField(blank=True)),
                        (
                            "component",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="meetings",
                                to="trust.component",
                            ),
                        ),
                    ],
                    options={
                        "ordering": ["-date", "component__order"],
                    },
                ),
                migrations.AlterField(
                    model_name="attendance",
                    name="meeting",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="attendance",
                        to="partners.meeting",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalattendance",
                    name="meeting",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="partners.meeting",
                    ),
                ),
                migrations.CreateModel(
                    name="HistoricalMeeting",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True, blank=True, db_index=True, verbose_name="ID"
                            ),
                        ),
                        (
                            "valid_to",
                            models.DateTimeField(
                                blank=True,
                                editable=False,
                                help_text="When the next change to this record was made; empty for the latest row.",
                                null=True,
                                verbose_name="valid until",
                            ),
                        ),
                        ("version", models.PositiveIntegerField(default=1, editable=False)),
                        ("date", models.DateField()),
                        ("title", models.CharField(max_length=200)),
                        ("location", models.CharField(blank=True, max_length=200)),
                        ("notes", models.TextField(blank=True)),
                        ("history_id", models.AutoField(primary_key=True, serialize=False)),
                        ("history_date", models.DateTimeField(db_index=True)),
                        ("history_change_reason", models.TextField(null=True)),
                        (
                            "history_type",
                            models.CharField(
                                choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")],
                                max_length=1,
                            ),
                        ),
                        (
                            "component",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="trust.component",
                            ),
                        ),
                        (
                            "history_user",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical meeting",
                        "verbose_name_plural": "historical meetings",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "indexes": [
                            models.Index(
                                fields=["id", "history_date"], name="partners_hi_id_3c6412_idx"
                            ),
                            models.Index(
                                fields=["component_id", "history_date", "valid_to"],
                                name="partners_hi_compone_0d3137_idx",
                            ),
                        ],
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.AddConstraint(
                    model_name="meeting",
                    constraint=models.UniqueConstraint(
                        fields=("component", "date", "title"), name="trust_meeting_unique_per_day"
                    ),
                ),
            ],
        ),
        migrations.RunPython(forwards, backwards),
    ]
