# Production image: gunicorn serving Django, static files served by WhiteNoise.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# WeasyPrint (the PDFs) lays text out with Pango; fonts come from fonts-dejavu-core, so a PDF
# never needs the network.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

# Dependencies first, so code changes do not reinstall them.
COPY pyproject.toml README.md ./
RUN pip install .

COPY . .
RUN SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput \
    && useradd --system --create-home --uid 1000 itinera \
    && mkdir -p /app/var && chown -R itinera /app/var

USER itinera
EXPOSE 8000

HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status == 200 else 1)"

# Migrations run on start (MIGRATE_ON_START=0 skips them: docker-compose runs them once, in its
# "migrate" service, before any replica starts); gunicorn then serves with a small pool of sync
# workers. Which forwarding headers it believes follows TRUSTED_PROXIES (config/gunicorn.py):
# none by default. The same image runs the job workers: `python manage.py procrastinate worker`.
CMD ["sh", "-c", "if [ \"${MIGRATE_ON_START:-1}\" != 0 ]; then python manage.py migrate --noinput || exit 1; fi; exec gunicorn config.wsgi:application --config python:config.gunicorn --bind 0.0.0.0:8000 --workers ${WEB_CONCURRENCY:-3} --access-logfile -"]
