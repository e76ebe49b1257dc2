import pytest

from harambee.portal.tests import helpers


@pytest.fixture
def world(cast):
    return helpers.build(cast)
