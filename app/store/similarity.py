"""Order rows so that similar ones sit together: average-linkage agglomerative clustering, no scipy needed."""

from __future__ import annotations

from collections.abc import Sequence


def similarity_order(vectors: Sequence[Sequence[float]]) -> list[int]:
    """Return a leaf order from average-linkage agglomerative clustering (Euclidean), similar rows adjacent."""
    n = len(vectors)
    if n <= 2:
        return list(range(n))

    def dist(a: Sequence[float], b: Sequence[float]) -> float:
        return sum((x - y) ** 2 for x, y in zip(a, b, strict=True)) ** 0.5

    # Clusters: id -> (size, leaf order); d holds average distances between live clusters (Lance-Williams update).
    clusters: dict[int, tuple[int, list[int]]] = {i: (1, [i]) for i in range(n)}
    d: dict[tuple[int, int], float] = {(i, j): dist(vectors[i], vectors[j]) for i in range(n) for j in range(i + 1, n)}
    next_id = n
    while len(clusters) > 1:
        (a, b), _ = min(d.items(), key=lambda kv: (kv[1], kv[0]))
        size_a, order_a = clusters.pop(a)
        size_b, order_b = clusters.pop(b)
        merged = next_id
        next_id += 1
        for c in clusters:
            da = d.pop((min(a, c), max(a, c)))
            db = d.pop((min(b, c), max(b, c)))
            d[(c, merged)] = (size_a * da + size_b * db) / (size_a + size_b)
        del d[(a, b)]
        clusters[merged] = (size_a + size_b, order_a + order_b)
    return next(iter(clusters.values()))[1]
