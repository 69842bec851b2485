"""Command line: ``python -m kidash validate [DIR] [--lang nb|en]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kidash import i18n
from kidash.data.dataset import DATA_DIR, load_dataset
from kidash.data.problems import DataError


def _validate(directory: Path, lang: str) -> int:
    try:
        dataset = load_dataset(directory)
    except DataError as err:
        print(i18n.t("cli.invalid", lang, count=len(err.problems), directory=directory))
        for problem in err.problems:
            print(f"  {problem.message(lang)}")
        return 1
    print(
        i18n.t(
            "cli.valid",
            lang,
            actors=len(dataset.actors),
            relations=len(dataset.relations),
            events=len(dataset.events),
            documents=len(dataset.documents),
            directory=directory,
        )
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kidash", description="kidash data tools")
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check the four tables in DIR (read-only)")
    validate.add_argument("directory", nargs="?", type=Path, default=DATA_DIR)
    validate.add_argument("--lang", choices=i18n.LANGUAGES, default=i18n.DEFAULT_LANGUAGE)
    args = parser.parse_args(argv)
    return _validate(args.directory, args.lang)


if __name__ == "__main__":
    sys.exit(main())
