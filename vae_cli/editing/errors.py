"""Why an edit was not written."""

from __future__ import annotations

from vae_cli.errors import ExitCode, VaeError


class EditRefused(VaeError):
    """The edit cannot or must not be written (unknown id, entry exists, would add an error...).

    Exit code 1, like findings: the command ran, and the answer is no. The file is untouched.
    """

    exit_code = ExitCode.FINDINGS
