"""Generated code: paths in one named variable, random transforms on their own stream."""

from __future__ import annotations

import pytest
import torch

from engine.core.errors import InputError
from engine.datasets.browse import transform_preview
from engine.datasets.excerpt import excerpt_root
from engine.datasets.loader import LoaderSession, LoaderSettings, next_batch
from engine.datasets.sources import EXCERPT, SourceSpec, load_source
from engine.datasets.state import DatasetState
from engine.datasets.transforms import TransformSpec
from tests.engine.datasets.test_datasets_fixtures import drain, make_csv_dataset, make_image_folder

EXCERPT_TRAIN = drain(load_source(SourceSpec(EXCERPT)))[0]
RANDOM = TransformSpec(hflip_p=0.5, rotation=30.0)


def run_code(*codes: str) -> dict:
    namespace: dict = {}
    exec("import math\nimport torch\n" + "\n".join(codes), namespace)
    return namespace


def pixels(features) -> object:
    return (features[:, 0] * 255).round().to(torch.uint8).numpy()


def test_the_sample_path_appears_once_as_root():
    code = EXCERPT_TRAIN.step.code
    assert code.count(repr(str(excerpt_root()))) == 1
    assert code.startswith(f"root = {str(excerpt_root())!r}")
    assert "root=root" in code
    session = LoaderSession(EXCERPT_TRAIN, TransformSpec(), LoaderSettings())
    batch = next_batch(session)
    assert str(excerpt_root()) not in batch.step.code  # the loader reuses root
    namespace = run_code(code, batch.step.code)
    assert namespace["root"] == str(excerpt_root())
    assert namespace["train_labels"].tolist() == list(batch.labels)


def test_csv_and_folder_code_name_their_paths(tmp_path):
    csv_path, img_dir, _labels = make_csv_dataset(tmp_path / "csv")
    loaded = drain(load_source(SourceSpec("csv", root=str(img_dir),
                                          annotations=str(csv_path))))[0]
    assert loaded.step.code.count(repr(str(img_dir))) == 1
    assert "CustomImageDataset(annotations, img_dir" in loaded.step.code
    assert run_code(loaded.step.code)["annotations_file"] == str(csv_path)
    folder = make_image_folder(tmp_path / "folder")
    loaded = drain(load_source(SourceSpec("folder", root=str(folder))))[0]
    assert loaded.step.code.count(repr(str(folder.resolve()))) == 1
    session = LoaderSession(loaded, TransformSpec(resize=16), LoaderSettings(batch_size=4))
    batch = next_batch(session)
    namespace = run_code(loaded.step.code, batch.step.code)
    assert namespace["train_labels"].tolist() == list(batch.labels)


def test_random_batches_reproduce_and_leave_the_global_generator_alone():
    torch.manual_seed(5)
    expected = torch.rand(4)
    torch.manual_seed(5)
    session = LoaderSession(EXCERPT_TRAIN, RANDOM, LoaderSettings(batch_size=16, seed=3))
    first, second = next_batch(session), next_batch(session)
    assert torch.equal(torch.rand(4), expected)
    namespace = run_code(EXCERPT_TRAIN.step.code, first.step.code)
    assert (pixels(namespace["train_features"]) == first.images).all()
    exec(second.step.code, namespace)
    assert (pixels(namespace["train_features"]) == second.images).all()


def test_preview_between_batches_does_not_change_the_next_batch():
    session = LoaderSession(EXCERPT_TRAIN, RANDOM, LoaderSettings(batch_size=16, seed=3))
    first = next_batch(session)
    preview = transform_preview(EXCERPT_TRAIN, 4, RANDOM, seed=11)
    second = next_batch(session)
    namespace = run_code(EXCERPT_TRAIN.step.code, first.step.code, preview.step.code)
    shown = tuple(namespace["x"].shape)
    assert shown == preview.shape
    assert namespace["x"].min().item() == preview.value_range[0]
    exec(second.step.code, namespace)
    assert (pixels(namespace["train_features"]) == second.images).all()


def test_redraw_shows_the_same_batch_through_new_transforms():
    session = LoaderSession(EXCERPT_TRAIN, TransformSpec(), LoaderSettings(batch_size=50))
    next_batch(session)
    next_batch(session)
    shown = next_batch(session)
    state = DatasetState(loaded=EXCERPT_TRAIN)
    redrawn = state.redraw_batch(TransformSpec(resize=14), LoaderSettings(batch_size=50),
                                 shown.batch_number)
    assert redrawn.indices == shown.indices and redrawn.batch_number == 3
    assert redrawn.features_shape == "torch.Size([50, 1, 14, 14])"
    namespace = run_code(EXCERPT_TRAIN.step.code, redrawn.step.code)
    assert (pixels(namespace["train_features"]) == redrawn.images).all()


@pytest.mark.parametrize("mean, std", [((0.5, 0.5), (0.5,)), ((0.5,), (0.2, 0.3))])
def test_normalize_values_must_match_the_channels(mean, std):
    spec = TransformSpec(api="v2", normalize=(mean, std))  # v2 would broadcast silently
    with pytest.raises(InputError, match="1 channel"):
        transform_preview(EXCERPT_TRAIN, 0, spec, seed=0)
    with pytest.raises(InputError, match="1 channel"):
        LoaderSession(EXCERPT_TRAIN, spec, LoaderSettings())
    ok = transform_preview(EXCERPT_TRAIN, 0, TransformSpec(api="v2", normalize=((0.5,), (0.5,))),
                           seed=0)
    assert ok.shape == (1, 28, 28)


def test_an_epoch_of_too_large_batches_is_refused_before_loading(monkeypatch):
    from engine.core import limits
    from engine.core.errors import SizeLimitError
    from engine.datasets.loader import run_epoch

    monkeypatch.setattr(limits, "memory_guard_bytes", lambda: 10 * 2**20)
    session = LoaderSession(EXCERPT_TRAIN, TransformSpec(resize=256),
                            LoaderSettings(batch_size=4096))
    with pytest.raises(SizeLimitError, match=r"\(1000, 3, 256, 256\)"):
        next(run_epoch(session))


def test_source_description_leaves_the_counts_to_the_explanation():
    from engine.datasets.code import source_description, source_explanation

    described = source_description("excerpt")
    assert described.startswith("The built-in excerpt") and "items." not in described
    assert source_explanation("excerpt", 1000, 0) == f"{described}\n1,000 items."
    assert source_explanation("csv", 4, 1).endswith("4 items. 1 skipped (see the report).")
    assert source_description("unknown") == ""


def test_the_load_steps_counts_are_grouped_in_the_language_they_are_shown_in():
    from engine.datasets.code import source_explanation
    from engine.i18n.messages import render

    explanation = source_explanation("csv", 60000, 1200)
    assert explanation.endswith("60,000 items. 1,200 skipped (see the report).")
    assert render(explanation, "es").endswith("60.000 elementos. 1.200 omitidos (ver el informe).")
