"""Entity timelines across articles (SemEval-2015 Task 4). Placeholder until implemented."""


def filter_entity(df, entity):
    raise NotImplementedError("filter_entity is not implemented yet")


def to_semeval(df, entity) -> str:
    raise NotImplementedError("to_semeval is not implemented yet")
