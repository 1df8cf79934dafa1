"""Settings, read from the environment (prefix POSTURE_) or a .env file."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Every knob Posture has; built by get_settings(), never at import time."""

    model_config = SettingsConfigDict(env_prefix="POSTURE_", env_file=".env", extra="ignore")

    database_url: str = Field(
        default="sqlite:///posture.db",
        description="SQLAlchemy URL: sqlite:///path.db or postgresql+psycopg://user@host/db",
    )
    taxonomy_dir: Path | None = Field(
        default=None,
        description="A folder of user YAML/JSON files that extend or replace the shipped reference data",
    )
    taxonomy_replace: bool = Field(default=False, description="Replace the shipped taxonomy instead of extending it")
    sql_echo: bool = False

    # Web
    secret_key: str = Field(default="change-me-in-production", description="Signs session cookies and CSRF tokens")
    require_login: bool = Field(default=False, description="Require login to read the dashboard")
    secure_cookies: bool = Field(default=False, description="Mark cookies Secure (behind HTTPS)")
    page_size: int = Field(default=50, ge=1, le=1000)

    # Ingestion
    fetch_timeout: float = Field(default=15.0, gt=0)
    fetch_max_bytes: int = Field(default=10 * 1024 * 1024, gt=0)
    fetch_max_redirects: int = Field(default=5, ge=0)
    allow_private_urls: bool = Field(
        default=False, description="Allow fetching loopback/private/link-local URLs (tests, trusted setups)"
    )
    max_file_bytes: int = Field(default=20 * 1024 * 1024, gt=0)
    user_agent: str = "Posture/0.1 (+https://github.com/posture)"

    # Extraction
    extractor: str = Field(default="rules", description="Default extractor name")
    llm_base_url: str | None = Field(
        default=None, description="OpenAI-compatible endpoint, e.g. http://127.0.0.1:8000/v1"
    )
    llm_api_key: str | None = None
    llm_model: str = "gpt-4o-mini"
    llm_timeout: float = 60.0
    llm_max_retries: int = 2
    llm_concurrency: int = 4


@lru_cache
def get_settings() -> Settings:
    """Return the process-wide settings, read once from the environment."""
    return Settings()
