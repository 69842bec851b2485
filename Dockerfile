# kidash as a container image: slim Python, non-root, pinned requirements, the shipped data.
#   docker build -t kidash .
#   docker run -p 8501:8501 kidash
# Settings by environment variable (see docs/DEPLOY.md):
#   KIDASH_HOME                      where the embedded store (SQLite) lives: a volume, /var/lib/kidash
#   KIDASH_DATABASE_URL              a PostgreSQL server instead (postgresql+psycopg://user:pw@host/db), for replicas
#   KIDASH_DATA_DIR                  read a folder of CSV files instead of the store, read only
#   STREAMLIT_SERVER_PORT            the port (default 8501)
#   STREAMLIT_SERVER_BASE_URL_PATH   a path prefix, e.g. "kidash" to serve under https://host/kidash/
#   STREAMLIT_SERVER_COOKIE_SECRET   the same secret on every replica behind one proxy
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONPATH=/app/src \
    KIDASH_HOME=/var/lib/kidash \
    STREAMLIT_SERVER_PORT=8501 \
    STREAMLIT_SERVER_ADDRESS=0.0.0.0 \
    STREAMLIT_SERVER_HEADLESS=true \
    STREAMLIT_BROWSER_GATHER_USAGE_STATS=false \
    STREAMLIT_SERVER_FILE_WATCHER_TYPE=none

# Chromium lets kaleido draw PNG/SVG/PDF pictures and decks; without it the pages still work
# and the export panel says pictures are unavailable.
RUN apt-get update \
    && apt-get install -y --no-install-recommends chromium curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 10001 kidash \
    && mkdir -p /var/lib/kidash && chown kidash /var/lib/kidash

WORKDIR /app
COPY requirements.txt ./
RUN pip install -r requirements.txt
# The package runs from src/ (PYTHONPATH), so its data/ folder is /app/data as in the repository.
COPY src/ src/
COPY .streamlit/ .streamlit/
COPY dashboard.py serve.py ./
COPY app_pages/ app_pages/
COPY data/ data/

USER kidash
# The store: the shipped map is seeded into it on the first start; every change people make is kept here.
VOLUME /var/lib/kidash
EXPOSE 8501
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
    CMD curl -fsS "http://127.0.0.1:${STREAMLIT_SERVER_PORT}/${STREAMLIT_SERVER_BASE_URL_PATH:+${STREAMLIT_SERVER_BASE_URL_PATH}/}_stcore/health" || exit 1
CMD ["streamlit", "run", "serve.py"]
