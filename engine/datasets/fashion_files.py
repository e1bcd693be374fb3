"""Fashion-MNIST's files: read by torchvision, and ``download=True`` done as torchvision does.

With ``download=True``, torchvision creates ``ROOT/FashionMNIST/raw`` and, unless the four
uncompressed files are all there, goes through its four ``.gz`` resources: a ``.gz`` already
present whose MD5 matches the official one is extracted without the network; any other is
downloaded from a mirror, checked and extracted. ``prepare_download`` does the same, one
file at a time, yielding Progress and saying which file failed and why.
"""

from __future__ import annotations

import socket
import threading
import urllib.error
import urllib.parse
from collections.abc import Generator
from pathlib import Path
from typing import Any

from engine.core.errors import DataError
from engine.core.progress import Progress
from engine.datasets.idx import FILE_NAMES, check_idx_pair, missing_files_message, raw_folder
from engine.i18n.messages import msg

DOWNLOAD_TIMEOUT_S = 10
GZ_NAMES = tuple(f"{name}.gz" for name in FILE_NAMES.values())


def all_files_present(root: str | Path) -> bool:
    return all((raw_folder(root) / name).is_file() for name in FILE_NAMES.values())


def only_gz_present(root: str | Path) -> bool:
    """Some uncompressed file is missing but ``.gz`` files are there (as distributed)."""
    folder = raw_folder(root)
    return not all_files_present(root) and any((folder / gz).is_file() for gz in GZ_NAMES)


def read_fashion(root: str, train: bool) -> Any:
    """``datasets.FashionMNIST(root, train, download=False)`` after checking the files."""
    from torchvision import datasets

    if only_gz_present(root):
        raise DataError(msg("{folder} holds the compressed .gz files only. Turn on \"download "
                            "if missing\" (download=True): torchvision then checks their MD5 "
                            "and extracts them, without the network.", folder=raw_folder(root)),
                        field="download")
    check_idx_pair(root, train)
    try:
        return datasets.FashionMNIST(root=root, train=train, download=False)
    except (RuntimeError, ValueError, AssertionError, OSError) as exc:
        raise DataError(msg("torchvision could not read the files in {folder}. {hint}",
                            folder=raw_folder(root), hint=missing_files_message(root)),
                        field="root", torch_error=str(exc) or type(exc).__name__) from exc


def _resolve(url: str, timeout: float) -> None:
    """Look the host up on a daemon thread: a stuck DNS lookup ignores socket timeouts."""
    host = urllib.parse.urlparse(url).hostname or ""
    outcome: list[object] = []

    def lookup() -> None:
        try:
            outcome.append(socket.getaddrinfo(host, 80))
        except OSError as exc:
            outcome.append(exc)

    thread = threading.Thread(target=lookup, daemon=True)
    thread.start()
    thread.join(timeout)
    if not outcome:
        raise OSError(f"looking up {host} took more than {timeout:g} s")
    if isinstance(outcome[0], OSError):
        raise outcome[0]


def _fetch(raw: Path, filename: str, md5: str) -> None:
    """Download one ``.gz`` from the first mirror that works, check it and extract it."""
    from torchvision import datasets
    from torchvision.datasets.utils import download_and_extract_archive

    mismatch = (raw / filename).is_file()
    previous = socket.getdefaulttimeout()
    socket.setdefaulttimeout(DOWNLOAD_TIMEOUT_S)
    try:
        _resolve(datasets.FashionMNIST.mirrors[0], DOWNLOAD_TIMEOUT_S)
        for mirror in datasets.FashionMNIST.mirrors:
            download_and_extract_archive(f"{mirror}{filename}", download_root=str(raw),
                                         filename=filename, md5=md5)
            return
    except (urllib.error.URLError, OSError, RuntimeError, ValueError) as exc:
        why = msg("{file} is here but its MD5 is not the official one (a partial or modified "
                  "copy), so it is downloaded again.", file=filename) if mismatch else ""
        raise DataError(msg("Downloading {file} failed (no network?). {why} {hint}",
                            file=filename, why=why, hint=missing_files_message(raw.parent.parent)),
                        field="download", torch_error=str(exc).strip() or type(exc).__name__
                        ) from exc
    finally:
        socket.setdefaulttimeout(previous)


def prepare_download(root: str) -> Generator[Progress, None, None]:
    """download=True: create the folder, extract verified ``.gz`` files, then download."""
    from torchvision import datasets

    if all_files_present(root):
        return
    raw = raw_folder(root)
    created = _make_folders(raw)
    try:
        yield from _extract_or_fetch(raw, datasets.FashionMNIST.resources)
    except BaseException:
        _remove_empty(created)
        raise


def _make_folders(raw: Path) -> list[Path]:
    """Create ``raw`` and its missing parents; return those created, deepest first."""
    created = [folder for folder in (raw, *raw.parents) if not folder.exists()]
    try:
        raw.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _remove_empty(created)
        raise DataError(msg("Cannot create the folder {folder}: {error}", folder=raw,
                            error=exc.strerror or exc), field="root") from exc
    return created


def _remove_empty(created: list[Path]) -> None:
    """A failed download leaves no empty folders behind (a typo in the root makes none)."""
    for folder in created:
        try:
            folder.rmdir()
        except OSError:
            return  # not empty (or not ours any more): keep it and its parents


def _extract_or_fetch(raw: Path, resources: list[tuple[str, str]]
                      ) -> Generator[Progress, None, None]:
    from torchvision.datasets.utils import check_integrity, extract_archive

    for done, (filename, md5) in enumerate(resources):
        if (raw / filename.removesuffix(".gz")).is_file():
            continue
        if check_integrity(str(raw / filename), md5):
            yield Progress(done, len(resources), msg("Extracting {file}: its MD5 matches the "
                                                     "official file", file=filename))
            extract_archive(str(raw / filename), str(raw))
            continue
        yield Progress(done, len(resources), msg("Downloading {file} ({number} of {total})",
                                                 file=filename, number=done + 1,
                                                 total=len(resources)))
        _fetch(raw, filename, md5)
    yield Progress(len(resources), len(resources), msg("Fashion-MNIST files ready"))
