"""Meetings move down to ``partners`` (DESIGN.md, "Decided for wave 2"), keeping every row,
id, attachment and history row: the tables are renamed here; partners 0006 takes the model
over in Django's state, and trust 0010 lets go of it."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("trust", "0008_membership_roles"),
        # Every migration that names the old table runs first (attendance points at it).
        ("partners", "0005_memberships_per_person"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable("meeting", "partners_meeting"),
                migrations.AlterModelTable("historicalmeeting", "partners_historicalmeeting"),
            ],
        ),
    ]
