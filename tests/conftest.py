import pytest

from tests import factories
from trust.permissions import Role


@pytest.fixture
def dcs_user(db):
    return factories.UserFactory(username="dcs-staff", role=Role.DCS)


@pytest.fixture
def auditor(db):
    return factories.UserFactory(username="auditor", role=Role.AUDITOR)
