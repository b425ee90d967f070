"""The declared schemas reject frames that do not conform, naming the column."""

import pandas as pd
import pytest
from conftest import make_row

from timeline.errors import SchemaError
from timeline.schema import TIMELINE, TIMEX, conform, validate


def test_conform_gives_declared_columns_and_dtypes(small_timeline):
    assert small_timeline.columns.tolist() == TIMELINE.names
    assert str(small_timeline.earliest.dtype) == "datetime64[ns]"
    assert str(small_timeline.order.dtype) == "int64"
    assert small_timeline.actors.map(type).eq(list).all()


def test_empty_frames_keep_the_schema():
    assert TIMELINE.empty().columns.tolist() == TIMELINE.names
    assert len(TIMEX.empty()) == 0


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda df: df.drop(columns=["basis"]), "missing \\['basis'\\]"),
        (lambda df: df[["article_id", "event_id"] + TIMELINE.names[2:]], "order"),
        (lambda df: df.assign(order=df.order.astype(float)), "'order' has dtype float64"),
        (lambda df: df.assign(kind="rumour"), "'kind' row 0: 'rumour' is not one of"),
        (lambda df: df.assign(trigger=None), "'trigger' is missing a value at row 0"),
    ],
)
def test_validate_names_the_problem(small_timeline, change, message):
    with pytest.raises(SchemaError, match=message):
        validate(change(small_timeline), TIMELINE)


def test_conform_rejects_unknown_modality():
    with pytest.raises(SchemaError, match="modality"):
        conform([make_row(modality="maybe")], TIMELINE)


def test_validate_rejects_non_frames():
    with pytest.raises(SchemaError, match="expected a DataFrame"):
        validate([1, 2], TIMELINE)
    assert isinstance(validate(TIMEX.empty(), TIMEX), pd.DataFrame)
