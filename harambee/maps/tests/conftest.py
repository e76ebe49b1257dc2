import pytest

from harambee.maps.tests import helpers


@pytest.fixture
def mapworld(cast):
    return helpers.build(cast)
