"""Before Qt opens a window on Linux: are the platform plugin's system libraries there?

Without them Qt aborts (exit 134) with a message that names the wrong library. This check
runs ``ldd`` on the plugin Qt would load (``libqxcb.so``, or ``libqwayland.so`` in a Wayland
session), collects the libraries reported "not found" and names the packages that provide
them. It imports nothing of Qt's GUI and takes a few milliseconds; without ``ldd`` it
checks nothing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

EXIT_MISSING_LIBRARIES = 2
SKIP_VARIABLE = "TORCHSCOPE_SKIP_PLATFORM_CHECK"

# soname -> (Debian/Ubuntu package, Fedora package)
PACKAGES: dict[str, tuple[str, str]] = {
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libGLX.so.0": ("libglx0", "libglvnd-glx"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libwayland-client.so.0": ("libwayland-client0", "libwayland-client"),
    "libwayland-cursor.so.0": ("libwayland-cursor0", "libwayland-cursor"),
    "libwayland-egl.so.1": ("libwayland-egl1", "libwayland-egl"),
}

LddRunner = Callable[[Path], str | None]


@dataclass(frozen=True)
class MissingLibraries:
    """What one platform plugin cannot find."""

    platform: str
    plugin: Path
    libraries: tuple[str, ...]


def run_ldd(path: Path) -> str | None:
    """``ldd``'s output for ``path``, or None when ldd is absent or fails."""
    ldd = shutil.which("ldd")
    if ldd is None:
        return None
    try:
        done = subprocess.run([ldd, str(path)], capture_output=True, text=True, timeout=20,
                              check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def not_found(ldd_output: str) -> tuple[str, ...]:
    """The libraries ``ldd`` reports as ``name => not found``, each once, in order."""
    names: list[str] = []
    for line in ldd_output.splitlines():
        name, _, target = line.strip().partition("=>")
        if target.strip() == "not found" and name.strip() not in names:
            names.append(name.strip())
    return tuple(names)


def missing_libraries(platform: str, plugin: Path, ldd: LddRunner) -> MissingLibraries | None:
    """The libraries ``plugin`` lacks; None when nothing is missing or it cannot be told."""
    if not plugin.is_file():
        return None  # an unknown plugin: Qt will report it
    output = ldd(plugin)
    if output is None:
        return None
    libraries = not_found(output)
    return MissingLibraries(platform, plugin, libraries) if libraries else None


def candidate_platforms(env: Mapping[str, str]) -> list[str]:
    """The platform plugins Qt would try, in order; empty when no window will open."""
    requested = env.get("QT_QPA_PLATFORM", "").strip()
    if requested:
        names = [part.split(":")[0].strip() for part in requested.split(";")]
        return [name for name in names if name]
    if env.get("WAYLAND_DISPLAY") or env.get("XDG_SESSION_TYPE") == "wayland":
        return ["wayland", "xcb"]  # Qt falls back to xcb when wayland cannot load
    return ["xcb"]


def plugin_path(plugins_dir: Path, platform: str) -> Path:
    path = plugins_dir / f"libq{platform}.so"
    if not path.exists() and platform.startswith("wayland"):
        path = plugins_dir / "libqwayland.so"
    return path


def check_platforms(platforms: list[str], plugins_dir: Path,
                    ldd: LddRunner) -> list[MissingLibraries]:
    """What each candidate plugin lacks, or [] when at least one of them can load."""
    problems = []
    for platform in platforms:
        problem = missing_libraries(platform, plugin_path(plugins_dir, platform), ldd)
        if problem is None:
            return []
        problems.append(problem)
    return problems


def packages_for(libraries: list[str]) -> tuple[list[str], list[str], list[str]]:
    """(Debian packages, Fedora packages, libraries with no known package)."""
    debian: list[str] = []
    fedora: list[str] = []
    unknown: list[str] = []
    for library in libraries:
        if library not in PACKAGES:
            unknown.append(library)
            continue
        deb, rpm = PACKAGES[library]
        debian += [deb] if deb not in debian else []
        fedora += [rpm] if rpm not in fedora else []
    return debian, fedora, unknown


def report(problems: list[MissingLibraries]) -> str:
    """The text a user reads: what is missing and the one command that installs it."""
    lines = ["TorchScope cannot open its window: Qt's platform plugin needs system "
             "libraries that are not installed."]
    libraries: list[str] = []
    for problem in problems:
        lines.append(f"Missing for the {problem.platform} plugin ({problem.plugin.name}):")
        lines += [f"  {library}" for library in problem.libraries]
        libraries += [lib for lib in problem.libraries if lib not in libraries]
    debian, fedora, unknown = packages_for(libraries)
    if debian:
        lines += ["Install them with:",
                  f"  sudo apt-get install {' '.join(debian)}    # Debian, Ubuntu",
                  f"  sudo dnf install {' '.join(fedora)}    # Fedora"]
    if unknown:
        lines.append("No package known for: " + ", ".join(unknown)
                     + " (apt-file search NAME or dnf provides '*/NAME' finds it)")
    lines.append("Without a window, QT_QPA_PLATFORM=offscreen works "
                 "(for example with --screenshot OUT.png).")
    return "\n".join(lines)


def qt_plugins_dir(env: Mapping[str, str]) -> Path:
    """Where Qt finds the platform plugins (imports QtCore only).

    QT_QPA_PLATFORM_PLUGIN_PATH, else the first QT_PLUGIN_PATH entry holding platform
    plugins (a PyInstaller bundle sets it), else Qt's own plugins folder.
    """
    if env.get("QT_QPA_PLATFORM_PLUGIN_PATH"):
        return Path(env["QT_QPA_PLATFORM_PLUGIN_PATH"])
    for entry in env.get("QT_PLUGIN_PATH", "").split(os.pathsep):
        if entry and any((Path(entry) / "platforms").glob("libq*.so")):
            return Path(entry) / "platforms"
    from PySide6.QtCore import QLibraryInfo

    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"


def check_before_window(env: Mapping[str, str] | None = None,
                        ldd: LddRunner = run_ldd) -> int | None:
    """Prints the report and returns exit code 2 when the window cannot open, else None."""
    env = os.environ if env is None else env
    if not sys.platform.startswith("linux") or env.get(SKIP_VARIABLE):
        return None
    platforms = candidate_platforms(env)
    if not platforms or platforms[0] in ("offscreen", "minimal"):
        return None
    problems = check_platforms(platforms, qt_plugins_dir(env), ldd)
    if not problems:
        return None
    print(report(problems), file=sys.stderr)
    return EXIT_MISSING_LIBRARIES
