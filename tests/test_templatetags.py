from decimal import Decimal

from trust.templatetags.govuk import measure


def test_a_measure_reads_as_a_person_would_write_it():
    assert (
        measure(Decimal("49.90"), "per 1,000 girls aged 15-17")
        == "49.90 per 1,000 girls aged 15-17"
    )
    assert measure(Decimal("9.70"), "%") == "9.70%"
    assert measure(Decimal("12.00"), "") == "12"
    assert measure(None, "%") == "—"
