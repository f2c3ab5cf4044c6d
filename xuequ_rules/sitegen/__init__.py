"""Generate the documentation site from the installed policies and build it with MkDocs.

>>> from xuequ_rules.sitegen import build_site
>>> build_site(Path("site"))          # markdown in a temporary directory, HTML into site/

The base configuration (theme, search, mkdocstrings, the hand-written pages' nav) and the
hand-written pages ship with the package (``mkdocs-base.yml`` and
``xuequ_rules.sitegen.handwritten``, which is the repository's ``docs/``), so the site builds
the same from an installed wheel as from a checkout. :func:`write_sources` copies the
hand-written pages next to the generated ones and writes a ``mkdocs.yml`` whose nav includes
them; :func:`build_site` runs ``mkdocs build --strict`` on it. Nothing is written outside the
output directory unless a source directory is asked for.
"""

from __future__ import annotations

import copy
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from xuequ_rules.errors import XuequError
from xuequ_rules.registry import broken_packages, packages
from xuequ_rules.sitegen.common import build_date, library_version
from xuequ_rules.sitegen.pages import (
    Entry,
    Page,
    compare_page,
    concept_pages,
    diff_pages,
    entity_pages,
    policies_index,
    policy_pages,
    slug,
)
from xuequ_rules.sitegen.search import write_search_dictionary

REPO_ROOT = Path(__file__).resolve().parents[2]
BASE_CONFIG = Path(__file__).resolve().with_name("mkdocs-base.yml")


def handwritten_pages() -> Path:
    """The hand-written pages: ``docs/`` of a checkout, else the copy installed with the wheel."""
    checkout = REPO_ROOT / "docs"
    if checkout.is_dir() and (REPO_ROOT / "pyproject.toml").is_file():
        return checkout
    return Path(__file__).resolve().with_name("handwritten")

CSS = """
.xq-clause { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
  gap: 1rem; margin: .4rem 0 1.2rem; }
@media (max-width: 60em) { .xq-clause { grid-template-columns: 1fr; } }
.xq-text p { margin: 0 0 .5em; line-height: 1.8; }
.xq-encoding { font-size: .72rem; }
.xq-card { border: 1px solid var(--md-default-fg-color--lightest); border-left: 4px solid
  var(--md-accent-fg-color); border-radius: 4px; padding: .4rem .6rem; margin-bottom: .6rem; }
.xq-card dl { margin: .3rem 0; } .xq-card dt { font-weight: 600; margin-top: .25rem; }
.md-typeset .xq-card dd { margin: 0 0 0 .8rem; }
.md-typeset .xq-card ol { margin: 0 0 0 1rem; }
.xq-card-head code { font-size: .68rem; }
.xq-title { font-weight: 600; }
.xq-en { color: var(--md-default-fg-color--light); font-style: italic; }
.xq-badge { display: inline-block; padding: 0 .35rem; border-radius: 3px; font-size: .65rem;
  background: var(--md-default-fg-color--lightest); margin-right: .2rem; }
.xq-obligation { background: #dbeafe; } .xq-prohibition { background: #fee2e2; }
.xq-permission { background: #dcfce7; } .xq-target { background: #fef9c3; }
.xq-procedure { background: #ede9fe; } .xq-definition { background: #e0f2fe; }
.xq-checklist { background: #fae8ff; } .xq-parameter { background: #ffedd5; }
.xq-finding { background: #fecaca; } .xq-unencoded { background: #e5e7eb; }
.xq-param { border-left-color: #f97316; } .xq-finding.xq-card { border-left-color: #dc2626; }
.xq-quote { margin: .3rem 0; padding-left: .5rem; border-left: 2px solid #9ca3af;
  color: var(--md-default-fg-color--light); }
.xq-errata { font-size: .7rem; color: #b45309; }
.xq-none { color: var(--md-default-fg-color--lighter); font-size: .7rem; }
@media (max-width: 60em) { .xq-encoding { font-size: .7rem; } }
.xq-table { border-collapse: collapse; margin: .4rem 0; font-size: .72rem; }
.md-typeset .xq-table td, .md-typeset .xq-table th { border: 1px solid
  var(--md-default-fg-color--lightest); padding: .2rem .4rem; }
.xq-item { margin: 0 0 .3em .8em !important; }
.xq-stamp { color: var(--md-default-fg-color--light); }
.md-typeset .xq-wide table:not([class]) { display: table; width: 100%; table-layout: auto; }
.md-typeset .xq-wide td { overflow-wrap: anywhere; min-width: 6em; }
del.xq-del { background: #fee2e2; color: #991b1b; }
ins.xq-ins { background: #dcfce7; color: #166534; text-decoration: none; }
"""


@dataclass(frozen=True)
class SiteResult:
    """Where the markdown and the HTML went, and what was (or could not be) included."""

    source_dir: Path | None       # None: generated in a temporary directory, since removed
    site_dir: Path
    pages: tuple[str, ...]
    policies: tuple[str, ...]
    problems: tuple[str, ...]


def collect_entries() -> tuple[list[Entry], dict[str, str]]:
    """Every version of every installed policy; a version that does not load is shown as
    its document only, with the reason."""
    entries: list[Entry] = []
    broken = dict(broken_packages())
    for name, package in packages().items():
        try:
            metadata = package.metadata()
        except Exception as exc:  # a package being written must not break the site
            broken[name] = f"{type(exc).__name__}: {exc}"
            continue
        current = metadata.current_version.version
        for version_entry in metadata.versions:
            version = version_entry.version
            try:
                document = package.document(version)
            except Exception as exc:
                broken[f"{name}@{version}"] = f"{type(exc).__name__}: {exc}"
                continue
            try:
                policy = package.load(version)
                problem = None
            except Exception as exc:
                message = exc.message if isinstance(exc, XuequError) else str(exc)
                policy, problem = None, f"{type(exc).__name__}: {message}"
            entries.append(Entry(name, version, version == current, document, policy, problem))
    return entries, broken


def generate_pages(entries: list[Entry], broken: dict[str, str]) -> tuple[list[Page], list[Any]]:
    """All generated pages and the nav section for them."""
    pages: list[Page] = [policies_index(entries, broken)]
    policy_nav: list[Any] = [{"政策一览 All policies": "policies/index.md"}]
    by_name: dict[str, list[Entry]] = {}
    for entry in entries:
        by_name.setdefault(entry.name, []).append(entry)
    for name, versions in by_name.items():
        version_nav: list[Any] = []
        for entry in versions:
            generated = policy_pages(entry, versions)
            pages.extend(generated)
            pages.extend(entity_pages(entry, entries))
            items = [{p.title: p.path} for p in generated]
            label = f"{entry.version}{'（当前 current）' if entry.current else ''}"
            version_nav.append({label: items})
        title = versions[0].document.metadata.title
        policy_nav.append({f"{name} {title}": version_nav})
    compare = compare_page(entries)
    diffs = diff_pages(entries)
    pages.append(compare)
    pages.extend(diffs)
    pages.extend(concept_pages(entries))
    nav: list[Any] = [
        {"政策 Policies": policy_nav},
        {"比较 Comparison": [{compare.title: compare.path},
                             *({p.title: p.path} for p in diffs)]},
    ]
    return pages, nav


def base_config(config_path: Path | None = None) -> dict[str, Any]:
    path = config_path or BASE_CONFIG
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise XuequError(f"{path} 不是有效的 MkDocs 配置", f"{path} is not a MkDocs config",
                         field=str(path))
    return data


def write_sources(source_dir: Path, site_dir: Path, *, docs_dir: Path | None = None,
                  config_path: Path | None = None) -> tuple[Path, list[Page], list[str]]:
    """Write the hand-written and generated markdown and a ``mkdocs.yml`` into ``source_dir``.

    Returns the config path, the generated pages and the problems met (packages that
    failed to load are listed on the site, not fatal).
    """
    handwritten = docs_dir or handwritten_pages()
    config = base_config(config_path)
    out_docs = source_dir / "docs"
    if out_docs.exists():
        shutil.rmtree(out_docs)
    out_docs.mkdir(parents=True)
    if handwritten.is_dir():
        shutil.copytree(handwritten, out_docs, dirs_exist_ok=True)
    entries, broken = collect_entries()
    pages, generated_nav = generate_pages(entries, broken)
    for page in pages:
        target = out_docs / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.text, encoding="utf-8")
    css = out_docs / "stylesheets" / "xuequ.css"
    css.parent.mkdir(parents=True, exist_ok=True)
    css.write_text(CSS.lstrip(), encoding="utf-8")

    config = copy.deepcopy(config)
    config["docs_dir"] = str(out_docs.resolve())
    config["site_dir"] = str(site_dir.resolve())
    config["extra_css"] = [*config.get("extra_css", []), "stylesheets/xuequ.css"]
    nav = list(config.get("nav") or [{"首页 Home": "index.md"}])
    plugins = config.get("plugins") or {}
    config["nav"] = nav[:1] + generated_nav + nav[1:]
    config["copyright"] = (f"xuequ-rules {library_version()} · 构建日期 built "
                           f"{build_date().isoformat()}")
    search = plugins.get("search") if isinstance(plugins, dict) else None
    if isinstance(search, dict):
        search["jieba_dict_user"] = str(write_search_dictionary(source_dir).resolve())
    mkdocstrings = plugins.get("mkdocstrings") if isinstance(plugins, dict) else None
    if isinstance(mkdocstrings, dict) and (REPO_ROOT / "xuequ_rules").is_dir():
        python = mkdocstrings.setdefault("handlers", {}).setdefault("python", {})
        python.setdefault("paths", [str(REPO_ROOT)])
    config_file = source_dir / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                           encoding="utf-8")
    problems = [f"{name}: {problem}" for name, problem in broken.items()]
    problems += [f"{e.ref}: {e.problem}" for e in entries if e.problem]
    return config_file, pages, problems


def build_site(site_dir: Path, *, source_dir: Path | None = None, strict: bool = True,
               docs_dir: Path | None = None, config_path: Path | None = None
               ) -> SiteResult:
    """Generate the markdown and run ``mkdocs build`` (``--strict`` by default).

    The markdown goes to ``source_dir`` when given (kept, for inspection), else to a
    temporary directory removed afterwards. An output directory that cannot be written is
    refused before anything is generated.
    """
    ensure_writable(site_dir)
    if source_dir is not None:
        return _build(site_dir, source_dir, strict, docs_dir, config_path)
    with tempfile.TemporaryDirectory(prefix="xuequ-site-") as tmp:
        result = _build(site_dir, Path(tmp), strict, docs_dir, config_path)
    return SiteResult(None, result.site_dir, result.pages, result.policies, result.problems)


def ensure_writable(site_dir: Path) -> None:
    """Create ``site_dir`` and prove it writable, or raise one bilingual line naming it."""
    try:
        site_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=site_dir, prefix=".xuequ-write-test-"):
            pass
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise XuequError(f"无法写入网站输出目录 {site_dir}：{reason}",
                         f"cannot write the site output directory {site_dir}: {reason}",
                         field="--out") from None


def _build(site_dir: Path, src: Path, strict: bool, docs_dir: Path | None,
           config_path: Path | None) -> SiteResult:
    config_file, pages, problems = write_sources(src, site_dir, docs_dir=docs_dir,
                                                 config_path=config_path)
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(config_file.resolve())]
    if strict:
        command.append("--strict")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False,
                          cwd=str(src))
    if done.returncode != 0:
        lines = (done.stdout + done.stderr).strip().splitlines()
        last = next((line.strip() for line in reversed(lines)
                     if line.strip().startswith(("ERROR", "WARNING", "Aborted"))),
                    lines[-1].strip() if lines else "")
        raise XuequError(f"mkdocs 构建失败（退出码 {done.returncode}）：{last}",
                         f"mkdocs build failed (exit {done.returncode}): {last}",
                         field=str(config_file))
    names = tuple(dict.fromkeys(p.path.split("/")[1] for p in pages
                                if p.path.startswith("policies/") and p.path.count("/") > 2))
    return SiteResult(src, site_dir, tuple(p.path for p in pages), names, tuple(problems))


__all__ = ["CSS", "SiteResult", "build_site", "collect_entries", "generate_pages",
           "slug", "write_sources"]
