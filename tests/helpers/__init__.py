"""Plain helpers shared by the tests (constants, builders, the live-server machinery). Fixtures live
in the conftest.py files, where pytest finds them; test modules import helpers from here, never
from a conftest or another test module."""
