"""The project's configuration, one ``Settings`` for the CLI and the API, read from HOWEY_*
environment variables (see the README). Defaults are paths inside this checkout, never relative to
the working directory, so every command works from any folder; a relative path given in the
environment is read from the working directory, as a user typing it would expect."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="HOWEY_", extra="ignore")

    model_dir: Path = Field(PROJECT_ROOT / "model", description="The model artifacts to serve.")
    data: Path = Field(PROJECT_ROOT / "data" / "labeled_tokens.csv", description="The labeled-token dataset.")
    db: Path = Field(PROJECT_ROOT / "howey.db", description="SQLite audit log of every score served.")
    api_key: SecretStr | None = Field(None, description="Key for admin endpoints (X-API-Key); unset disables them.")
    audit_store_text: bool = Field(False, description="Also store each scored text in the audit log.")
    max_body_bytes: int = Field(2 * 1024 * 1024, gt=0, description="Requests with a larger body answer 413.")

    @property
    def data_card(self) -> Path:
        """The data card beside the dataset, whose counts `howey data add` refreshes."""
        return self.data.parent / "README.md"
