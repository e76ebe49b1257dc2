from django.apps import AppConfig


class SampleDataConfig(AppConfig):
    """No models and no pages: the ``demo`` and ``generate`` commands and their data."""

    name = "harambee.sampledata"
    label = "sampledata"
