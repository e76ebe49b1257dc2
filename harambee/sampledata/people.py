"""The demo's organisations and people (``data/people.toml``)."""

from __future__ import annotations

from datetime import datetime, timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password

from harambee.people.models import Organisation, User
from harambee.sampledata.datafiles import read, records
from harambee.sampledata.specs import Org, Person

DEMO_PASSWORD = "harambee-demo"

# The sign-ins the README and the tests name, with what each shows. Everyone else
# shares the same password.
DEMO_SIGN_INS: tuple[tuple[str, str], ...] = tuple(
    (email, note) for email, note in read("people")["sign_ins"]
)
ORGANISATIONS: tuple[Org, ...] = records(Org, read("people")["organisations"])
PEOPLE: tuple[Person, ...] = records(Person, read("people")["people"])


def load_organisations() -> dict[str, Organisation]:
    return {
        org.key: Organisation.objects.create(
            name=org.name,
            sector=org.sector,
            country=org.country,
            relationship=org.relationship,
            description=org.description,
        )
        for org in ORGANISATIONS
    }


def load_people(orgs: dict[str, Organisation], now: datetime) -> dict[str, User]:
    # One hash for everybody: hashing forty passwords with Argon2 takes seconds.
    password = make_password(DEMO_PASSWORD)
    people: dict[str, User] = {}
    for n, person in enumerate(PEOPLE):
        user = User(
            email=person.email,
            password=password,
            display_name=person.name,
            role=person.role,
            organisation=orgs[person.org] if person.org else None,
            sector=person.sector,
            country=person.country,
            languages=list(person.languages),
            time_zone=person.time_zone,
            bio=person.bio,
            channels=list(person.channels),
            date_joined=now - timedelta(days=120 - n),
        )
        user.save()
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        people[person.key] = user
    return people
