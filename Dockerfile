# syntax=docker/dockerfile:1
# CaseOps OpenEnv server image (also a Hugging Face Docker Space: non-root UID 1000, port 8000).
#
# Dependencies come from uv.lock only (`uv sync --frozen`: no re-resolution, hashes checked) and are
# installed in their own layer before the source is copied, so editing the code rebuilds only the
# small project layer. Build with `make docker` (needs BuildKit, the default builder since Docker 23).

ARG UV_VERSION=0.13.9
FROM ghcr.io/astral-sh/uv:${UV_VERSION} AS uv

FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    UV_PROJECT_ENVIRONMENT=/opt/venv \
    UV_PYTHON=/usr/local/bin/python3.11 \
    UV_PYTHON_DOWNLOADS=never \
    UV_LINK_MODE=copy \
    VIRTUAL_ENV=/opt/venv \
    PATH=/opt/venv/bin:$PATH

# graphviz provides `dot`, used to render the workflow state diagrams (also live, per episode).
RUN apt-get update \
    && apt-get install -y --no-install-recommends graphviz \
    && rm -rf /var/lib/apt/lists/*

# Hugging Face Spaces run the container as UID 1000; give that user a writable home.
RUN useradd --create-home --uid 1000 --user-group --shell /usr/sbin/nologin user

WORKDIR /app

# 1. Dependencies only, exactly as locked (this layer changes only with pyproject.toml / uv.lock).
COPY pyproject.toml uv.lock ./
RUN --mount=from=uv,source=/uv,target=/usr/local/bin/uv \
    --mount=type=cache,target=/root/.cache/uv \
    uv sync --frozen --no-dev --no-install-project

# 2. The source, then the project itself (editable, so /app stays the code that runs).
COPY . .
RUN --mount=from=uv,source=/uv,target=/usr/local/bin/uv \
    --mount=type=cache,target=/root/.cache/uv \
    uv sync --frozen --no-dev

# The code and the environment stay root-owned and read-only for the server process.
USER 1000:1000
ENV HOME=/home/user \
    ENABLE_WEB_INTERFACE=true

EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=4).status == 200 else 1)"]

CMD ["uvicorn", "server.app:app", "--host", "0.0.0.0", "--port", "8000"]
