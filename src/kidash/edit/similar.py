"""Names spelt nearly alike: before a new actor is added, the ones it may already be."""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz, process, utils

__all__ = ["near_names"]


def near_names(name: str, known: Iterable[tuple[str, str]], limit: int = 3, cutoff: float = 85) -> list[str]:
    """The ids of up to ``limit`` known actors whose name or other spelling is close to ``name``
    (``known``: (id, a spelling) pairs), best first. Case, accents' absence and word order aside.

    >>> near_names("Helse-direktoratet", [("hdir", "Helsedirektoratet"), ("ks", "KS")])
    ['hdir']
    >>> near_names("Kreftregisteret", [("hdir", "Helsedirektoratet")])
    []
    """
    name = (name or "").strip()
    if len(name) < 3:
        return []
    pairs = list(known)
    found = process.extract(name, [spelling for _, spelling in pairs], scorer=fuzz.WRatio,
                            processor=utils.default_process, score_cutoff=cutoff, limit=limit * 4)  # fmt: skip
    ids: list[str] = []
    for _, _, index in found:
        if pairs[index][0] not in ids:
            ids.append(pairs[index][0])
    return ids[:limit]
