"""Feature services carried by Deps without the core knowing them.

The core must know no feature, yet commands need feature state built once per process (the
place index). main.py registers each such object here; a feature asks for it by its own type
(`deps.services.get(PlaceIndex)`), which keeps the result typed for mypy.
"""

from __future__ import annotations

from typing import TypeVar

T = TypeVar("T")


class Services:
    def __init__(self, *services: object) -> None:
        self._by_type: dict[type, object] = {}
        for service in services:
            self.add(service)

    def add(self, service: object) -> None:
        kind = type(service)
        if kind in self._by_type:
            raise ValueError(f"a {kind.__name__} is registered already")
        self._by_type[kind] = service

    def get(self, kind: type[T]) -> T:
        service = self._by_type.get(kind)
        if not isinstance(service, kind):
            raise LookupError(f"no {kind.__name__} was registered (main.py wires them)")
        return service
