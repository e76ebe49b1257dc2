"""Settings of the bare Django hello-world: no apps, no middleware, no database."""

SECRET_KEY = "hello-world-benchmark-only"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "benchmarks.hello.urls"
INSTALLED_APPS: list[str] = []
MIDDLEWARE: list[str] = []
DATABASES: dict[str, dict] = {}
USE_TZ = True
WSGI_APPLICATION = "benchmarks.hello.wsgi.application"
