"""Command line: check a folder of data; move maps out of the store and back; back the store up.

``python -m kidash validate [DIR] [--lang nb|en]``, ``export DIR --map NAME``, ``import DIR [--name NAME]``,
``backup FILE``, ``restore FILE`` (the store is ``KIDASH_DATABASE_URL``, else the SQLite file).
"""

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


def _store():
    from kidash.store.opening import open_store

    return open_store()


def _author() -> str:
    import getpass

    return getpass.getuser()


def _export(directory: Path, slug: str) -> int:
    from kidash.store.transfer import export_map

    try:
        export_map(_store(), slug, directory)
    except KeyError:
        print(f"no map «{slug}»", file=sys.stderr)
        return 1
    print(f"exported «{slug}» to {directory}")
    return 0


def _import(directory: Path, name: str | None, lang: str) -> int:
    from kidash.store.transfer import import_map

    try:
        info = import_map(_store(), directory, name or directory.name, _author())
    except DataError as err:
        print(i18n.t("cli.invalid", lang, count=len(err.problems), directory=directory))
        for problem in err.problems:
            print(f"  {problem.message(lang)}")
        return 1
    print(f"imported {directory} as the map «{info.name}» (?map={info.slug})")
    return 0


def _backup(file: Path) -> int:
    from kidash.store.transfer import backup

    backup(_store(), file)
    print(f"backed up the store to {file}")
    return 0


def _restore(file: Path) -> int:
    from kidash.store.opening import open_store
    from kidash.store.transfer import StoreNotEmpty, restore

    try:
        count = restore(open_store(seed=False), file)
    except StoreNotEmpty:
        print("the store already holds maps: restore into an empty one (a new KIDASH_DATABASE_URL)", file=sys.stderr)
        return 1
    print(f"restored {count} maps from {file}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kidash", description="kidash data tools")
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check the four tables in DIR (read-only)")
    validate.add_argument("directory", nargs="?", type=Path, default=DATA_DIR)
    validate.add_argument("--lang", choices=i18n.LANGUAGES, default=i18n.DEFAULT_LANGUAGE)
    export = commands.add_parser("export", help="write a stored map as the data contract's files in DIR")
    export.add_argument("directory", type=Path)
    export.add_argument("--map", default="kidash", help="the map's address (its ?map= value)")
    imported = commands.add_parser("import", help="read a folder of the contract's files into a new map")
    imported.add_argument("directory", type=Path)
    imported.add_argument("--name", default=None)
    imported.add_argument("--lang", choices=i18n.LANGUAGES, default=i18n.DEFAULT_LANGUAGE)
    for name, help_text in (("backup", "write every map and its history to FILE"),
                            ("restore", "read a backup FILE into an empty store")):  # fmt: skip
        commands.add_parser(name, help=help_text).add_argument("file", type=Path)
    args = parser.parse_args(argv)
    if args.command == "export":
        return _export(args.directory, args.map)
    if args.command == "import":
        return _import(args.directory, args.name, args.lang)
    if args.command == "backup":
        return _backup(args.file)
    if args.command == "restore":
        return _restore(args.file)
    return _validate(args.directory, args.lang)


if __name__ == "__main__":
    sys.exit(main())
