"""`python -m kidash validate`: exit codes, output, and no writes."""

import hashlib
import subprocess
import sys

from kidash.__main__ import main
from kidash.data.dataset import DATA_DIR
from tests.fixtures import write_tables


def test_valid_shipped_data_prints_one_line(capsys):
    assert main(["validate", str(DATA_DIR), "--lang", "en"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and out[0].startswith("Valid: ")


def test_invalid_data_lists_problems_and_fails(tmp_path, tiny_rows, capsys):
    tiny_rows["actors"][2][6] = "Vestlandet"
    directory = write_tables(tmp_path, tiny_rows)
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in directory.iterdir()}
    assert main(["validate", str(directory)]) == 1
    out = capsys.readouterr().out
    assert "1 problem i " in out  # the word after a number in its form: not «problem(er)»
    assert "actors.csv, rad 3, kolonne «region»" in out
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in directory.iterdir()}
    assert before == after


def test_module_entry_point_runs_as_a_program():
    result = subprocess.run(
        [sys.executable, "-m", "kidash", "validate", str(DATA_DIR)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Gyldig:")
