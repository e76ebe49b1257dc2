from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "harambee.people"
    label = "people"
