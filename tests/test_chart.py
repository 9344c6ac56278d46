"""chart.py: a valid PNG, decoded back here with zlib, with bars where the values say."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest

from caseops import chart


def decode(png: bytes) -> tuple[int, int, list[bytes]]:
    """(width, height, rows of RGB) of an 8-bit RGB, filter-0 PNG; checks every chunk's CRC."""
    assert png[:8] == chart.PNG_SIGNATURE
    pos, chunks = 8, []
    while pos < len(png):
        (length,) = struct.unpack(">I", png[pos : pos + 4])
        kind, data = png[pos + 4 : pos + 8], png[pos + 8 : pos + 8 + length]
        (crc,) = struct.unpack(">I", png[pos + 8 + length : pos + 12 + length])
        assert crc == zlib.crc32(kind + data) & 0xFFFFFFFF, kind
        chunks.append((kind, data))
        pos += 12 + length
    assert [kind for kind, _ in chunks] == [b"IHDR", b"IDAT", b"IEND"]
    width, height, depth, color_type, _, _, _ = struct.unpack(">IIBBBBB", chunks[0][1])
    assert (depth, color_type) == (8, 2)
    raw = zlib.decompress(chunks[1][1])
    stride = 1 + 3 * width
    assert len(raw) == stride * height
    rows = [raw[y * stride : (y + 1) * stride] for y in range(height)]
    assert all(row[0] == 0 for row in rows)
    return width, height, [row[1:] for row in rows]


def test_encoded_png_has_signature_and_ihdr_size() -> None:
    canvas = chart.Canvas(7, 5)
    canvas.set(3, 2, (10, 20, 30))
    width, height, rows = decode(canvas.png())
    assert (width, height) == (7, 5)
    assert rows[2][9:12] == bytes((10, 20, 30))
    assert rows[0][:3] == bytes(chart.WHITE)


def test_encoder_refuses_wrong_pixel_count() -> None:
    with pytest.raises(ValueError):
        chart.encode_png(2, 2, b"\x00" * 11)


def _column_height(rows: list[bytes], x: int, color: tuple[int, int, int]) -> int:
    return sum(row[3 * x : 3 * x + 3] == bytes(color) for row in rows)


def test_bar_heights_follow_values() -> None:
    plot = 200
    canvas = chart.bar_chart([[1.0, 0.5, 0.0], [0.25]], bar_width=20, gap=10, group_gap=30, plot_height=plot)
    width, height, rows = decode(canvas.png())
    assert (width, height) == (canvas.width, canvas.height)
    first, second = chart.PALETTE[0], chart.PALETTE[1]
    left = 16 + 10 // 2  # margin + half a gap
    centres = [left + 10, left + 40, left + 70]
    heights = [_column_height(rows, x, first) for x in centres]
    assert heights[0] == plot and heights[1] == plot // 2 and heights[2] == 0
    other = left + 3 * 30 + 20 + 10  # after three bars and the group gap
    assert _column_height(rows, other, second) == plot // 4


def test_values_are_clipped_to_the_scale() -> None:
    canvas = chart.bar_chart([[2.0, -1.0]], plot_height=100, bar_width=20, gap=10)
    _, _, rows = decode(canvas.png())
    assert _column_height(rows, 16 + 5 + 10, chart.PALETTE[0]) == 100
    assert _column_height(rows, 16 + 5 + 40, chart.PALETTE[0]) == 0


def test_write_bar_chart_writes_a_file(tmp_path: Path) -> None:
    path = chart.write_bar_chart(tmp_path / "sub" / "c.png", [[0.3, 0.7]])
    width, height, _ = decode(path.read_bytes())
    assert width > 0 and height > 0


def test_empty_chart_is_refused() -> None:
    with pytest.raises(ValueError):
        chart.bar_chart([[]])
