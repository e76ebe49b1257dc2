from django.apps import AppConfig


class SpacesConfig(AppConfig):
    name = "harambee.spaces"
    label = "spaces"
