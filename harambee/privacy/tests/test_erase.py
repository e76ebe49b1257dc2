"""Deleting an account: nothing that identified the person is left anywhere, and what
they wrote stays signed by "a former member" or goes, as they chose."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from harambee.core.models import Comment, Content
from harambee.insights.models import ItemRead
from harambee.people.models import User
from harambee.privacy import erase
from harambee.privacy.tests import world
from harambee.search.models import Entry


def _tables_holding(needle: str) -> list[str]:
    """Every table of the database, every column, read as text: where ``needle`` is."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            try:
                columns = connection.introspection.get_table_description(cursor, table)
            except Exception:  # a virtual table's shadow parts describe nothing useful
                continue
            for column in columns:
                name = connection.ops.quote_name(column.name)
                cast = "TEXT" if connection.vendor == "sqlite" else "text"
                cursor.execute(
                    f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)} "  # noqa: S608
                    f"WHERE LOWER(CAST({name} AS {cast})) LIKE %s",
                    [f"%{needle.lower()}%"],
                )
                if cursor.fetchone()[0]:
                    found.append(f"{table}.{column.name}")
    return found


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("keep", [True, False], ids=["keep-content", "delete-content"])
def test_no_table_keeps_the_email_or_phone_after_erasing(keep):
    w = world.build()
    amina_client = Client()
    amina_client.force_login(w.amina, backend="django.contrib.auth.backends.ModelBackend")
    phone_digits = world.PHONE.lstrip("+")
    # The world is as rich as promised: both identifiers are really written down.
    assert _tables_holding(world.EMAIL)
    assert _tables_holding(phone_digits)
    assert Entry.objects.filter(body__icontains=world.EMAIL).exists()

    erase.account_erase(user=w.amina, keep_content=keep)

    assert _tables_holding(world.EMAIL) == []
    assert _tables_holding(phone_digits) == []
    assert _tables_holding("Forester in Nyeri") == []
    amina = User.objects.get(pk=w.amina.pk)
    assert not amina.is_active and not amina.has_usable_password() and amina.erased
    assert not ItemRead.objects.filter(user=amina).exists()
    assert amina.display_name == "a former member"
    # Her session ended: a page behind sign-in sends the old browser to sign in.
    response = amina_client.get(reverse("privacy:home"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    # Others' words stay, with her address taken out.
    theirs = Content.objects.get(pk=w.theirs.pk)
    assert "[removed]" in theirs.body and "Ask her at" in theirs.body
    assert Comment.objects.filter(body="A reply to Amina").exists()
    if keep:
        assert Content.objects.filter(pk=w.public.pk, author=amina).exists()
        assert Comment.objects.filter(pk=w.lonely.pk, body="Lonely comment by Amina").exists()
        other = Client()
        other.force_login(w.other, backend="django.contrib.auth.backends.ModelBackend")
        page = other.get(w.public.get_absolute_url())
        assert page.status_code == 200
        assert "a former member" in page.content.decode()
        assert "Amina Wanjiru" not in page.content.decode()
    else:
        assert not Content.objects.filter(author=amina).exists()
        assert not Comment.objects.filter(pk=w.lonely.pk).exists()
        emptied = Comment.objects.get(pk=w.answered.pk)
        assert emptied.removed and emptied.body == ""
        assert not Entry.objects.filter(content_id=w.public.pk).exists()


@pytest.mark.django_db
def test_the_sweep_leaves_other_addresses_and_numbers_alone():
    from harambee.conftest import make_user
    from harambee.reach.models import Contact

    w = world.build()
    lookalike = make_user(email="x" + world.EMAIL, display_name="Xavier")
    Contact.objects.create(phone=world.PHONE + "9", name="Longer number")
    erase.account_erase(user=w.amina, keep_content=True)
    assert User.objects.get(pk=lookalike.pk).email == "x" + world.EMAIL
    assert Contact.objects.filter(phone=world.PHONE + "9").exists()


@pytest.mark.django_db
def test_the_only_steward_cannot_leave(client_for):
    w = world.build()
    User.objects.filter(role="steward").exclude(pk=w.steward.pk).delete()
    with pytest.raises(erase.EraseRefused):
        erase.account_erase(user=w.steward, keep_content=True)
    page = client_for(w.steward).get(reverse("privacy:erase"))
    assert "only steward" in page.content.decode()
    assert User.objects.get(pk=w.steward.pk).is_active


@pytest.mark.django_db
def test_the_form_asks_for_the_password_and_loses_nothing_on_a_wrong_one(client_for):
    w = world.build()
    w.amina.set_password("a long pass phrase")
    w.amina.save()
    client = client_for(w.amina)
    page = client.post(
        reverse("privacy:erase"),
        {"content": "keep", "password": "wrong", "confirm": "on"},
    )
    assert page.status_code == 200
    assert "That is not your password." in page.content.decode()
    assert User.objects.get(pk=w.amina.pk).email == world.EMAIL

    unconfirmed = client.post(
        reverse("privacy:erase"), {"content": "keep", "password": "a long pass phrase"}
    )
    assert unconfirmed.status_code == 200
    assert User.objects.get(pk=w.amina.pk).is_active

    done = client.post(
        reverse("privacy:erase"),
        {"content": "delete", "password": "a long pass phrase", "confirm": "on"},
    )
    assert done.status_code == 302
    assert not User.objects.get(pk=w.amina.pk).is_active
    assert not Content.objects.filter(pk=w.public.pk).exists()
    # Signed out.
    assert client.get(reverse("privacy:home")).status_code == 302
    assert not Client().login(email=world.EMAIL, password="a long pass phrase")


@pytest.mark.django_db
def test_an_account_without_a_password_confirms_with_its_email(client_for):
    w = world.build()
    w.amina.set_unusable_password()
    w.amina.save()
    client = client_for(w.amina)
    wrong = client.post(
        reverse("privacy:erase"), {"content": "keep", "email": "someone@else.org", "confirm": "on"}
    )
    assert "That is not your account" in wrong.content.decode()
    done = client.post(
        reverse("privacy:erase"), {"content": "keep", "email": world.EMAIL.upper(), "confirm": "on"}
    )
    assert done.status_code == 302
    assert not User.objects.get(pk=w.amina.pk).is_active
