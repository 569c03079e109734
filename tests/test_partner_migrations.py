"""partners 0004: each stored sector choice becomes a link to a row of the partnership's
sectors, for the partners and for every row of their history, so old history still reads
correctly; and back again."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("partners", "0003_restrict_people_named_in_records"), ("trust", "0005_sectors")]
AFTER = [("partners", "0004_people_and_partner_pages")]
WHEN = datetime.datetime(2007, 1, 1, tzinfo=datetime.UTC)


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_sector_choices_become_sector_rows_for_partners_and_their_history():
    apps = migrate(BEFORE)
    Partner = apps.get_model("partners", "Partner")
    HistoricalPartner = apps.get_model("partners", "HistoricalPartner")
    Sector = apps.get_model("trust", "Sector")
    Sector.objects.create(name="Police", order=9, description="Kept as it is.")
    police = Partner.objects.create(name="West Yorkshire Police", sector="police")
    for sector, days in (("other", 0), ("police", 30)):
        HistoricalPartner.objects.create(
            id=police.pk,
            version=1,
            name=police.name,
            sector=sector,
            duty_to_cooperate=True,
            history_date=WHEN + datetime.timedelta(days=days),
            history_type="+" if not days else "~",
        )

    apps = migrate(AFTER)
    Partner = apps.get_model("partners", "Partner")
    Sector = apps.get_model("trust", "Sector")
    HistoricalSector = apps.get_model("trust", "HistoricalSector")
    partner = Partner.objects.get()
    assert partner.sector.name == "Police" and partner.sector.order == 9  # the existing row
    assert partner.duty_to_cooperate is False  # as stored: not turned into "not known"
    rows = apps.get_model("partners", "HistoricalPartner").objects.order_by("history_date")
    assert [row.sector_id for row in rows] == [
        Sector.objects.get(name="Other").pk,
        partner.sector_id,
    ]
    other = Sector.objects.get(name="Other")  # created from the old label, with its history
    assert HistoricalSector.objects.filter(id=other.pk, history_type="+").count() == 1
    assert not Sector.objects.filter(name="Health").exists()  # only the values in use

    apps = migrate(BEFORE)
    Partner = apps.get_model("partners", "Partner")
    assert Partner.objects.get().sector == "police"
    rows = apps.get_model("partners", "HistoricalPartner").objects.order_by("history_date")
    assert [row.sector for row in rows] == ["other", "police"]
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
