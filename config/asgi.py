import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_asgi_application()

# As config/wsgi.py: no ASGI server runs system checks, so it refuses here without static files.
from config.checks import refuse_to_serve_without_static_files  # noqa: E402

refuse_to_serve_without_static_files()
