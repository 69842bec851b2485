"""The data contract and reading it: columns, vocabularies, validation, the typed dataset, uploads."""
