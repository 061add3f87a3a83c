# The policy-stance image: `policy-stance worker` by default; any other sub-command as
# arguments (e.g. `replay seeds/`). Settings come from the environment (docs/streaming.md).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
COPY pyproject.toml README.md ./
COPY schemas ./schemas
COPY streams ./streams
RUN pip install . && useradd --create-home --uid 10001 stance
COPY seeds ./seeds

USER stance
# In a container the web server must listen on all interfaces to be reachable.
ENV STANCE_WEB_HOST=0.0.0.0 \
    STANCE_WEB_PORT=6066 \
    STANCE_DATA_DIR=/tmp/policy-stance
EXPOSE 6066

ENTRYPOINT ["policy-stance"]
CMD ["worker"]
