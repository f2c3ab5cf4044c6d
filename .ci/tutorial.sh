#!/usr/bin/env bash
# The tutorial of docs/writing-a-policy.md, executed: every ```bash block after a
# `<!-- tutorial -->` line runs, in order, in an empty folder with a fresh virtual
# environment holding a plain (non-editable) install of xuequ-rules.
# XUEQU_VENV=<path> reuses an existing environment instead (the tutorial's package is
# uninstalled from it afterwards).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
venv="${XUEQU_VENV:-$work/venv}"
cleanup() {
  if [ -n "${XUEQU_VENV:-}" ]; then "$venv/bin/pip" uninstall -q -y xuequ-policy-xiaoxue || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
if [ -z "${XUEQU_VENV:-}" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "$repo[docs]"
fi
cp "$repo/tests/authoring/caoxian-page.txt" "$work/"
"$venv/bin/python" - "$repo/docs/writing-a-policy.md" > "$work/tutorial.sh" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
blocks = re.findall(r"<!-- tutorial -->\s*```bash\n(.*?)```", text, flags=re.S)
assert blocks, "no tutorial blocks found"
print("set -euxo pipefail")
print("\n".join(blocks))
PY
cd "$work"
PATH="$venv/bin:$PATH" bash "$work/tutorial.sh"
echo "tutorial: every command of docs/writing-a-policy.md ran"
