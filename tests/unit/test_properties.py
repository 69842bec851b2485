"""Property tests: whatever tables come in, only DataError comes out."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kidash.data.dataset import dataset_from_frames, read_csv_bytes
from kidash.data.problems import DataError
from kidash.data.validate import validate_frames
from tests.fixtures import TINY, frames_from_rows

CELL = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["", "dir", "ini", "ghost", "2021-02-30", "2021-06-15", "true", "leads", "<b>x</b>", "a;b", " "]),
)


@st.composite
def mutated_tiny(draw):
    rows = {name: [list(r) for r in body] for name, body in TINY.items()}
    for _ in range(draw(st.integers(1, 6))):
        table = draw(st.sampled_from(sorted(rows)))
        body = rows[table]
        action = draw(st.sampled_from(["cell", "drop_row", "dup_row", "drop_column"]))
        if action == "cell":
            r = draw(st.integers(0, len(body) - 1))
            c = draw(st.integers(0, len(body[0]) - 1))
            body[r][c] = draw(CELL)
        elif action == "drop_row" and len(body) > 1:
            del body[draw(st.integers(1, len(body) - 1))]
        elif action == "dup_row" and len(body) > 1:
            body.append(list(body[draw(st.integers(1, len(body) - 1))]))
        elif action == "drop_column" and len(body[0]) > 1:
            c = draw(st.integers(0, len(body[0]) - 1))
            for row in body:
                del row[c]
    return rows


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_tiny())
def test_mutated_tables_give_a_dataset_or_a_data_error(rows):
    frames = frames_from_rows(rows)
    try:
        dataset_from_frames(frames)
    except DataError as err:
        assert err.problems
        for problem in err.problems:
            assert problem.file.endswith(".csv")
            assert problem.message("nb") and problem.message("en")


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_reader_never_raises_on_arbitrary_bytes(raw):
    frame, problems = read_csv_bytes(raw, "actors.csv")
    assert frame is not None or problems


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(CELL, min_size=1, max_size=6), min_size=1, max_size=6))
def test_random_actor_tables_only_ever_report_problems(body):
    rows = {name: [list(r) for r in b] for name, b in TINY.items()}
    width = len(rows["actors"][0])
    rows["actors"] = [rows["actors"][0]] + [(r + [""] * width)[:width] for r in body]
    for problem in validate_frames(frames_from_rows(rows)):
        assert problem.row is None or problem.row >= 1
