"""One family of errors for the whole project. Each kind knows how every surface reports it (its
HTTP status and its command-line exit code), so the API maps them in one handler and the CLI in
one place, and the same failure is reported the same way wherever it happens."""

from __future__ import annotations


class HoweyError(Exception):
    """Something the project refuses to do, with a message that says why and what to do."""

    http_status = 500
    exit_code = 1


class InputError(HoweyError):
    """What the user gave cannot be used (a file, a column, an option): fix the input."""

    http_status = 422
    exit_code = 2


class ModelIntegrityError(HoweyError):
    """The model directory cannot be trusted or used: say exactly why, never load silently. (Over
    HTTP only a reload meets it: 409, and the previous model keeps serving.)"""

    http_status = 409
    exit_code = 1


class RulebookMismatch(ModelIntegrityError):
    """The model was trained on the prong scores of other rules or engine constants."""


class StoreUnavailable(HoweyError):
    """A record that must be written (an audit row) cannot be: nothing is served without it."""

    http_status = 503
    exit_code = 1


class Busy(HoweyError):
    """Another run holds the file this one must replace, for longer than it will wait."""

    http_status = 409
    exit_code = 1


class TrainingDataError(HoweyError):
    """The data cannot train a model; the message says why."""

    http_status = 422
    exit_code = 1
