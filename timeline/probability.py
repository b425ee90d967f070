"""Probability tools. Placeholder until implemented."""


def prior_from_base_rate(*args, **kwargs):
    raise NotImplementedError


def update_log_odds(*args, **kwargs):
    raise NotImplementedError


def rescale_window(*args, **kwargs):
    raise NotImplementedError


def decay(*args, **kwargs):
    raise NotImplementedError
