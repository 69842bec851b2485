"""Command line: check a folder of data; move maps out of the store and back; back the store up.

``python -m kidash validate [DIR] [--lang nb|en]``, ``export DIR --map NAME``, ``import DIR [--name NAME]``,
``backup FILE``, ``restore FILE`` (the store is ``KIDASH_DATABASE_URL``, else the SQLite file);
``suggest FILE [--map NAME] [--about NAME] [--format csv|json|table]``: the roles a document states.
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


def _suggest(file: Path, slug: str | None, about: str | None, form: str, lang: str, date: str = "",
             publisher: str = "", events: bool = False) -> int:  # fmt: skip
    """Read a document and print the roles it states as candidates, or the dated events it tells
    of (csv, json or a table)."""
    import json

    from kidash.reader.names import ActorIndex
    from kidash.reader.read import read_file
    from kidash.reader.suggest import COLUMNS, EVENT_COLUMNS

    if slug:
        from kidash.store.loading import load_map

        try:
            dataset = load_map(_store(), slug)[1]
        except KeyError:
            print(f"no map «{slug}»", file=sys.stderr)
            return 1
    else:
        dataset = load_dataset(DATA_DIR)
    try:
        raw = file.read_bytes()
    except OSError as err:
        print(f"{file}: {err.strerror}", file=sys.stderr)
        return 1
    index = ActorIndex(dataset.actors.fillna("").astype(str).to_dict("records"))
    reading, problems, _ = read_file(file.name, raw, index, about, date, "", publisher)
    for problem in problems:
        print(problem.message(lang), file=sys.stderr)
    if problems or reading is None:
        return 1
    rows = [event.row() for event in reading.events] if events else [c.row() for c in reading.candidates]
    columns = EVENT_COLUMNS if events else COLUMNS
    if form == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        print()
    elif form == "csv":  # the same writer as the app's downloads: a cell that starts like a formula is guarded
        import pandas as pd

        from kidash.exports.data_files import csv_bytes

        sys.stdout.flush()
        as_text = [{k: str(v).lower() if isinstance(v, bool) else v for k, v in row.items()} for row in rows]
        sys.stdout.buffer.write(csv_bytes(pd.DataFrame(as_text, columns=list(columns))))  # true/false, as in data/
        sys.stdout.buffer.flush()
    elif events:
        for row in rows:
            print(f"{row['start']}  {row['title']}  [{row['actors']}]  «{row['quote'][:100]}»")
        print(i18n.t("cli.suggest.events" if rows else "cli.suggest.no_events", lang, count=len(rows), file=file.name))
    else:
        for row in rows:
            mark = " (utledet)" if row["inferred"] else ""
            print(f"{row['confidence']:.2f}  {row['source_name']} —{row['relation']}→ {row['target_name']}{mark}"
                  f"  [{row['rule']}]  «{row['quote'][:100]}»")  # fmt: skip
        print(i18n.t("cli.suggest.count" if rows else "cli.suggest.none", lang, count=len(rows), file=file.name))
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
    suggest = commands.add_parser("suggest", help="read a document (text, HTML or PDF) and propose the roles it states")
    suggest.add_argument("file", type=Path)
    suggest.add_argument("--map", default=None, help="the stored map whose actors to look for (default: data/)")
    suggest.add_argument("--about", default=None, help="what the document is about (an actor's name)")
    suggest.add_argument("--format", choices=("csv", "json", "table"), default="table")
    suggest.add_argument(
        "--date", default="", help="the document's date, YYYY-MM-DD (a role's start when its words give none)"
    )
    suggest.add_argument("--publisher", default="", help="who published the document (an actor's name)")
    suggest.add_argument("--events", action="store_true", help="print the dated events it tells of, not its roles")
    suggest.add_argument("--lang", choices=i18n.LANGUAGES, default=i18n.DEFAULT_LANGUAGE)
    args = parser.parse_args(argv)
    if args.command == "suggest":
        return _suggest(args.file, args.map, args.about, args.format, args.lang, args.date, args.publisher, args.events)
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
