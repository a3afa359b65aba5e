"""A typed parser of the Mermaid C4 *container* subset the course uses: the grader's check.

No Mermaid CLI runs offline (it downloads a browser), so diagrams are validated structurally.
The accepted language, one statement per line (blank lines and ``%%`` comments are ignored)::

    C4Container                                   (header: first statement, exactly once)
    title Texto libre                             (optional, at most once)
    Person(alias, "Etiqueta", "Descripción")
    System_Ext(alias, "Etiqueta", "Descripción")
    System_Boundary(alias, "Etiqueta") {          (opens a boundary; boundaries may nest)
        Container(alias, "Etiqueta", "Tecnología", "Descripción")
        ContainerDb(alias, "Etiqueta", "Tecnología", "Descripción")
    }
    Rel(origen, destino, "Etiqueta", "Tecnología")

Trailing arguments may be omitted (``Person(a, "A")``, ``Rel(a, b, "usa")``). Aliases are
identifiers (letters, digits, ``_``; not starting with a digit) and are unique across elements
and boundaries; every argument after the alias(es) is a double-quoted text without inner quotes;
labels are not empty; braces are balanced; relations join two declared elements.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

HEADER = "C4Container"

C4_KINDS: Mapping[str, tuple[str, ...]] = {
    "Person": ("label", "description"),
    "System_Ext": ("label", "description"),
    "Container": ("label", "technology", "description"),
    "ContainerDb": ("label", "technology", "description"),
}
"""Element kinds of the subset and their quoted arguments after the alias, in order."""

_ALIAS = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_CALL = re.compile(r"^(?P<name>[A-Za-z_]+)\s*\((?P<args>.*)\)\s*(?P<brace>\{)?$")


@dataclass(frozen=True)
class C4Element:
    """A person, external system, container or database of a C4 container diagram."""

    kind: str
    alias: str
    label: str
    technology: str = ""
    description: str = ""
    boundary: str | None = None


@dataclass(frozen=True)
class C4Relation:
    """A ``Rel(source, target, label, technology)`` arrow."""

    source: str
    target: str
    label: str
    technology: str = ""


@dataclass(frozen=True)
class C4Boundary:
    """A ``System_Boundary(alias, label) { ... }`` block."""

    alias: str
    label: str
    parent: str | None = None


@dataclass(frozen=True)
class C4Diagram:
    """A parsed, valid C4 container diagram."""

    title: str
    elements: tuple[C4Element, ...]
    boundaries: tuple[C4Boundary, ...]
    relations: tuple[C4Relation, ...]

    def element(self, alias: str) -> C4Element:
        """The element called ``alias``.

        Raises:
            KeyError: if there is none.
        """
        for element in self.elements:
            if element.alias == alias:
                return element
        raise KeyError(f"El diagrama no tiene ningún elemento {alias!r}.")

    @property
    def aliases(self) -> tuple[str, ...]:
        """Aliases of the elements, in declaration order."""
        return tuple(element.alias for element in self.elements)


class C4SyntaxError(ValueError):
    """A diagram outside the course's C4 subset; ``problems`` lists each one in Spanish."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("Diagrama C4 no válido:\n" + "\n".join(f"- {p}" for p in problems))
        self.problems = tuple(problems)


def split_args(args: str) -> list[str] | None:
    """Split ``args`` on commas outside double quotes; ``None`` if a quote is left open."""
    parts: list[str] = []
    current: list[str] = []
    quoted = False
    for char in args:
        if char == '"':
            quoted = not quoted
        if char == "," and not quoted:
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    if quoted:
        return None
    parts.append("".join(current).strip())
    return parts


def _quoted(raw: str) -> str | None:
    """The text inside ``"..."``, or ``None`` if ``raw`` is not one quoted text."""
    if len(raw) >= 2 and raw[0] == raw[-1] == '"' and '"' not in raw[1:-1]:
        return raw[1:-1]
    return None


class _Parser:
    """Line-by-line parser that collects every problem instead of stopping at the first."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.title = ""
        self.titles = 0
        self.elements: list[C4Element] = []
        self.boundaries: list[C4Boundary] = []
        self.relations: list[tuple[int, C4Relation]] = []
        self.declared: dict[str, int] = {}
        self.stack: list[str] = []

    def error(self, number: int, text: str) -> None:
        self.problems.append(f"línea {number}: {text}")

    def declare(self, number: int, alias: str) -> bool:
        if not _ALIAS.match(alias):
            self.error(number, f"alias {alias!r} no válido: usa letras, cifras y _")
            return False
        if alias in self.declared:
            first = self.declared[alias]
            self.error(number, f"alias duplicado {alias!r} (ya declarado en la línea {first})")
            return False
        self.declared[alias] = number
        return True

    def texts(self, number: int, name: str, raw: list[str], fields: tuple[str, ...]) -> list[str]:
        """Unquote the text arguments of ``name``; report unquoted ones and an empty label."""
        values: list[str] = []
        for field, item in zip(fields, raw, strict=False):
            text = _quoted(item)
            if text is None:
                self.error(number, f"{name}: {field} debe ir entre comillas dobles, no {item}")
                text = item
            values.append(text)
        if values and not values[0].strip():
            self.error(number, f"{name}: la etiqueta no puede estar vacía")
        return values

    def call(self, number: int, name: str, args: list[str], brace: bool) -> None:
        if name == "System_Boundary":
            self.boundary(number, args, brace)
            return
        if brace:
            self.error(number, f"{name} no abre bloque: solo System_Boundary lleva {{")
        if name == "Rel":
            self.relation(number, args)
        elif name in C4_KINDS:
            self.element(number, name, args)
        else:
            self.error(number, f"instrucción desconocida {name!r} (subconjunto: {_known()})")

    def element(self, number: int, kind: str, args: list[str]) -> None:
        fields = C4_KINDS[kind]
        if not 2 <= len(args) <= 1 + len(fields):
            self.error(number, f"{kind} lleva entre 2 y {1 + len(fields)} argumentos")
            return
        values = self.texts(number, kind, args[1:], fields)
        if self.declare(number, args[0]):
            named = dict(zip(fields, values, strict=False))
            self.elements.append(
                C4Element(
                    kind=kind,
                    alias=args[0],
                    label=named["label"],
                    technology=named.get("technology", ""),
                    description=named.get("description", ""),
                    boundary=self.stack[-1] if self.stack else None,
                )
            )

    def boundary(self, number: int, args: list[str], brace: bool) -> None:
        if not brace:
            self.error(number, "System_Boundary debe abrir su bloque con { en la misma línea")
        if len(args) != 2:
            self.error(number, "System_Boundary lleva 2 argumentos: alias y etiqueta")
            label = ""
        else:
            label = self.texts(number, "System_Boundary", args[1:], ("label",))[0]
        parent = self.stack[-1] if self.stack else None
        if self.declare(number, args[0]):
            self.boundaries.append(C4Boundary(args[0], label, parent))
        if brace:
            self.stack.append(args[0])

    def relation(self, number: int, args: list[str]) -> None:
        if not 3 <= len(args) <= 4:
            self.error(number, "Rel lleva 3 o 4 argumentos: origen, destino, etiqueta, tecnología")
            return
        values = self.texts(number, "Rel", args[2:], ("label", "technology"))
        rel = C4Relation(args[0], args[1], values[0], values[1] if len(values) > 1 else "")
        self.relations.append((number, rel))

    def line(self, number: int, text: str, first: bool) -> None:
        if first:
            if text != HEADER:
                self.error(number, f"falta la cabecera: la primera instrucción debe ser {HEADER}")
            else:
                return
        if text == HEADER:
            self.error(number, f"{HEADER} aparece dos veces")
        elif text == "}":
            if self.stack:
                self.stack.pop()
            else:
                self.error(number, "llave de cierre } sin bloque abierto")
        elif text == "title" or text.startswith("title "):
            self.titles += 1
            self.title = text[len("title") :].strip()
            if self.titles > 1:
                self.error(number, "title aparece más de una vez")
        else:
            match = _CALL.match(text)
            args = split_args(match["args"]) if match else None
            if match is None:
                self.error(number, f"no entiendo {text!r}: se espera Nombre(argumentos)")
            elif args is None:
                self.error(number, f"{match['name']}: comillas sin cerrar")
            else:
                self.call(number, match["name"], args, match["brace"] is not None)

    def finish(self, last: int) -> None:
        for alias in self.stack:
            self.error(last, f"falta la llave de cierre }} del bloque {alias!r}")
        elements = {element.alias for element in self.elements}
        for number, rel in self.relations:
            for end in (rel.source, rel.target):
                if end not in elements:
                    self.error(
                        number,
                        f"Rel({rel.source}, {rel.target}): {end!r} no es un elemento declarado "
                        "(relación colgante)",
                    )


def _known() -> str:
    return ", ".join([*C4_KINDS, "System_Boundary", "Rel"])


def _parse(text: str) -> _Parser:
    if not isinstance(text, str):
        raise TypeError(f"El diagrama debe ser un texto, no {type(text).__name__}.")
    parser = _Parser()
    first = True
    last = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("%%"):
            continue
        parser.line(number, line, first)
        first = False
        last = number
    if first:
        parser.problems.append(f"el diagrama está vacío: falta la cabecera {HEADER}")
    parser.finish(last)
    if not parser.elements and not first:
        parser.problems.append("el diagrama no declara ningún elemento")
    return parser


def c4_problems(text: str) -> list[str]:
    """Spanish problems of ``text`` as a course C4 container diagram (empty list: valid).

    Raises:
        TypeError: if ``text`` is not a string.
    """
    return list(_parse(text).problems)


def parse_c4(text: str) -> C4Diagram:
    """Parse a C4 container diagram of the course subset.

    Raises:
        TypeError: if ``text`` is not a string.
        C4SyntaxError: listing every problem (line number and Spanish explanation).
    """
    parser = _parse(text)
    if parser.problems:
        raise C4SyntaxError(parser.problems)
    return C4Diagram(
        title=parser.title,
        elements=tuple(parser.elements),
        boundaries=tuple(parser.boundaries),
        relations=tuple(rel for _, rel in parser.relations),
    )
