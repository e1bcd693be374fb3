"""The monkey runs in a scratch folder: what its typed paths create never lands in the
repository (seen: "abc/FashionMNIST/raw" and "__import__('os')/..." folders in the checkout)."""

from __future__ import annotations

from pathlib import Path

from tools.monkey import scratch_working_directory


def test_relative_paths_land_in_a_scratch_folder_that_is_removed_afterwards():
    before = Path.cwd()
    with scratch_working_directory() as folder:
        assert Path.cwd().resolve() == folder.resolve() != before.resolve()
        assert list(folder.iterdir()) == []
        Path("abc/FashionMNIST/raw").mkdir(parents=True)  # what a typed dataset root made
        assert (folder / "abc" / "FashionMNIST" / "raw").is_dir()
    assert Path.cwd() == before
    assert not folder.exists()


def test_the_previous_folder_is_restored_when_the_session_fails():
    before = Path.cwd()
    try:
        with scratch_working_directory():
            raise RuntimeError("a failing session")
    except RuntimeError:
        pass
    assert Path.cwd() == before
