"""Forecasting ledger. Placeholder until implemented."""


class Question:  # noqa: D101
    pass


class Forecast:  # noqa: D101
    pass


class Ledger:  # noqa: D101
    def __init__(self, path):
        raise NotImplementedError("Ledger is not implemented yet")
