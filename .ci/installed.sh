#!/usr/bin/env bash
# As a user installs: a plain (non-editable) `pip install .` into a fresh virtual
# environment, then the library and the CLI used from outside the checkout.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q "$repo[api,docs]"
cd "$work"
"$work/venv/bin/xuequ" list
"$work/venv/bin/xuequ" check
cat > facts.yaml <<'YAML'
teacher_exchanges:
  - {id: "2019", area: 柳江区, year: 2019, eligible: 100, rotated: 10, backbone_rotated: 2}
YAML
"$work/venv/bin/xuequ" eval liujiang facts.yaml --as-of 2019-12-31 --json > eval.json
"$work/venv/bin/python" - <<'PY'
import json
import xuequ_rules

findings = json.load(open("eval.json"))["findings"]
rotation = [f for f in findings if f["rule"] == "liujiang.teacher_exchange.min_share"]
assert rotation and rotation[0]["status"] == "satisfied", rotation
assert "site-packages" in xuequ_rules.__file__, xuequ_rules.__file__
print("installed wheel: check, eval and import from", xuequ_rules.__file__)
PY
# The site, from the wheel alone: nothing written outside --out, no web fonts, no CDN.
mkdir cwd && (cd cwd && "$work/venv/bin/xuequ" docs build --out "$work/site")
test -z "$(ls -A cwd)"
test -f "$work/site/policies/liujiang/2018/text.html"
"$work/venv/bin/python" - "$work/site" <<'PY'
import pathlib, re, sys
# nothing the pages load comes from another host: scripts, styles, images, fonts, imports
loads = re.compile(r"""<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)=["']?(?:https?:)?//"""
                   r"""|url\(\s*["']?(?:https?:)?//|@import[^;]*//""")
found = [str(p) for p in pathlib.Path(sys.argv[1]).rglob("*")
         if p.suffix in (".html", ".css") and loads.search(p.read_text(encoding="utf-8"))]
assert not found, found[:5]
PY
echo "installed wheel: site built from the wheel"
