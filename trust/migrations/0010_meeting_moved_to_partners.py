"""Meetings now belong to ``partners`` (partners 0006): trust lets go of them in Django's state
only; the tables already carry the partners names."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("trust", "0009_meeting_tables_move_to_partners"),
        ("partners", "0006_meetings_move_from_trust"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(model_name="meeting", name="component"),
                migrations.DeleteModel(name="HistoricalMeeting"),
                migrations.DeleteModel(name="Meeting"),
            ],
        ),
    ]
