"""``make bench``: Rapport's speed and memory, each beside a baseline measured in the same run.

Sections (``python -m service.bench --only ...``): ``figures`` (the figure layer vs
spaCy's full pipeline vs Recognizers-Text), ``extract`` (whole extraction vs spaCy),
``summary`` (summary + encoder share of extraction time), ``api`` (a live server:
start time, memory, upload latency and overhead) and ``batch`` (``rapport ingest``
with 1 and 2 local workers and Ray). The report is printed and every number goes
to ``bench-results.json``.
"""
