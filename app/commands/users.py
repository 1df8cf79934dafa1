"""`posture users`: add accounts, issue API tokens, list accounts."""

from __future__ import annotations

import sys

import typer

from app.cli import console, fail, settings_or_exit

users_app = typer.Typer(help="Accounts (admin, editor, viewer) and API tokens.", no_args_is_help=True)


def _db():
    from app.pipeline import open_database

    return open_database(settings_or_exit())


@users_app.command("add")
def add(
    name: str = typer.Argument(..., help="User name (letters, digits, '_', '.', '@', '-')."),
    role: str = typer.Option("viewer", help="admin, editor or viewer."),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="Read the password from standard input."),
) -> None:
    """Add an account; the password is asked for (or read from stdin)."""
    from app.store.engine import session_scope
    from app.store.users import UserError, create_user

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    db = _db()
    try:
        with session_scope(db.sessions) as session:
            create_user(session, username=name, password=password, role=role)
    except UserError as exc:
        raise fail(str(exc)) from None
    except Exception as exc:  # database unreachable or not migrated
        raise fail(f"cannot add the user: {exc.__class__.__name__}: {str(exc).splitlines()[0]}") from None
    finally:
        db.dispose()
    console.print(f"[green]added[/] {name} ({role})")


@users_app.command("token")
def token(
    name: str = typer.Argument(..., help="The user the token acts for."),
    label: str = typer.Option("cli", help="A note to remember the token by."),
) -> None:
    """Create an API token for a user and print it once (send it as `Authorization: Bearer <token>`)."""
    from app.store.engine import session_scope
    from app.store.users import UserError, create_token

    db = _db()
    try:
        with session_scope(db.sessions) as session:
            value = create_token(session, username=name, name=label)
    except UserError as exc:
        raise fail(str(exc)) from None
    except Exception as exc:
        raise fail(f"cannot create a token: {exc.__class__.__name__}: {str(exc).splitlines()[0]}") from None
    finally:
        db.dispose()
    typer.echo(value)


@users_app.command("list")
def list_() -> None:
    """List the accounts and their roles."""
    from app.store.engine import session_scope
    from app.store.users import list_users

    db = _db()
    try:
        with session_scope(db.sessions) as session:
            rows = [(u.username, u.role, u.is_active) for u in list_users(session)]
    except Exception as exc:
        raise fail(f"cannot list users: {exc.__class__.__name__}: {str(exc).splitlines()[0]}") from None
    finally:
        db.dispose()
    for username, role, active in rows:
        typer.echo(f"{username}\t{role}\t{'active' if active else 'disabled'}")


def register(app: typer.Typer) -> None:
    """Add the `users` command group."""
    app.add_typer(users_app, name="users")
