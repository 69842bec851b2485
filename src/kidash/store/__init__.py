"""The stored map: maps, their records, every change with who, when and why, and the documents' text."""
