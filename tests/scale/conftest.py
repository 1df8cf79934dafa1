"""Helpers for the scale and fault tests: small filesystems for the SQLite fault cases."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def can_mount() -> bool:
    """Return whether this process may mount a tmpfs (root with CAP_SYS_ADMIN)."""
    return os.geteuid() == 0 and Path("/bin/mount").exists()


@contextmanager
def tmpfs(path: Path, size: str) -> Iterator[Path]:
    """Mount a size-limited tmpfs at path for the block; unmount afterwards."""
    path.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


def remount(path: Path, mode: str) -> None:
    """Remount a tmpfs read-only ('ro') or read-write ('rw')."""
    subprocess.run(["mount", "-o", f"remount,{mode}", str(path)], check=True, capture_output=True)
