"""Attendance per person (schema): a person's attendance is recorded once per meeting."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("partners", "0012_attendance_rows_name_their_person")]

    operations = [
        migrations.AddConstraint(
            model_name="attendance",
            constraint=models.UniqueConstraint(
                fields=("meeting", "person"),
                name="partners_attendance_once_per_person",
                violation_error_message="This person's attendance is already recorded.",
            ),
        ),
    ]
