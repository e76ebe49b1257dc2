"""`harambee worker`: run background tasks from the database queue.

The same as django-tasks-db's `db_worker`, under the name the docs use."""

from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand


class Command(DbWorkerCommand):
    help = "Run background tasks (email, notifications) from the database queue."
