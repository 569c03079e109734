import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """The components' function is now the key filled in by 0006: the old code goes."""

    dependencies = [
        ("trust", "0006_functions_as_data_and_reporting_lines"),
    ]

    operations = [
        # A default first, so that going back can add the old column to rows that exist.
        migrations.AlterField(
            model_name="component",
            name="function",
            field=models.CharField(default="", max_length=20),
        ),
        migrations.AlterField(
            model_name="historicalcomponent",
            name="function",
            field=models.CharField(default="", max_length=20),
        ),
        migrations.RemoveField(model_name="component", name="function"),
        migrations.RemoveField(model_name="historicalcomponent", name="function"),
        migrations.RenameField(
            model_name="component", old_name="function_new", new_name="function"
        ),
        migrations.RenameField(
            model_name="historicalcomponent", old_name="function_new", new_name="function"
        ),
        migrations.AlterField(
            model_name="component",
            name="function",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.RESTRICT,
                related_name="components",
                to="trust.function",
            ),
        ),
    ]
