#!/usr/bin/env bash
# `make run`: the whole system locally. Completed by the service and local-mode work.
set -euo pipefail
echo "make run is not implemented yet" >&2
exit 1
