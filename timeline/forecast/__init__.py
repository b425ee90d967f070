"""Forecasting: questions, forecasts and resolutions in, scores out.

In: questions and forecasts (a JSON Lines ledger), timeline frames for drafts and
bearing. Out: scores, calibration tables, candidate questions. Owns
``forecast/rules/questions.yaml`` (draft wording).
"""
