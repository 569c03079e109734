"""A meeting's ``location`` is called its ``venue``: the column is renamed in the table and in
its history table, so every stored value and every historical row keeps what it said."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("partners", "0008_governing_documents_to_terms")]

    operations = [
        migrations.RenameField(model_name="meeting", old_name="location", new_name="venue"),
        migrations.RenameField(
            model_name="historicalmeeting", old_name="location", new_name="venue"
        ),
    ]
