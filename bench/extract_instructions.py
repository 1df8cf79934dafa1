"""Instructions per document of the rules extractor, counted by valgrind's callgrind: a figure that, unlike CPU
time, does not move with the machine's load, so that a speed change can be measured on a busy machine.

usage: .venv/bin/python bench/extract_instructions.py [--gold DIR]

Runs the extractor over the dev-set texts once and three times under `valgrind --tool=callgrind` and prints the
difference per document (start-up and the extractor's build cancel out). Needs valgrind (Debian: valgrind); takes
about a minute.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold"

_RUN = """
import sys
from extract_throughput import load_texts
from app.extract import make_extractor
from app.taxonomy import load_taxonomy
docs = load_texts(__import__("pathlib").Path(sys.argv[1]))
extractor = make_extractor("rules", taxonomy=load_taxonomy())
for _ in range(int(sys.argv[2])):
    for text, on in docs:
        extractor(text, published_on=on)
print(len(docs))
"""


def instructions(gold: Path, rounds: int) -> tuple[int, int]:
    """Return (instructions executed, documents) for a run of the extractor over the gold texts."""
    done = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            sys.executable,
            "-c",
            _RUN,
            str(gold),
            str(rounds),
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent,
    )
    refs = re.search(r"Collected\s*:\s*([\d,]+)", done.stderr) or re.search(r"refs:\s*([\d,]+)", done.stderr)
    if refs is None:
        raise SystemExit(f"no instruction count in valgrind's output:\n{done.stderr[-2000:]}")
    return int(refs.group(1).replace(",", "")), int(done.stdout.split()[-1])


def main() -> None:
    """Print the instructions per document."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt-get install -y valgrind)")
    one, docs = instructions(args.gold, 1)
    three, _ = instructions(args.gold, 3)
    print(f"rules extractor: {(three - one) / (2 * docs) / 1e6:.2f} M instructions per document ({docs} documents)")


if __name__ == "__main__":
    main()
