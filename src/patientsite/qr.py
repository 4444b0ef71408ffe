"""The QR code tables the browser needs to draw a QR code (error correction level M)."""

from __future__ import annotations

from functools import cache

from segno import consts


@cache
def qr_tables(max_version: int = 25) -> dict[int, dict[str, list[object]]]:
    """Per version: error-correction block groups [count, total, data] and alignment positions."""
    level = consts.ERROR_LEVEL_M
    alignment: tuple[tuple[int, ...], ...] = consts.ALIGNMENT_POS
    tables: dict[int, dict[str, list[object]]] = {}
    for version in range(1, max_version + 1):
        groups: tuple[consts.EC, ...] = consts.ECC[version][level]  # type: ignore[index]
        blocks = [[ec.num_blocks, ec.num_total, ec.num_data] for ec in groups]
        align = list(alignment[version - 2]) if version > 1 else []
        tables[version] = {"blocks": list(blocks), "align": list(align)}
    return tables
