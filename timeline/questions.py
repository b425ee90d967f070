"""Candidate forecasting questions from a timeline. Placeholder until implemented."""


def candidate_questions(df, horizon=None):
    raise NotImplementedError
