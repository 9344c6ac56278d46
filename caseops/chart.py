"""A small bar chart written as a PNG with the standard library only (zlib + struct).

Bars stand on a pixel grid with axis lines and light grid lines at 0.25 steps of a 0..1 scale.
Each bar carries its 1-based index below it and its value (two decimals) above it, drawn with a
tiny built-in digit font; the names that go with the indices belong in a legend beside the
chart (the Markdown report prints one). Groups of bars are separated by a gap and coloured apart.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Sequence
from pathlib import Path

Color = tuple[int, int, int]

WHITE: Color = (255, 255, 255)
BLACK: Color = (0, 0, 0)
GRID: Color = (225, 225, 225)
PALETTE: tuple[Color, ...] = ((66, 114, 196), (237, 125, 49), (112, 173, 71), (165, 105, 189), (91, 155, 213))

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

# 3x5 glyphs, one string of 15 bits per character, row by row.
_GLYPHS = {
    "0": "111101101101111",
    "1": "010110010010111",
    "2": "111001111100111",
    "3": "111001111001111",
    "4": "101101111001001",
    "5": "111100111001111",
    "6": "111100111101111",
    "7": "111001001001001",
    "8": "111101111101111",
    "9": "111101111001111",
    ".": "000000000000010",
    "-": "000000111000000",
}
GLYPH_W, GLYPH_H = 3, 5


class Canvas:
    """An RGB pixel grid, origin top left."""

    def __init__(self, width: int, height: int, background: Color = WHITE) -> None:
        if width <= 0 or height <= 0:
            raise ValueError(f"canvas size must be positive, got {width}x{height}")
        self.width, self.height = width, height
        self.pixels = bytearray(bytes(background) * (width * height))

    def set(self, x: int, y: int, color: Color) -> None:
        if 0 <= x < self.width and 0 <= y < self.height:
            i = 3 * (y * self.width + x)
            self.pixels[i : i + 3] = bytes(color)

    def rect(self, x0: int, y0: int, x1: int, y1: int, color: Color) -> None:
        """Fill the rectangle [x0, x1) x [y0, y1), clipped to the canvas."""
        x0, x1 = max(0, min(x0, x1)), min(self.width, max(x0, x1))
        y0, y1 = max(0, min(y0, y1)), min(self.height, max(y0, y1))
        if x0 >= x1:
            return
        row = bytes(color) * (x1 - x0)
        for y in range(y0, y1):
            start = 3 * (y * self.width + x0)
            self.pixels[start : start + len(row)] = row

    def text(self, x: int, y: int, text: str, color: Color = BLACK, scale: int = 2) -> None:
        """Draw digits, '.' and '-' (other characters leave a blank) with the top left at (x, y)."""
        for index, char in enumerate(text):
            bits = _GLYPHS.get(char)
            if bits is None:
                continue
            left = x + index * (GLYPH_W + 1) * scale
            for bit, on in enumerate(bits):
                if on == "1":
                    gx, gy = bit % GLYPH_W, bit // GLYPH_W
                    self.rect(left + gx * scale, y + gy * scale, left + (gx + 1) * scale, y + (gy + 1) * scale, color)

    def png(self) -> bytes:
        return encode_png(self.width, self.height, self.pixels)


def text_width(text: str, scale: int = 2) -> int:
    return len(text) * (GLYPH_W + 1) * scale - scale if text else 0


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def encode_png(width: int, height: int, rgb: bytes | bytearray) -> bytes:
    """An 8-bit RGB PNG of `rgb` (rows top to bottom, no padding)."""
    stride = 3 * width
    if len(rgb) != stride * height:
        raise ValueError(f"expected {stride * height} bytes of RGB, got {len(rgb)}")
    raw = b"".join(b"\x00" + bytes(rgb[y * stride : (y + 1) * stride]) for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return PNG_SIGNATURE + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(raw, 9)) + _chunk(b"IEND", b"")


def bar_chart(
    groups: Sequence[Sequence[float]],
    *,
    bar_width: int = 36,
    gap: int = 10,
    group_gap: int = 36,
    plot_height: int = 240,
    vmax: float = 1.0,
) -> Canvas:
    """Bars for each group of values (each value drawn against 0..vmax), groups coloured apart.

    Bars are numbered 1, 2, ... left to right across all groups.
    """
    count = sum(len(group) for group in groups)
    if count == 0:
        raise ValueError("a bar chart needs at least one value")
    margin_left, margin_right, margin_top, margin_bottom = 16, 16, 24, 28
    width = (
        margin_left + margin_right + count * bar_width + (count - 1) * gap + (len(groups) - 1) * max(0, group_gap - gap)
    )
    height = margin_top + plot_height + margin_bottom
    canvas = Canvas(width, height)
    base_y = margin_top + plot_height  # the x axis
    for quarter in range(1, 5):
        y = base_y - round(plot_height * quarter / 4)
        canvas.rect(margin_left, y, width - margin_right, y + 1, GRID)
    x = margin_left + gap // 2
    number = 0
    for group_index, group in enumerate(groups):
        color = PALETTE[group_index % len(PALETTE)]
        for value in group:
            number += 1
            share = 0.0 if vmax <= 0 else max(0.0, min(1.0, value / vmax))
            top = base_y - round(plot_height * share)
            canvas.rect(x, top, x + bar_width, base_y, color)
            label = f"{value:.2f}"
            canvas.text(x + (bar_width - text_width(label)) // 2, top - 14, label)
            index = str(number)
            canvas.text(x + (bar_width - text_width(index)) // 2, base_y + 8, index)
            x += bar_width + gap
        x += max(0, group_gap - gap)
    canvas.rect(margin_left - 2, margin_top - 8, margin_left, base_y + 2, BLACK)  # y axis
    canvas.rect(margin_left - 2, base_y, width - margin_right, base_y + 2, BLACK)  # x axis
    return canvas


def write_bar_chart(path: str | Path, groups: Sequence[Sequence[float]], **options: int | float) -> Path:
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(bar_chart(groups, **options).png())  # type: ignore[arg-type]
    return target
