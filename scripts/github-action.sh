#!/usr/bin/env bash
# The run step of action.yml: install leaklint, annotate with --format github, optionally SARIF
# (from the same run) and only on lines changed since a revision.
# Only shell around the CLI, so it runs (and is tested) outside GitHub too: it reads INPUT_*
# variables and writes to $GITHUB_OUTPUT and $GITHUB_STEP_SUMMARY when they are set.
set -uo pipefail

args="${INPUT_ARGS:-.}"
sarif_file="${INPUT_SARIF_FILE:-}"
diff_base="${INPUT_DIFF_BASE:-}"
install="${INPUT_INSTALL:-action}"
python="${INPUT_PYTHON:-python3}"
fail_on_findings="${INPUT_FAIL_ON_FINDINGS:-true}"
action_path="${GITHUB_ACTION_PATH:-$(cd "$(dirname "$0")/.." && pwd)}"

leaklint=(leaklint)
if [ "$install" != "none" ]; then
  venv="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/leaklint-venv"
  "$python" -m venv "$venv" || exit 2
  if [ "$install" = "action" ]; then
    requirement="$action_path"
  else
    requirement="$install"
  fi
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "$requirement" || exit 2
  leaklint=("$venv/bin/leaklint")
fi

# Split the arguments like a shell would (quotes allowed), without eval; NUL-separated.
argv=()
split='import os, shlex, sys; sys.stdout.write("".join(a + "\0" for a in shlex.split(os.environ["ARGS"])))'
if ! ARGS="$args" "$python" -c "$split" >/dev/null; then
  echo "leaklint action: cannot parse args: $args" >&2
  exit 2
fi
while IFS= read -r -d '' item; do argv+=("$item"); done < <(ARGS="$args" "$python" -c "$split")

# One run gives the annotations and, from the same findings, the SARIF file.
extra=()
if [ -n "$sarif_file" ]; then extra+=(--also-write "sarif=$sarif_file"); fi
if [ -n "$diff_base" ]; then extra+=(--diff-base "$diff_base"); fi

"${leaklint[@]}" check --format github ${extra[@]+"${extra[@]}"} ${argv[@]+"${argv[@]}"}
status=$?

if [ -n "${GITHUB_OUTPUT:-}" ]; then
  {
    echo "exit-code=$status"
    echo "sarif-file=$sarif_file"
  } >>"$GITHUB_OUTPUT"
fi
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  case "$status" in
    0) echo "### leaklint: no findings" ;;
    1) echo "### leaklint: findings (see the annotations and the step log)" ;;
    *) echo "### leaklint: error (exit code $status, see the step log)" ;;
  esac >>"$GITHUB_STEP_SUMMARY"
fi

if [ "$status" -eq 1 ] && [ "$fail_on_findings" = "false" ]; then
  exit 0
fi
exit "$status"
