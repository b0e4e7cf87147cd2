# PSP Bot — slim image, non-root, health-checked.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PSP_CONFIG=/app/config.toml

WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY handlers ./handlers
COPY models ./models
COPY scheduler ./scheduler
COPY data ./data
COPY config.example.toml ./
# Editable install keeps data/ (the FAQ) beside the code, where the bot looks for it.
RUN pip install -e . \
    && useradd --create-home --uid 10001 psp \
    && mkdir -p /var/lib/psp-bot \
    && chown psp /var/lib/psp-bot

USER psp
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8080/healthz', timeout=4)" || exit 1
CMD ["psp-bot", "run"]
