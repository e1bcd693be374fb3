"""Command line and application start-up. Imports no torch: the window paints first."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path

from gui.shell.tabs import TAB_KEYS

SELF_TEST_TIMEOUT_S = 120
ICON_PATH = Path(__file__).resolve().parents[2] / "resources" / "torchscope.svg"


def parse_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"size must look like 1280x800, not {text!r}") from None
    if not (200 <= width <= 8000 and 200 <= height <= 8000):
        raise argparse.ArgumentTypeError("width and height must be between 200 and 8000")
    return width, height


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="torchscope",
        description="TorchScope: see PyTorch's tensors, broadcasting, datasets and autograd.",
    )
    parser.add_argument("--screenshot", metavar="OUT.png", type=Path,
                        help="render the window offscreen with the tab's demo content, "
                             "write a PNG and exit")
    parser.add_argument("--tab", choices=TAB_KEYS, help="the tab to show")
    parser.add_argument("--size", type=parse_size, metavar="WxH",
                        help="window size for --screenshot (default 1280x800)")
    parser.add_argument("--lang", choices=("en", "es"), help="user interface language")
    parser.add_argument("--theme", choices=("system", "light", "dark"),
                        help="colour scheme (default: the View → Theme setting; "
                             "light for --screenshot)")
    parser.add_argument("--scale", type=int, choices=(1, 2),
                        help="device pixel ratio (sets QT_SCALE_FACTOR); --screenshot then "
                             "writes a picture twice as wide and high at 2")
    parser.add_argument("--self-test", action="store_true",
                        help="send one job through the worker, print the result and exit")
    parser.add_argument("--console", nargs="?", const="", metavar="FILE.py", type=str,
                        help="open the PyTorch console; with a file, run it there once "
                             "PyTorch is loaded")
    parser.add_argument("--run-code", metavar="FILE.py", type=Path,
                        help="run a file through TorchScope's PyTorch interpreter without a "
                             "window, print its output and exit (2: refused, 3: PyTorch error)")
    parser.add_argument("--json", action="store_true",
                        help="with --run-code: one JSON object per line for every print and "
                             "every name bound at the end")
    parser.add_argument("--open-workspace", metavar="FILE", type=Path,
                        help="open a workspace file at start; with --check: open it without a "
                             "window, print what it holds and exit (2: refused, with why)")
    parser.add_argument("--check", action="store_true",
                        help="with --open-workspace: check the file instead of opening the app")
    parser.add_argument("--exit-after-paint", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--install-desktop", action="store_true",
                        help="add TorchScope and its icon to the desktop's application menu "
                             "(~/.local/share) and exit")
    parser.add_argument("--check-extensions", action="store_true",
                        help="check that torchvision's compiled libraries load, print and exit")
    return parser


def _prepare_qt(*, offscreen: bool, window: bool, private_settings: bool,
                scale: int | None = None) -> int | None:
    """Everything before the QApplication exists; an exit code when no window can open.

    ``offscreen``: use the offscreen platform unless QT_QPA_PLATFORM says otherwise.
    ``window``: a window will be shown, so check the platform plugin's system libraries
    first (Qt would abort with a misleading message). ``private_settings``: a headless run
    that must neither read nor write the user's settings. ``scale``: the device pixel ratio
    (Qt reads ``QT_SCALE_FACTOR`` when the application is created).
    """
    if offscreen and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if scale is not None:
        os.environ["QT_SCALE_FACTOR"] = str(scale)
    if window:
        from gui.shell.platform_check import check_before_window

        refused = check_before_window()
        if refused is not None:
            return refused
    from gui.shell.qt_setup import (
        install_message_filter,
        lighten_feature_scan,
        use_temporary_settings,
    )

    lighten_feature_scan()  # before torch, pyqtgraph and the tabs are imported
    install_message_filter()
    if private_settings:
        use_temporary_settings()
    return None


def _create_application():
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("TorchScope")
    app.setApplicationName("TorchScope")
    app.setWindowIcon(QIcon(str(ICON_PATH)))
    return app


def run_self_test() -> int:
    """One job through the real worker; prints a one-line verdict."""
    _prepare_qt(offscreen=True, window=False, private_settings=True)
    app = _create_application()
    from PySide6.QtCore import QTimer

    from gui.core.workers import JobRunner

    runner = JobRunner()
    outcome: dict = {}
    started = time.perf_counter()

    def job():
        from engine.core.selftest import self_test_job

        return self_test_job()

    runner.run(job, title="self-test", on_result=lambda r: outcome.setdefault("result", r),
               on_error=lambda message, _exc: outcome.setdefault("error", message),
               on_done=app.quit)
    QTimer.singleShot(SELF_TEST_TIMEOUT_S * 1000, app.quit)
    app.exec()
    runner.shutdown()
    elapsed = time.perf_counter() - started
    result = outcome.get("result")
    if result is not None and result.value == 55.0:
        print(f"TorchScope self-test passed: torch {result.torch_version}, worker round trip "
              f"returned {result.value} in {elapsed:.1f} s")
        return 0
    print(f"TorchScope self-test FAILED: {outcome.get('error', 'no result in time')}")
    return 1


def run_code(path: Path, as_json: bool) -> int:
    """The headless interpreter: no Qt is imported."""
    from engine.language.run_code import run_code_file

    return run_code_file(str(path), as_json, sys.stdout)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if args.self_test:
        return run_self_test()
    if args.run_code is not None:
        return run_code(args.run_code, args.json)
    if args.open_workspace is not None and args.check:
        from gui.session.cli import run_open_workspace_check

        return run_open_workspace_check(str(args.open_workspace), sys.stdout)
    if args.install_desktop or args.check_extensions:
        from gui.session.cli import run_check_extensions, run_install_desktop

        return run_install_desktop() if args.install_desktop else run_check_extensions()
    headless = args.screenshot is not None or args.exit_after_paint
    refused = _prepare_qt(offscreen=args.screenshot is not None, window=True,
                          private_settings=headless, scale=args.scale)
    if refused is not None:
        return refused
    app = _create_application()
    from gui.shell.launch import launch

    return launch(app, args)


if __name__ == "__main__":
    sys.exit(main())
