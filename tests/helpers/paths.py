"""Where the checkout keeps what the tests read and write."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHIPPED_MODEL = ROOT / "model"
DATA = ROOT / "data" / "labeled_tokens.csv"
OUTPUT = ROOT / "test-output"
