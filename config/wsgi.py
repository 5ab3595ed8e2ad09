import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

# gunicorn runs no system check: without collected static files (DEBUG off) it would answer
# 500 on every page, so it refuses to load the app instead, with the check's message.
from config.checks import refuse_to_serve_without_static_files  # noqa: E402

refuse_to_serve_without_static_files()
