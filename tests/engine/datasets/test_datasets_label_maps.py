"""A custom source's own label map, kept with the source; the note's grid and loader code."""

from __future__ import annotations

import numpy as np
import pytest

from engine.datasets.loader import LoaderSession, LoaderSettings, next_batch, suggest_resize
from engine.datasets.sources import CSV, EXCERPT, FASHION_CLASSES, SourceSpec, load_source
from engine.datasets.state import DatasetState
from engine.datasets.transforms import TransformSpec
from tests.engine.datasets.test_datasets_fixtures import PHOTO_CLASSES, drain, make_photo_folder


def csv_spec(csv_path, img_dir) -> SourceSpec:
    return SourceSpec(CSV, str(img_dir), annotations=str(csv_path))


def run_code(*codes: str) -> dict:
    namespace: dict = {}
    exec("import math\nimport torch\n" + "\n".join(codes), namespace)
    return namespace


def test_numbered_labels_get_their_own_map_not_fashion_names(tmp_path):
    csv_path, img_dir, labels = make_photo_folder(tmp_path)
    state = DatasetState()
    loaded, _ = drain(state.load(csv_spec(csv_path, img_dir)))
    assert loaded.class_names == ("0", "1") and loaded.labels.tolist() == labels.tolist()
    assert state.class_counts().counts.tolist() == [6, 6]  # two bars, not ten
    grid = state.sample_grid(0)
    assert set(grid.titles) <= {"0", "1"}


def test_class_names_in_the_label_column_are_numbered_in_sorted_order(tmp_path):
    csv_path, img_dir, labels = make_photo_folder(tmp_path, words=True)
    loaded = drain(load_source(csv_spec(csv_path, img_dir)))[0]
    assert loaded.class_names == tuple(sorted(PHOTO_CLASSES)) == ("boot", "shirt")
    assert loaded.labels.tolist() == labels.tolist()  # boot 0, shirt 1
    data = run_code(loaded.step.code)["custom_data"]
    assert [data[i][1] for i in range(len(data))] == labels.tolist()


def test_the_names_a_user_gives_are_kept_with_the_source(tmp_path):
    csv_path, img_dir, _ = make_photo_folder(tmp_path)
    state = DatasetState()
    drain(state.load(csv_spec(csv_path, img_dir)))
    state.rename_classes(("boot", "shirt"))
    drain(state.load(SourceSpec(EXCERPT)))
    assert state.loaded.class_names == FASHION_CLASSES  # another source, its own names
    again, _ = drain(state.load(csv_spec(csv_path, img_dir)))
    assert again.class_names == ("boot", "shirt")
    state.forget_names()
    assert drain(state.load(csv_spec(csv_path, img_dir)))[0].class_names == ("0", "1")


def test_grid_code_draws_the_same_figure_with_matplotlib(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    state = DatasetState()
    loaded, _ = drain(state.load(SourceSpec(EXCERPT)))
    names = tuple(f"class {i}" for i in range(10))
    grid = state.sample_grid(5, names)
    code = grid.step.code
    assert "labels_map = {" in code and "plt.imshow(img" in code and "plt.title(" in code
    namespace = run_code(loaded.step.code, code)
    axes = namespace["figure"].axes
    assert [ax.get_title() for ax in axes] == [names[label] for label in grid.labels]
    assert list(grid.titles) == [ax.get_title() for ax in axes]
    for ax, image in zip(axes, grid.images, strict=True):
        assert np.array_equal(np.asarray(ax.images[0].get_array()), image)
    plt.close("all")


def test_loader_code_is_the_notes_shuffle_true_with_a_seeded_generator():
    loaded = drain(load_source(SourceSpec(EXCERPT, train=False)))[0]
    session = LoaderSession(loaded, TransformSpec(), LoaderSettings(batch_size=16, seed=4))
    first, second = next_batch(session), next_batch(session)
    code = first.step.code
    assert "shuffle=True, generator=generator" in code and "RandomSampler" not in code
    namespace = run_code(loaded.step.code, code, second.step.code)
    assert namespace["train_labels"].tolist() == list(second.labels)


def test_skipped_rows_name_the_files_line_numbers(tmp_path):
    csv_path, img_dir, _ = make_photo_folder(tmp_path, per_class=2)
    lines = csv_path.read_text().splitlines()
    text = "\n".join([lines[0], "", lines[1], "missing.jpg,1", "", "", lines[2]]) + "\n"
    csv_path.write_text(text)
    loaded = drain(load_source(csv_spec(csv_path, img_dir)))[0]
    assert [s.where for s in loaded.skipped] == ["line 4"]  # header and blank lines counted
    assert text.splitlines()[3] == "missing.jpg,1"


@pytest.mark.parametrize("largest", [128, 32])
def test_suggested_resize_is_the_median_shorter_side(tmp_path, largest):
    csv_path, img_dir, _ = make_photo_folder(tmp_path)
    loaded = drain(load_source(csv_spec(csv_path, img_dir)))[0]
    assert suggest_resize(loaded, largest=largest) == min(40, largest)  # sides 40, 40, 44
