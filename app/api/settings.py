"""Service configuration, read from HOWEY_* environment variables (see the README)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="HOWEY_", extra="ignore")

    model_dir: Path = Field(Path("model"), description="The model artifacts to serve.")
    db: Path = Field(Path("howey.db"), description="SQLite audit log of every score served.")
    api_key: SecretStr | None = Field(None, description="Key for admin endpoints (X-API-Key); unset disables them.")
    audit_store_text: bool = Field(False, description="Also store each scored text in the audit log.")
    max_body_bytes: int = Field(2 * 1024 * 1024, gt=0, description="Requests with a larger body answer 413.")
