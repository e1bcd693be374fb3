"""What a decoder may pass over in silence: damaged PNG chunks and EXIF orientation.

A PNG stores a CRC-32 checksum after every chunk. Pillow checks them in ``verify()`` but
not while decoding, so a file whose data checksum is wrong (PngSuite's ``xcsn0g01.png``)
decodes without a word. ``png_damage`` walks the chunks and names the first one whose
checksum is wrong, then asks Pillow's ``verify()`` for anything else it finds.

Phone photos often store their pixels unrotated with an EXIF Orientation tag (1 = as
stored, 3 = 180°, 6 = 90° clockwise, 8 = 90° counter-clockwise, 2/4/5/7 mirrored).
The app applies it as ``PIL.ImageOps.exif_transpose`` does, and says so.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from PIL import Image

from engine.i18n.messages import Text, msg

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
ORIENTATION_TAG = 0x0112
MAX_CHUNKS = 100_000


def _chunk_crc_problem(data: bytes) -> Text | None:
    """The first chunk whose stored CRC differs from the computed one, or None."""
    position = len(PNG_SIGNATURE)
    for _ in range(MAX_CHUNKS):
        if position + 8 > len(data):
            return None
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        end = position + 8 + length
        if end + 4 > len(data):
            return msg("chunk {chunk} is cut short (the file is truncated)",
                       chunk=kind.decode("latin-1"))
        stored = struct.unpack(">I", data[end:end + 4])[0]
        computed = zlib.crc32(data[position + 4:end])
        if stored != computed:
            return msg("the CRC checksum of chunk {chunk} is wrong (stored {stored:08x}, "
                       "computed {computed:08x})", chunk=kind.decode("latin-1"),
                       stored=stored, computed=computed)
        if kind == b"IEND":
            return None
        position = end + 4
    return None


def png_damage(path: Path) -> Text | None:
    """Why a PNG file is damaged (a chunk checksum, or Pillow's ``verify()``), or None.
    Files that are not PNGs are not looked at here."""
    data = Path(path).read_bytes()
    if not data.startswith(PNG_SIGNATURE):
        return None
    problem = _chunk_crc_problem(data)
    if problem is None:
        try:
            with Image.open(path) as image:
                image.verify()
        except (OSError, SyntaxError, ValueError) as exc:
            problem = msg("Pillow's verify() says: {error}", error=str(exc) or type(exc).__name__)
    if problem is None:
        return None
    return msg("{path} is damaged: {problem}; the pixels may look right but the file is not "
               "intact.", path=Path(path).name, problem=problem)


def exif_orientation(image: Image.Image) -> int:
    """The EXIF Orientation tag of an open image (1 when absent or invalid)."""
    try:
        value = int(image.getexif().get(ORIENTATION_TAG, 1))
    except (TypeError, ValueError, OSError, SyntaxError):
        return 1
    return value if 1 <= value <= 8 else 1


def file_orientation(path: str | Path | None) -> int:
    """The EXIF Orientation tag of an image file, read from its header (1 if none)."""
    if not path:
        return 1
    try:
        with Image.open(path) as image:
            return exif_orientation(image)
    except (OSError, ValueError, SyntaxError):
        return 1
