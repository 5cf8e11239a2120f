"""The project's configuration, one ``Settings`` for the CLI and the API, read from HOWEY_*
environment variables (see the README). Defaults are paths inside this checkout, never relative to
the working directory, so every command works from any folder; a relative path given in the
environment is read from the working directory, as a user typing it would expect."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from app.store.database import DEFAULT_POOL_SIZE, DEFAULT_TIMEOUT_SECONDS, database_target

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="HOWEY_", extra="ignore")

    model_dir: Path = Field(PROJECT_ROOT / "model", description="The model artifacts to serve.")
    data: Path = Field(PROJECT_ROOT / "data" / "labeled_tokens.csv", description="The labeled-token dataset.")
    db: Path | str = Field(PROJECT_ROOT / "howey.db",
                           description="The audit log of every score served, and the reviews: a SQLite file (a path or a "
                           "sqlite:/// URL), or a postgresql:// URL that several replicas share.")
    db_timeout: float = Field(DEFAULT_TIMEOUT_SECONDS, gt=0, le=600,
                              description="Seconds a write waits for the database (its lock or a connection) before 503.")
    db_pool_size: int = Field(DEFAULT_POOL_SIZE, ge=1, le=100,
                              description="Connections each worker keeps to PostgreSQL (unused with SQLite).")
    model_sha256: str | None = Field(None, pattern=r"^\s*[0-9a-fA-F]{64}\s*$",
                                     description="Pinned SHA-256 of the model artifact: when set, nothing else is loaded.")
    api_key: SecretStr | None = Field(None, description="Key for admin endpoints (X-API-Key); unset disables them.")
    audit_store_text: bool = Field(False, description="Also store each scored text in the audit log.")
    max_body_bytes: int = Field(2 * 1024 * 1024, gt=0, description="Requests with a larger body answer 413.")
    max_file_bytes: int = Field(20 * 1024 * 1024, gt=0, description="A whitepaper file larger than this answers 413.")
    max_file_pages: int = Field(500, gt=0, description="A PDF with more pages answers 422.")

    @field_validator("db", mode="before")
    @classmethod
    def _database_target(cls, value: object) -> object:
        return database_target(value) if isinstance(value, Path | str) else value

    @field_validator("api_key")
    @classmethod
    def _sendable_key(cls, key: SecretStr | None) -> SecretStr | None:
        """An HTTP header carries printable ASCII: a key with any other character could never be
        sent, and would lock every client out. Refused at start-up instead."""
        if key is not None and not all(" " < char < "\x7f" for char in key.get_secret_value()):
            raise ValueError("HOWEY_API_KEY must be printable ASCII without spaces: an HTTP header cannot carry it otherwise")
        return key
