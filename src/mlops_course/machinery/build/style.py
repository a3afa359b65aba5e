"""Style check: the course writes neutral Latin-American Spanish, as the seed does.

Forbidden forms (Peninsular vocabulary and the ``vosotros`` conjugation) are listed in
``docs/estilo.md`` with the word to use instead; this module holds the same list as data and
finds them in every text a reader sees: the module sources (narrative, statements, test
messages), the helper package's messages, the assets and the docs.
"""

from __future__ import annotations

import re
from pathlib import Path

# forbidden word (lower case, whole word) → what to write instead
FORBIDDEN: dict[str, str] = {
    "fichero": "archivo",
    "ficheros": "archivos",
    "coste": "costo",
    "costes": "costos",
    "ordenador": "computadora",
    "ordenadores": "computadoras",
    "portátil": "laptop",
    "portátiles": "laptops",
    "vosotros": "ustedes",
    "vosotras": "ustedes",
    "vuestro": "su / de ustedes",
    "vuestra": "su / de ustedes",
    "vuestros": "sus / de ustedes",
    "vuestras": "sus / de ustedes",
    "vídeo": "video",
    "vídeos": "videos",
    "coche": "auto",
    "coches": "autos",
    "aparcar": "estacionar",
    "pinchar": "hacer clic",
    "pincha": "haz clic",
    "enhorabuena": "felicitaciones",
    "guay": "genial",
}
WORD = re.compile(r"[a-záéíóúüñ]+", re.IGNORECASE)
# Second person plural (vosotros): adoptáis, tenéis … but not numbers such as dieciséis.
VOSOTROS_VERB = re.compile(r"^[a-záéíóúñ]{2,}(áis|éis)$")
NOT_VERBS = {"dieciséis", "veintiséis"}
SCANNED = ("content", "src", "assets", "docs")
SUFFIXES = {".py", ".md", ".yaml", ".yml", ".txt"}
STYLE_GUIDE = Path("docs") / "estilo.md"


def line_problems(line: str) -> list[str]:
    """Each forbidden form in ``line``, as 'palabra → alternativa'."""
    found: list[str] = []
    for match in WORD.finditer(line):
        word = match.group(0)
        low = word.lower()
        if low in FORBIDDEN:
            found.append(f"«{word}» → «{FORBIDDEN[low]}»")
        elif VOSOTROS_VERB.match(low) and low not in NOT_VERBS:
            found.append(f"«{word}» (forma de vosotros) → forma de ustedes")
    return found


def style_problems(root: Path) -> list[str]:
    """Every forbidden form under the scanned folders and the README, with file and line."""
    paths = [root / "README.md", root / "CONTRIBUTING.md"]
    for top in SCANNED:
        base = root / top
        if base.is_dir():
            paths.extend(p for p in sorted(base.rglob("*")) if p.suffix in SUFFIXES)
    problems: list[str] = []
    for path in paths:
        if not path.is_file() or path.resolve() == (root / STYLE_GUIDE).resolve():
            continue
        if path.resolve() == Path(__file__).resolve():
            continue  # the list itself
        rel = path.relative_to(root).as_posix()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            problems.extend(f"{rel}:{number}: {p}" for p in line_problems(line))
    return problems
