"""A link checker for a built static site, with the standard library's HTML parser.

``mkdocs build --strict`` validates the Markdown links it resolves; it does not look inside raw
HTML (``<img src=…>``, ``<a href=…>`` written by hand) nor at what themes and plugins add. This
checker reads every built ``.html`` file and reports each internal ``href``/``src`` whose file
does not exist, or whose ``#anchor`` is not an ``id`` of the target page. External links
(``https:``, ``mailto:``…) are out of scope: checking them needs the network.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from typing import Final
from urllib.parse import unquote, urlsplit

LINK_ATTRIBUTES: Final = {
    "a": "href",
    "link": "href",
    "img": "src",
    "script": "src",
    "source": "src",
}


@dataclass(frozen=True)
class BrokenLink:
    """One internal link of the built site that leads nowhere."""

    page: str  # the HTML file, relative to the site
    target: str  # the href or src as written
    reason: str  # in Spanish

    def __str__(self) -> str:
        return f"{self.page}: {self.target} → {self.reason}"


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if values.get(key):
                self.ids.add(str(values[key]))
        attribute = LINK_ATTRIBUTES.get(tag)
        if attribute and values.get(attribute):
            self.links.append(str(values[attribute]))


def _parse(page: Path) -> _PageParser:
    parser = _PageParser()
    parser.feed(page.read_text(encoding="utf-8", errors="replace"))
    return parser


def _resolve(site: Path, page: Path, path: str) -> Path:
    target = site / path.lstrip("/") if path.startswith("/") else page.parent / path
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


def check_links(site_dir: Path) -> list[BrokenLink]:
    """Every broken internal link of the site in ``site_dir`` (empty list: none).

    Raises:
        FileNotFoundError: ``site_dir`` is not a folder with at least one HTML page.
    """
    site = Path(site_dir).resolve()
    pages = sorted(site.rglob("*.html")) if site.is_dir() else []
    if not pages:
        raise FileNotFoundError(f"{site_dir} no tiene páginas HTML: ¿construiste el sitio?")
    parsed: dict[Path, _PageParser] = {}

    def page_of(path: Path) -> _PageParser:
        if path not in parsed:
            parsed[path] = _parse(path)
        return parsed[path]

    broken: list[BrokenLink] = []
    for page in pages:
        relative = str(PurePosixPath(page.relative_to(site)))
        for link in page_of(page).links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("mailto:", "javascript:")):
                continue
            target = page if not parts.path else _resolve(site, page, unquote(parts.path))
            target = target.resolve()
            if not target.is_relative_to(site):
                broken.append(BrokenLink(relative, link, "apunta fuera del sitio"))
            elif not target.is_file():
                broken.append(BrokenLink(relative, link, "el archivo no existe en el sitio"))
            elif (
                parts.fragment
                and target.suffix == ".html"
                and unquote(parts.fragment) not in page_of(target).ids
            ):
                broken.append(BrokenLink(relative, link, "la página no tiene esa sección"))
    return broken
