"""Opening image files that a user chose, without trusting them.

torchvision 0.29.1's PNG decoder can kill the whole process (segmentation fault) on some
corrupt PNGs, so images are decoded with Pillow, which raises an exception instead. EXIF
orientation is applied (see engine.datasets.image_integrity). Before
decoding, the pixel count is read from the header and images above ``MAX_PIXELS`` are
refused (decompression bombs). Files are only ever read, never written.
"""

from __future__ import annotations

import warnings
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from engine.core.errors import DataError
from engine.i18n.messages import msg

MAX_PIXELS = 25_000_000  # 5000 × 5000: far above any teaching dataset, far below a bomb
MAX_FILE_BYTES = 200 * 1024 * 1024
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".gif", ".tif", ".tiff", ".webp", ".ppm",
                  ".pgm")


def check_header(path: Path, max_pixels: int = MAX_PIXELS) -> tuple[int, int]:
    """(width, height) from the header only; DataError if unreadable or too big."""
    path = Path(path)
    if not path.is_file():
        raise DataError(msg("Image file not found: {path}", path=path), field="image")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise DataError(msg("{path} is larger than 200 MiB: not opened.", path=path.name),
                        field="image")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
    except Image.DecompressionBombError as exc:
        raise DataError(msg("{path} claims more pixels than Pillow accepts: refused before "
                            "decoding (it could be a decompression bomb).", path=path.name),
                        field="image") from exc
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise DataError(msg("{path} is not an image Pillow can read ({error}).",
                            path=path.name, error=type(exc).__name__), field="image") from exc
    if width * height > max_pixels:
        raise DataError(msg("{path} is {width}×{height} pixels, more than the {limit} pixels "
                            "allowed: refused before decoding (it could be a decompression "
                            "bomb).", path=path.name, width=width, height=height,
                            limit=f"{max_pixels:,}"), field="image")
    return width, height


def open_image(path: Path, max_pixels: int = MAX_PIXELS) -> Image.Image:
    """A fully decoded Pillow image (mode L or RGB), turned upright by its EXIF orientation
    as ``ImageOps.exif_transpose`` does; DataError naming the file otherwise."""
    check_header(path, max_pixels)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                image.load()
                mode = "L" if image.mode in ("1", "L", "I", "I;16", "F") else "RGB"
                return ImageOps.exif_transpose(image).convert(mode)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombWarning,
            Image.DecompressionBombError) as exc:
        raise DataError(msg("{path} is corrupt or truncated and cannot be decoded ({error}).",
                            path=Path(path).name, error=str(exc) or type(exc).__name__),
                        field="image") from exc


def is_image_name(path: Path) -> bool:
    return Path(path).suffix.lower() in IMAGE_SUFFIXES
