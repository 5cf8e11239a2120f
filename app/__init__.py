"""howey: how likely a crypto token is to be treated as a security under the U.S. Howey test."""

__version__ = "0.1.0"
