"""Which US states border which: the "nearby" of a petition's list of laws."""

from __future__ import annotations

# Each border once; the map below makes it symmetric. DC counts as a neighbour of MD and VA.
_BORDERS = """
AL-FL AL-GA AL-MS AL-TN AZ-CA AZ-CO AZ-NM AZ-NV AZ-UT AR-LA AR-MO AR-MS AR-OK AR-TN AR-TX
CA-NV CA-OR CO-KS CO-NE CO-NM CO-OK CO-UT CO-WY CT-MA CT-NY CT-RI DE-MD DE-NJ DE-PA DC-MD
DC-VA FL-GA GA-NC GA-SC GA-TN ID-MT ID-NV ID-OR ID-UT ID-WA ID-WY IL-IA IL-IN IL-KY IL-MO
IL-WI IN-KY IN-MI IN-OH IA-MN IA-MO IA-NE IA-SD IA-WI KS-MO KS-NE KS-OK KY-MO KY-OH KY-TN
KY-VA KY-WV LA-MS LA-TX ME-NH MD-PA MD-VA MD-WV MA-NH MA-NY MA-RI MA-VT MI-OH MI-WI MN-ND
MN-SD MN-WI MS-TN MO-NE MO-OK MO-TN MT-ND MT-SD MT-WY NE-SD NE-WY NV-OR NV-UT NH-VT NJ-NY
NJ-PA NM-OK NM-TX NM-UT NY-PA NY-VT NC-SC NC-TN NC-VA ND-SD OH-PA OH-WV OK-TX OR-WA PA-WV
SD-WY TN-VA UT-WY VA-WV
"""


def _neighbors() -> dict[str, frozenset[str]]:
    pairs = [tuple(edge.split("-")) for edge in _BORDERS.split()]
    found: dict[str, set[str]] = {}
    for a, b in pairs:
        found.setdefault(a, set()).add(b)
        found.setdefault(b, set()).add(a)
    return {state: frozenset(near) for state, near in found.items()}


NEIGHBORS = _neighbors()


def neighbors(state: str) -> list[str]:
    """Bordering states, alphabetical; none for AK, HI and the territories."""
    return sorted(NEIGHBORS.get(state.upper(), ()))
