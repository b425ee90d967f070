"""Rule examples of ``stories/rules/*.yaml``: none yet (merge.yaml's two-article ``pairs`` run in
tests/test_merge.py, since each needs two articles)."""

CHECKS = {}
