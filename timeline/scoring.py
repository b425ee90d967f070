"""Forecast scoring. Placeholder until implemented."""


def calibration_table(*args, **kwargs):
    raise NotImplementedError


def plot_calibration(*args, **kwargs):
    raise NotImplementedError
