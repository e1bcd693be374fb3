"""Issue 12, point 6: other data read honestly: a landmarks CSV is not guessed into a
classification file, EXIF orientation is applied and said, a PNG with a wrong checksum is
reported as damaged."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from engine.datasets.browse import item_view
from engine.datasets.csv_table import LabelColumnNeeded, detect_layout
from engine.datasets.image_integrity import file_orientation, png_damage
from engine.datasets.image_safety import open_image
from engine.datasets.sources import CSV, FOLDER, SourceSpec, guess_source, load_source
from tests.engine.datasets.test_datasets_fixtures import (
    bad_crc_png,
    drain,
    exif_rotated_jpeg,
    landmarks_csv,
    make_csv_dataset,
)


def test_a_landmarks_csv_asks_for_the_label_column(tmp_path):
    csv_path, img_dir = landmarks_csv(tmp_path / "faces")
    spec = SourceSpec(CSV, str(img_dir), annotations=str(csv_path))
    with pytest.raises(LabelColumnNeeded) as caught:
        drain(load_source(spec))
    error = caught.value
    assert len(error.columns) == 137 and error.filename_column == "image_name"
    assert "136 numeric columns" in error.message and "landmark" in error.message
    assert "not a classification file" in error.message


def test_a_chosen_label_column_is_used_as_given(tmp_path):
    csv_path, img_dir = landmarks_csv(tmp_path / "faces", rows=4, points=2)
    spec = SourceSpec(CSV, str(img_dir), annotations=str(csv_path), label_column="part_1_y")
    loaded, _ = drain(load_source(spec))
    expected = [int(line.split(",")[4]) for line in csv_path.read_text().splitlines()[1:]]
    assert loaded.labels.tolist() == expected and loaded.length == 4


def test_a_dropped_landmarks_csv_still_finds_its_images(tmp_path):
    csv_path, img_dir = landmarks_csv(tmp_path / "faces")
    assert guess_source(csv_path).root == str(img_dir)


def test_classification_csvs_are_not_questioned(tmp_path):
    csv_path, _, _ = make_csv_dataset(tmp_path / "a", header="")  # no header: name, number
    assert detect_layout(csv_path).label_column == "1"
    named = tmp_path / "named.csv"
    named.write_text("file,width,height,label\na.png,1,2,3\n")
    assert detect_layout(named).label_column == "label"


def test_exif_orientation_is_applied_and_said(tmp_path):
    (tmp_path / "img").mkdir()
    path = exif_rotated_jpeg(tmp_path / "img" / "phone.jpg")
    with Image.open(path) as raw:
        assert raw.size == (40, 20)
    upright = np.asarray(open_image(path))
    assert upright.shape[:2] == (40, 20)  # orientation 6: turned 90° clockwise
    assert upright[:15].mean() > 200 and upright[-15:].mean() < 30  # the bright half on top
    assert file_orientation(path) == 6
    csv_path = tmp_path / "photos.csv"
    csv_path.write_text("image,label\nphone.jpg,0\n")
    loaded, _ = drain(load_source(SourceSpec(CSV, str(tmp_path / "img"),
                                             annotations=str(csv_path))))
    view = item_view(loaded, 0)
    assert view.orientation == 6 and view.snapshot.values.shape[1:] == (40, 20)
    namespace: dict = {}
    exec(loaded.step.code.replace("print(", "(") + "img = custom_data[0][0]\n", namespace)
    assert np.array_equal(np.asarray(namespace["img"]), np.asarray(loaded.dataset[0][0]))


def test_an_upright_photo_reports_orientation_one(tmp_path):
    (tmp_path / "a").mkdir()
    path = exif_rotated_jpeg(tmp_path / "a" / "p.jpg", orientation=1)
    assert file_orientation(path) == 1 and open_image(path).size == (40, 20)


def test_a_png_with_a_wrong_checksum_is_reported_damaged(tmp_path):
    root = tmp_path / "classes"
    (root / "a").mkdir(parents=True)
    path = bad_crc_png(root / "a" / "xcsn.png")
    with Image.open(path) as image:
        image.load()  # Pillow decodes it without a word: the pixels are usable
    assert "IDAT" in png_damage(path) and "damaged" in png_damage(path)
    Image.new("L", (8, 8), 9).save(root / "a" / "fine.png")
    loaded, _ = drain(load_source(SourceSpec(FOLDER, str(root))))
    report = {s.where: s.reason for s in loaded.skipped}
    assert loaded.length == 1
    assert "xcsn.png is damaged: the CRC checksum of chunk IDAT is wrong" in report[
        "a/xcsn.png"]
    assert png_damage(root / "a" / "fine.png") is None
