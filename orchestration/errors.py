"""The one exception type for user-facing failures: the CLI prints its message, no traceback."""


class PilotageError(Exception):
    """A failure the user can act on (bad path, bad input, audit failure); message is one line."""
