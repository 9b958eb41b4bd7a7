"""The EFF Atlas of Surveillance's technology categories, said in the reader's language.

A deployment stores its category as the Atlas spells it ("Body-worn Cameras"): that spelling
is the key imports, Ring's partnership rows and the audit log match on, so it never changes.
A reply names it through this table; a category that is not in it (a later Atlas export, an
admin's own) is shown as stored, never guessed at. Spanish names: docs/glossary-es.md.
"""

from __future__ import annotations

from lexicon.i18n import N_, _

# Every category of the Atlas export of 2020-10-07 (docs/data.md).
_NAMES = {
    "Automated License Plate Readers": N_("Automated License Plate Readers"),
    "Body-worn Cameras": N_("Body-worn Cameras"),
    "Camera Registry": N_("Camera Registry"),
    "Cell-site Simulator": N_("Cell-site Simulator"),
    "Drones": N_("Drones"),
    "Face Recognition": N_("Face Recognition"),
    "Fusion Center": N_("Fusion Center"),
    "Gunshot Detection": N_("Gunshot Detection"),
    "Predictive Policing": N_("Predictive Policing"),
    "Real-Time Crime Center": N_("Real-Time Crime Center"),
    "Ring/Neighbors Partnership": N_("Ring/Neighbors Partnership"),
    "Video Analytics/Computer Vision": N_("Video Analytics/Computer Vision"),
}
KNOWN = frozenset(_NAMES)


def technology_name(stored: str) -> str:
    """The category's name in the current language; an unknown one as stored."""
    name = _NAMES.get(stored)
    return _(name) if name else stored
