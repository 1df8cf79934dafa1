"""Every `posture` command and sub-command answers --help, and bad settings give a clear error."""

from __future__ import annotations

import subprocess
import sys

import typer
from typer.testing import CliRunner

from app import cli


def _commands(app: typer.Typer, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """List the command paths of a typer app, sub-apps included."""
    out: list[tuple[str, ...]] = []
    for command in app.registered_commands:
        name = command.name or command.callback.__name__.replace("_", "-")
        out.append((*prefix, name))
    for group in app.registered_groups:
        out.append((*prefix, group.name))
        out += _commands(group.typer_instance, (*prefix, group.name))
    return out


def test_every_command_has_help():
    cli._register_commands()
    paths = _commands(cli.app)
    names = {p[0] for p in paths}
    assert {"db", "serve", "ingest", "extract", "eval", "demo"} <= names
    runner = CliRunner()
    for path in paths:
        result = runner.invoke(cli.app, [*path, "--help"])
        assert result.exit_code == 0, (path, result.output)
        assert "Usage" in result.output


def test_bad_setting_is_a_clear_error(tmp_path):
    env = {"POSTURE_PAGE_SIZE": "not-a-number", "PATH": "/usr/bin:/bin"}
    run = subprocess.run(
        [sys.executable, "-m", "app.cli", "db", "upgrade"], env=env, cwd=tmp_path, capture_output=True, text=True
    )
    assert run.returncode != 0
    assert "POSTURE_" in run.stderr and "Traceback" not in run.stderr
