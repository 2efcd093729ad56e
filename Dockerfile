FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY src ./src
RUN pip install --no-cache-dir --prefix=/install .

FROM python:3.11-slim
RUN useradd --create-home --uid 10001 asn
COPY --from=build /install /usr/local
WORKDIR /var/lib/asn-graph
RUN chown asn:asn /var/lib/asn-graph
# The SQLite store, its read models and the local secret outlive the container (declared
# after the chown: a new volume starts as the image has the directory, owned by asn).
VOLUME /var/lib/asn-graph
USER asn
# The store (asn-graph.sqlite3) and the secret file (.asn-graph-secret) are made here.
ENV ASN_GRAPH_DATA_DIR=/var/lib/asn-graph \
    PYTHONUNBUFFERED=1
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2).status != 200)"
CMD ["asn-graph", "serve", "--host", "0.0.0.0", "--port", "8000"]
