"""Meetings as the partnership records them: start time, mode, status, chair and the action
plan of the actions arising; agenda items, decisions and key messages relayed.

Meetings recorded before they had a status were recorded as they happened: those dated before
today are held, the rest scheduled. The rows and their historical rows alike say so (as the
roles did in 0005), so the history reads as it did: no fact about a meeting changed.
"""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


def past_meetings_held(apps, schema_editor):
    import datetime

    today = datetime.date.today()
    for name in ("Meeting", "HistoricalMeeting"):
        model = apps.get_model("partners", name)
        for row in model.objects.filter(date__lt=today):
            row.status = "held"
            row.save(update_fields=["status"])


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0009_meeting_location_becomes_venue"),
        ("trust", "0010_meeting_moved_to_partners"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="AgendaItem",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("version", models.PositiveIntegerField(default=1, editable=False)),
                ("order", models.PositiveSmallIntegerField(help_text="Its number on the agenda.")),
                ("title", models.CharField(max_length=300)),
                ("notes", models.TextField(blank=True)),
            ],
            options={
                "verbose_name": "agenda item",
                "ordering": ["meeting", "order", "pk"],
            },
        ),
        migrations.CreateModel(
            name="Decision",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("version", models.PositiveIntegerField(default=1, editable=False)),
                (
                    "reference",
                    models.CharField(
                        help_text="As the minutes number it, for example PB/2025/12.",
                        max_length=50,
                    ),
                ),
                ("wording", models.TextField(help_text="The decision as minuted.")),
                (
                    "decided_by",
                    models.TextField(
                        blank=True,
                        help_text="For example, “Agreed unanimously by the members present”.",
                        verbose_name="decided by whom and how",
                    ),
                ),
            ],
            options={
                "ordering": ["-meeting__date", "reference"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalAgendaItem",
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
                ("order", models.PositiveSmallIntegerField(help_text="Its number on the agenda.")),
                ("title", models.CharField(max_length=300)),
                ("notes", models.TextField(blank=True)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
            ],
            options={
                "verbose_name": "historical agenda item",
                "verbose_name_plural": "historical agenda items",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalAgendaItem_priorities",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
            ],
            options={
                "verbose_name": "HistoricalAgendaItem_priorities",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalDecision",
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
                (
                    "reference",
                    models.CharField(
                        help_text="As the minutes number it, for example PB/2025/12.",
                        max_length=50,
                    ),
                ),
                ("wording", models.TextField(help_text="The decision as minuted.")),
                (
                    "decided_by",
                    models.TextField(
                        blank=True,
                        help_text="For example, “Agreed unanimously by the members present”.",
                        verbose_name="decided by whom and how",
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
            ],
            options={
                "verbose_name": "historical decision",
                "verbose_name_plural": "historical decisions",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalKeyMessage",
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
                ("message", models.TextField()),
                ("sent_on", models.DateField(blank=True, null=True, verbose_name="date sent")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
            ],
            options={
                "verbose_name": "historical key message",
                "verbose_name_plural": "historical key messages",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="KeyMessage",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("version", models.PositiveIntegerField(default=1, editable=False)),
                ("message", models.TextField()),
                ("sent_on", models.DateField(blank=True, null=True, verbose_name="date sent")),
            ],
            options={
                "verbose_name": "key message",
                "ordering": ["meeting", "sent_on", "pk"],
            },
        ),
        migrations.AddField(
            model_name="historicalmeeting",
            name="action_plan",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="partners.actionplan",
            ),
        ),
        migrations.AddField(
            model_name="historicalmeeting",
            name="chair",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="Who chaired it (or will): by default the component's chair.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="partners.person",
            ),
        ),
        migrations.AddField(
            model_name="historicalmeeting",
            name="mode",
            field=models.CharField(
                choices=[("in_person", "In person"), ("virtual", "Virtual"), ("hybrid", "Hybrid")],
                default="in_person",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="historicalmeeting",
            name="start_time",
            field=models.TimeField(
                blank=True, help_text="For example, 14:00. Leave empty if not known.", null=True
            ),
        ),
        migrations.AddField(
            model_name="historicalmeeting",
            name="status",
            field=models.CharField(
                choices=[("scheduled", "Scheduled"), ("held", "Held"), ("cancelled", "Cancelled")],
                default="scheduled",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="meeting",
            name="action_plan",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="meeting",
                to="partners.actionplan",
            ),
        ),
        migrations.AddField(
            model_name="meeting",
            name="chair",
            field=models.ForeignKey(
                blank=True,
                help_text="Who chaired it (or will): by default the component's chair.",
                null=True,
                on_delete=django.db.models.deletion.RESTRICT,
                related_name="chaired_meetings",
                to="partners.person",
            ),
        ),
        migrations.AddField(
            model_name="meeting",
            name="mode",
            field=models.CharField(
                choices=[("in_person", "In person"), ("virtual", "Virtual"), ("hybrid", "Hybrid")],
                default="in_person",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="meeting",
            name="start_time",
            field=models.TimeField(
                blank=True, help_text="For example, 14:00. Leave empty if not known.", null=True
            ),
        ),
        migrations.AddField(
            model_name="meeting",
            name="status",
            field=models.CharField(
                choices=[("scheduled", "Scheduled"), ("held", "Held"), ("cancelled", "Cancelled")],
                default="scheduled",
                max_length=10,
            ),
        ),
        migrations.AlterField(
            model_name="historicalmeeting",
            name="notes",
            field=models.TextField(
                blank=True,
                help_text="Attach the minutes and papers as files.",
                verbose_name="notes or minutes",
            ),
        ),
        migrations.AlterField(
            model_name="meeting",
            name="notes",
            field=models.TextField(
                blank=True,
                help_text="Attach the minutes and papers as files.",
                verbose_name="notes or minutes",
            ),
        ),
        migrations.AddConstraint(
            model_name="meeting",
            constraint=models.CheckConstraint(
                condition=models.Q(("status__in", ["scheduled", "held", "cancelled"])),
                name="partners_meeting_status_valid",
            ),
        ),
        migrations.AddConstraint(
            model_name="meeting",
            constraint=models.CheckConstraint(
                condition=models.Q(("mode__in", ["in_person", "virtual", "hybrid"])),
                name="partners_meeting_mode_valid",
            ),
        ),
        migrations.AlterConstraint(
            model_name="meeting",
            name="trust_meeting_unique_per_day",
            constraint=models.UniqueConstraint(
                fields=("component", "date", "title"),
                name="trust_meeting_unique_per_day",
                violation_error_message="This component already has a meeting with this title on this day.",
            ),
        ),
        migrations.AddField(
            model_name="agendaitem",
            name="meeting",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="agenda_items",
                to="partners.meeting",
            ),
        ),
        migrations.AddField(
            model_name="agendaitem",
            name="presenter",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.RESTRICT,
                related_name="agenda_items_presented",
                to="partners.person",
            ),
        ),
        migrations.AddField(
            model_name="agendaitem",
            name="priorities",
            field=models.ManyToManyField(
                blank=True,
                related_name="agenda_items",
                to="trust.priority",
                verbose_name="plan priorities discussed",
            ),
        ),
        migrations.AddField(
            model_name="decision",
            name="agenda_item",
            field=models.ForeignKey(
                blank=True,
                help_text="The item it was taken under, if any.",
                null=True,
                on_delete=django.db.models.deletion.RESTRICT,
                related_name="decisions",
                to="partners.agendaitem",
            ),
        ),
        migrations.AddField(
            model_name="decision",
            name="meeting",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="decisions",
                to="partners.meeting",
            ),
        ),
        migrations.AddField(
            model_name="historicalagendaitem",
            name="history_user",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="historicalagendaitem",
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
        migrations.AddField(
            model_name="historicalagendaitem",
            name="presenter",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="partners.person",
            ),
        ),
        migrations.AddField(
            model_name="historicalagendaitem_priorities",
            name="agendaitem",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                db_tablespace="",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="partners.agendaitem",
            ),
        ),
        migrations.AddField(
            model_name="historicalagendaitem_priorities",
            name="history",
            field=models.ForeignKey(
                db_constraint=False,
                on_delete=django.db.models.deletion.DO_NOTHING,
                to="partners.historicalagendaitem",
            ),
        ),
        migrations.AddField(
            model_name="historicalagendaitem_priorities",
            name="priority",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                db_tablespace="",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="trust.priority",
            ),
        ),
        migrations.AddField(
            model_name="historicaldecision",
            name="agenda_item",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="The item it was taken under, if any.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="partners.agendaitem",
            ),
        ),
        migrations.AddField(
            model_name="historicaldecision",
            name="history_user",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="historicaldecision",
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
        migrations.AddField(
            model_name="historicalkeymessage",
            name="history_user",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="historicalkeymessage",
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
        migrations.AddField(
            model_name="historicalkeymessage",
            name="sent_by",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="partners.person",
            ),
        ),
        migrations.AddField(
            model_name="historicalkeymessage",
            name="to_body",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="trust.externalbody",
                verbose_name="sent to an external body",
            ),
        ),
        migrations.AddField(
            model_name="historicalkeymessage",
            name="to_component",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="trust.component",
                verbose_name="sent to a component",
            ),
        ),
        migrations.AddField(
            model_name="keymessage",
            name="meeting",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="key_messages",
                to="partners.meeting",
            ),
        ),
        migrations.AddField(
            model_name="keymessage",
            name="sent_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.RESTRICT,
                related_name="key_messages_sent",
                to="partners.person",
            ),
        ),
        migrations.AddField(
            model_name="keymessage",
            name="to_body",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="key_messages_received",
                to="trust.externalbody",
                verbose_name="sent to an external body",
            ),
        ),
        migrations.AddField(
            model_name="keymessage",
            name="to_component",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="key_messages_received",
                to="trust.component",
                verbose_name="sent to a component",
            ),
        ),
        migrations.AddConstraint(
            model_name="agendaitem",
            constraint=models.UniqueConstraint(
                fields=("meeting", "order"),
                name="partners_agenda_item_order_unique",
                violation_error_message="This meeting already has an item with this number.",
            ),
        ),
        migrations.AddConstraint(
            model_name="decision",
            constraint=models.UniqueConstraint(
                fields=("meeting", "reference"),
                name="partners_decision_reference_unique",
                violation_error_message="This meeting already has a decision with this reference.",
            ),
        ),
        migrations.AddConstraint(
            model_name="decision",
            constraint=models.CheckConstraint(
                condition=models.Q(("reference", ""), _negated=True),
                name="partners_decision_reference_not_blank",
            ),
        ),
        migrations.AddIndex(
            model_name="historicalagendaitem",
            index=models.Index(fields=["id", "history_date"], name="partners_hi_id_055317_idx"),
        ),
        migrations.AddIndex(
            model_name="historicalagendaitem",
            index=models.Index(
                fields=["meeting_id", "history_date", "valid_to"],
                name="partners_hi_meeting_744c34_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="historicaldecision",
            index=models.Index(fields=["id", "history_date"], name="partners_hi_id_b30609_idx"),
        ),
        migrations.AddIndex(
            model_name="historicaldecision",
            index=models.Index(
                fields=["meeting_id", "history_date", "valid_to"],
                name="partners_hi_meeting_dc0769_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="historicalkeymessage",
            index=models.Index(fields=["id", "history_date"], name="partners_hi_id_84266a_idx"),
        ),
        migrations.AddIndex(
            model_name="historicalkeymessage",
            index=models.Index(
                fields=["meeting_id", "history_date", "valid_to"],
                name="partners_hi_meeting_9ce588_idx",
            ),
        ),
        migrations.AddConstraint(
            model_name="keymessage",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("to_body__isnull", True), ("to_component__isnull", False)),
                    models.Q(("to_body__isnull", False), ("to_component__isnull", True)),
                    _connector="OR",
                ),
                name="partners_key_message_one_recipient",
                violation_error_message="Choose a component or an external body to send it to, not both.",
            ),
        ),
        migrations.RunPython(past_meetings_held, migrations.RunPython.noop),
    ]
