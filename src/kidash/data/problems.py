"""A problem found in the tables: where it is (file, spreadsheet row, column), what is wrong, and how it reads.

Readers and the validator only record problems (a code and its parameters);
the words are put on here, in the language asked for, when a page, the CLI or
an error message shows them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kidash import i18n

__all__ = ["Problem", "DataError"]


@dataclass(frozen=True)
class Problem:
    """One finding: where it is (file, spreadsheet row, column) and what is wrong."""

    file: str
    row: int | None
    column: str | None
    code: str
    params: dict = field(default_factory=dict, compare=False)

    def message(self, lang: str = "nb") -> str:
        """The problem in plain words, prefixed by where it is."""
        return f"{self.where(lang)}: {self.text(lang)}"

    def where(self, lang: str = "nb") -> str:
        parts = [self.file]
        if self.row is not None:
            parts.append(i18n.t("problem.row", lang, row=self.row))
        if self.column:
            parts.append(i18n.t("problem.column", lang, column=self.column))
        return ", ".join(parts)

    def text(self, lang: str = "nb") -> str:
        text = i18n.t(f"problem.{self.code}", lang, **self.params)
        if self.params.get("suggestion"):
            if not text.endswith((".", "?", "!")):
                text += "."
            text += " " + i18n.t("problem.suggestion", lang, suggestion=self.params["suggestion"])
        return text

    def __str__(self) -> str:
        return self.message("en")


class DataError(Exception):
    """Every problem found in a set of tables, raised together.

    ``problems`` holds one :class:`Problem` per finding, each naming the file,
    the row as a spreadsheet shows it (header = row 1) and the column.
    """

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        lines = [p.message("en") for p in self.problems[:20]]
        more = len(self.problems) - len(lines)
        if more > 0:
            lines.append(f"... and {more} more")
        super().__init__(f"{len(self.problems)} problem(s) in the data:\n" + "\n".join(lines))
