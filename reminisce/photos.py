"""Photos that come with memories: only real images, and not too large.

Each photo is opened with Pillow before it is accepted, so a damaged or disguised
file is refused here instead of breaking a page that shows it.
"""

from __future__ import annotations

import io

from PIL import Image, UnidentifiedImageError

from reminisce.errors import ValidationError

MAX_PHOTO_BYTES = 5 * 1024 * 1024
_SIGNATURES = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)


def photo_type(data: bytes | None) -> str:
    """The image's type from its first bytes, or ValidationError. Empty means no photo."""
    if not data:
        return ""
    if len(data) > MAX_PHOTO_BYTES:
        raise ValidationError({"photo": f"is {len(data) / 2**20:.1f} MB; the limit is 5 MB."})
    kind = "image/webp" if data[:4] == b"RIFF" and data[8:12] == b"WEBP" else None
    kind = kind or next((k for signature, k in _SIGNATURES if data.startswith(signature)), None)
    if kind is None:
        raise ValidationError({"photo": "is not a photo we can show (use JPEG, PNG, WebP or GIF)."})
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        raise ValidationError({"photo": "could not be opened; it may be damaged. Try another copy."}) from None
    return kind
