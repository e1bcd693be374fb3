"""Custom datasets from a CSV + image folder and from an ImageFolder tree, with bad data."""

from __future__ import annotations

import inspect

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from engine.core.errors import DataError
from engine.datasets.csv_table import detect_layout, read_annotations
from engine.datasets.custom import CustomImageDataset
from engine.datasets.image_safety import check_header, open_image
from engine.datasets.sources import CSV, FOLDER, SourceSpec, load_source
from tests.engine.datasets.test_datasets_fixtures import (
    bomb_png,
    corrupt_png,
    drain,
    make_csv_dataset,
    make_image_folder,
    tree_digest,
)


def load_csv(csv_path, img_dir, **kwargs):
    return drain(load_source(SourceSpec(CSV, str(img_dir), annotations=str(csv_path),
                                        **kwargs)))[0]


def pixels(path):
    return np.asarray(Image.open(path).convert("L"))


def test_clean_csv_loads_every_row(tmp_path):
    csv_path, img_dir, labels = make_csv_dataset(tmp_path)
    loaded = load_csv(csv_path, img_dir)
    assert loaded.length == 12 and not loaded.skipped
    assert loaded.labels.tolist() == labels.tolist()
    image, label = loaded.dataset[3]
    assert label == labels[3]
    assert np.array_equal(np.asarray(image), pixels(img_dir / "item_003.png"))


@pytest.mark.parametrize("separator", [";", "\t", "|"])
def test_other_separators_are_sniffed(tmp_path, separator):
    csv_path, img_dir, labels = make_csv_dataset(tmp_path, separator=separator)
    layout = detect_layout(csv_path)
    assert layout.separator == separator and layout.has_header
    assert load_csv(csv_path, img_dir).labels.tolist() == labels.tolist()


def test_csv_without_header(tmp_path):
    csv_path, img_dir, labels = make_csv_dataset(tmp_path, header="")
    layout = detect_layout(csv_path)
    assert not layout.has_header and layout.columns == ("0", "1")
    assert load_csv(csv_path, img_dir).labels.tolist() == labels.tolist()


def test_extra_columns_are_found_or_chosen(tmp_path):
    csv_path, img_dir, labels = make_csv_dataset(tmp_path)
    rows = csv_path.read_text().splitlines()
    new = ["id,notes,label,file,score"] + [
        f"{i},n{i},{row.split(',')[1]},{row.split(',')[0]},{i * 2}"
        for i, row in enumerate(rows[1:])]
    csv_path.write_text("\n".join(new) + "\n")
    layout = detect_layout(csv_path)
    assert (layout.filename_column, layout.label_column) == ("file", "label")
    assert load_csv(csv_path, img_dir).labels.tolist() == labels.tolist()
    chosen = load_csv(csv_path, img_dir, filename_column="file", label_column="id")
    assert chosen.labels.tolist() == list(range(12))  # the map is made from the ids
    assert chosen.class_names == tuple(str(i) for i in range(12)) and not chosen.skipped
    with pytest.raises(DataError) as info:
        load_csv(csv_path, img_dir, label_column="nope")
    assert "nope" in info.value.message and "score" in info.value.message


def test_bad_rows_are_skipped_and_reported(tmp_path):
    csv_path, img_dir, labels = make_csv_dataset(tmp_path, count=4)
    (img_dir / "notes.png").write_text("not an image")
    corrupt_png(img_dir / "corrupt.png")
    bomb_png(img_dir / "bomb.png", 6000)
    (tmp_path / "secret.png").write_bytes((img_dir / "item_000.png").read_bytes())
    extra = ["missing.png,1", "item_000.png,", "item_001.png,seven", "item_002.png,-1",
             "notes.png,2", "corrupt.png,3", "bomb.png,4", "../secret.png,5", ",6"]
    csv_path.write_text(csv_path.read_text() + "\n".join(extra) + "\n")
    before = tree_digest(tmp_path)
    loaded = load_csv(csv_path, img_dir)
    assert tree_digest(tmp_path) == before
    assert loaded.length == 4 and loaded.labels.tolist() == labels.tolist()
    report = {s.where: s.reason for s in loaded.skipped}
    assert list(report) == [f"line {n}" for n in range(6, 15)]  # the file's line numbers
    assert "does not exist" in report["line 6"]
    assert "missing" in report["line 7"]
    assert "not a whole number" in report["line 8"]
    assert "negative" in report["line 9"]
    assert "not an image" in report["line 10"]
    assert "corrupt" in report["line 11"]
    assert "decompression bomb" in report["line 12"]
    assert "outside the image folder" in report["line 13"]
    assert "file name is missing" in report["line 14"]


def test_empty_and_header_only_csv(tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    with pytest.raises(DataError, match="empty"):
        detect_layout(empty)
    header_only = tmp_path / "header.csv"
    header_only.write_text("filename,label\n")
    with pytest.raises(DataError, match="no data rows"):
        detect_layout(header_only)


def test_nothing_usable_is_an_error_naming_rows(tmp_path):
    csv_path, img_dir, _ = make_csv_dataset(tmp_path, count=2)
    csv_path.write_text("filename,label\nnope.png,1\n")
    with pytest.raises(DataError) as info:
        load_csv(csv_path, img_dir)
    assert "line 2" in info.value.message


def test_bomb_is_refused_before_decoding(tmp_path):
    with pytest.raises(DataError, match="decompression bomb"):
        check_header(bomb_png(tmp_path / "huge.png", 6000))
    with pytest.raises(DataError, match="decompression bomb"):
        open_image(bomb_png(tmp_path / "enormous.png", 100_000))


def test_corrupt_png_raises_instead_of_crashing(tmp_path):
    with pytest.raises(DataError, match="corrupt.png"):
        open_image(corrupt_png(tmp_path / "corrupt.png"))


def test_custom_code_runs_and_matches(tmp_path):
    csv_path, img_dir, _ = make_csv_dataset(tmp_path, count=5, separator=";")
    csv_path.write_text(csv_path.read_text() + "gone.png;3\n")
    loaded = load_csv(csv_path, img_dir)
    namespace: dict = {}
    exec("import math\nimport torch\n" + loaded.step.code, namespace)
    data = namespace["custom_data"]
    assert inspect.getsource(CustomImageDataset) in loaded.step.code  # the class that runs
    assert type(loaded.dataset) is CustomImageDataset
    assert len(data) == loaded.length == 5
    for index in range(5):
        ours, theirs = loaded.dataset[index], data[index]
        assert np.array_equal(np.asarray(ours[0]), np.asarray(theirs[0]))
        assert ours[1] == theirs[1]


def test_image_folder_with_bad_files(tmp_path):
    root = make_image_folder(tmp_path)
    (root / "class_1" / "readme.txt").write_text("hello")
    corrupt_png(root / "class_2" / "broken.png")
    (root / "class_3").mkdir()
    corrupt_png(root / "class_3" / "only_bad.png")
    before = tree_digest(tmp_path)
    loaded = drain(load_source(SourceSpec(FOLDER, str(root))))[0]
    assert tree_digest(tmp_path) == before
    assert loaded.class_names == ("class_0", "class_1", "class_2", "class_3")
    assert loaded.length == 9
    assert sorted(s.where for s in loaded.skipped) == ["class_1/readme.txt",
                                                       "class_2/broken.png",
                                                       "class_3/only_bad.png"]
    namespace: dict = {}
    exec("import math\nimport torch\n" + loaded.step.code, namespace)
    data = namespace["folder_data"]
    assert data.targets == loaded.labels.tolist()
    assert np.array_equal(np.asarray(data[4][0]), np.asarray(loaded.dataset[4][0]))


def test_image_folder_without_subfolders(tmp_path):
    with pytest.raises(DataError, match="sub-folder"):
        drain(load_source(SourceSpec(FOLDER, str(tmp_path))))


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(separator=st.sampled_from([",", ";", "\t", "|"]), header=st.booleans(),
       extra=st.integers(0, 3), file_first=st.booleans(),
       labels=st.lists(st.integers(0, 9), min_size=1, max_size=20))
def test_layout_detection_finds_the_columns(tmp_path, separator, header, extra, file_first,
                                            labels):
    """Any separator, with or without header, extra text columns: the right two columns."""
    rows = []
    for i, label in enumerate(labels):
        cells = [f"img_{i}.png", str(label)] if file_first else [str(label), f"img_{i}.png"]
        cells += [f"note {i}-{k}" for k in range(extra)]
        rows.append(separator.join(cells))
    names = (["file", "label"] if file_first else ["label", "file"]) + \
        [f"x{k}" for k in range(extra)]
    text = (separator.join(names) + "\n" if header else "") + "\n".join(rows) + "\n"
    path = tmp_path / f"layout_{abs(hash(text))}.csv"
    path.write_text(text)
    layout = detect_layout(path)
    assert layout.separator == separator and layout.has_header == header
    frame = read_annotations(path, layout)
    assert frame.iloc[:, 0].tolist() == [f"img_{i}.png" for i in range(len(labels))]
    assert [int(v) for v in frame.iloc[:, 1]] == labels


def test_an_empty_folder_field_is_refused_not_the_working_directory():
    for kind in (CSV, FOLDER):
        with pytest.raises(DataError) as info:
            drain(load_source(SourceSpec(kind, "  ", annotations="a.csv")))
        assert info.value.field == "root"


def test_too_many_files_are_refused_while_listing(tmp_path, monkeypatch):
    import engine.datasets.custom as custom

    root = make_image_folder(tmp_path)
    monkeypatch.setattr(custom, "MAX_FILES", 4)
    with pytest.raises(DataError, match="more than 4 files"):
        drain(load_source(SourceSpec(FOLDER, str(root))))
