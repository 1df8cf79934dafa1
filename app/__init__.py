"""Posture: where NATO and EU governments and leaders stand on Russia's war against Ukraine."""

__version__ = "0.1.0"
