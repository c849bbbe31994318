"""What `serve` puts on top of every generated page while seeds/ or data/ have errors:
a box that lists them (the pages below are built from what did load)."""

from __future__ import annotations

from shuttle.problems import Problem, ordered
from shuttle.site.pages.escape import text


def of(problems: list[Problem]) -> str:
    """The errors of seeds/ and data/ as a box on top of every page `serve` shows: the
    pages below are built from what did load, and are incomplete until they are fixed."""
    errors = [p for p in ordered(problems) if p.severity == "error"]
    lines = [
        f'!!! failure "{len(errors)} problem{"s" if len(errors) != 1 else ""} in seeds/ or '
        'data/: this page is incomplete until they are fixed"',
        "",
    ]
    lines += [f"    - {text(str(problem))}" for problem in errors[:50]]
    if len(errors) > 50:
        lines.append(f"    - and {len(errors) - 50} more: run `shuttle check`")
    return "\n".join(lines) + "\n\n"


def page_bytes(markdown: str, top: str) -> bytes:
    """A page as written to build/docs, `top` (the box, or nothing) after its front matter."""
    return _after_front_matter(markdown, top).encode("utf-8")


def _after_front_matter(markdown: str, block: str) -> str:
    if block and markdown.startswith("---\n"):
        end = markdown.find("\n---\n", 4)
        if end != -1:
            cut = end + len("\n---\n")
            return markdown[:cut] + "\n" + block + markdown[cut:]
    return block + markdown
