"""Rule files: the one loader (:mod:`timeline.rules.loader`) every stage reads its YAML with."""
