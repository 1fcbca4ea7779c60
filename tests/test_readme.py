"""The README is a map a newcomer can trust: short, its Layout names every module of every app and nothing that
does not exist, and every file it or a document links to is there."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
# What the Layout does not list: package markers, app configs and migrations (Django's boilerplate).
UNLISTED = {"__init__.py", "apps.py"}
ENTRY = re.compile(r"^(?P<indent> {0,2})(?P<names>\S+(?:, \S+)*)(?: {2,}|$)")


def layout() -> dict[str, set[str]]:
    """Top-level folders of the Layout block, each with the module paths listed under it."""
    text = README.read_text()
    block = text.split("## Layout", 1)[1].split("```", 2)[1]
    listed: dict[str, set[str]] = {}
    folder = None
    for line in block.splitlines()[1:]:
        match = ENTRY.match(line)
        if not line.strip() or not match or len(line) - len(line.lstrip()) > 2:
            continue  # a description carried on to the next line
        if not match["indent"]:
            folder = match["names"].rstrip("/")
            listed[folder] = set()
            continue
        for name in match["names"].split(", "):
            listed[folder].update(expand(name))
    return listed


def expand(name: str) -> list[str]:
    """`views/{plans,shares}.py` -> views/plans.py, views/shares.py."""
    braces = re.fullmatch(r"(.*)\{(.+)\}(.*)", name)
    if not braces:
        return [name]
    return [f"{braces[1]}{part}{braces[3]}" for part in braces[2].split(",")]


def app_packages() -> set[str]:
    return {path.parent.name for path in ROOT.glob("*/__init__.py") if path.parent.name != "tests"}


def modules(package: str) -> set[str]:
    found = set()
    for path in (ROOT / package).rglob("*.py"):
        relative = path.relative_to(ROOT / package)
        if path.name in UNLISTED or "migrations" in relative.parts:
            continue
        found.add(relative.as_posix())
    return found


def test_the_readme_is_read_in_five_minutes():
    assert len(README.read_text().splitlines()) <= 250


def test_the_layout_names_every_app():
    assert app_packages() <= set(layout())


def test_the_layout_names_every_module_of_every_app_and_nothing_that_does_not_exist():
    listed = layout()
    for package in sorted(app_packages()):
        missing = modules(package) - listed[package]
        invented = listed[package] - modules(package)
        assert not missing, (
            f"{package}/ has modules the README's Layout does not name: {sorted(missing)} (write each as a line "
            "indented two spaces under its app: `path/module.py`, `a.py, b.py` or `dir/{a,b}.py`, then what it holds)"
        )
        assert not invented, f"the README's Layout names modules {package}/ does not have: {sorted(invented)}"


def test_every_folder_the_layout_names_exists():
    for folder in layout():
        assert (ROOT / folder).is_dir(), f"the README's Layout names {folder}/, which does not exist"


def test_every_file_the_readme_and_the_docs_link_to_exists():
    for document in [README, *sorted((ROOT / "docs").glob("*.md"))]:
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", document.read_text()):
            if target.startswith(("http://", "https://", "mailto:")):
                continue
            assert (document.parent / target).exists(), f"{document.name} links to {target}, which does not exist"
    for image in re.findall(r'<img src="([^"]+)"', README.read_text()):
        assert (ROOT / image).exists(), image


def test_every_test_module_the_readme_and_the_docs_name_exists():
    for document in [README, *sorted((ROOT / "docs").glob("*.md"))]:
        for path in re.findall(r"\btests/[\w/]+\.py\b", document.read_text()):
            assert (ROOT / path).exists(), f"{document.name} names {path}, which does not exist"
