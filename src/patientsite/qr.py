"""The QR code tables the browser needs to draw a QR code (error correction level M)."""

from __future__ import annotations

from functools import cache

from segno import consts


@cache
def qr_tables(max_version: int = 25) -> dict[int, dict[str, list[object]]]:
    """Per version: error-correction block groups [count, total, data] and alignment positions."""
    level = consts.ERROR_LEVEL_M
    return {
        version: {
            "blocks": [[ec.num_blocks, ec.num_total, ec.num_data] for ec in consts.ECC[version][level]],
            "align": list(consts.ALIGNMENT_POS[version - 2]) if version > 1 else [],
        }
        for version in range(1, max_version + 1)
    }
