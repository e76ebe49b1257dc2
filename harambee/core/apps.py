from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "harambee.core"
    label = "core"
