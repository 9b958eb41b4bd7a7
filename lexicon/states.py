"""The US states and territories, by postal code, and how a typed state is read."""

from __future__ import annotations

from rapidfuzz import fuzz, process

from lexicon.names import normalize, tidy_case

# Territories appear in the Atlas (GU, PR, VI) and are kept as they are.
STATES: dict[str, str] = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
    "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
    "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
    "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon",
    "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
    "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia",
    "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
    "PR": "Puerto Rico", "GU": "Guam", "VI": "U.S. Virgin Islands", "AS": "American Samoa",
    "MP": "Northern Mariana Islands",
}  # fmt: skip

_STATE_BY_KEY = {normalize(name): code for code, name in STATES.items()}
_STATE_BY_KEY["virgin islands"] = "VI"
_STATE_KEYS = list(_STATE_BY_KEY)
STATE_TYPO = 85.0  # 'wisconson' scores 89 against 'wisconsin'


def state_code(text: str, extra_codes: frozenset[str] = frozenset()) -> str | None:
    """'WI', 'wi', 'Wisconsin' -> 'WI'; anything else -> None.

    `extra_codes` admits odd two-letter codes found in the data ('NA' in the Atlas).
    """
    key = normalize(text)
    if len(key) == 3 and key[1] == " ":  # 'D.C.', 'W.I.'
        key = key.replace(" ", "")
    if len(key) == 2 and (key.upper() in STATES or key.upper() in extra_codes):
        return key.upper()
    return _STATE_BY_KEY.get(key)


def state_code_typo(text: str) -> str | None:
    """A misspelt state name ('Wisconson') -> 'WI'. Names only: codes are too short to guess."""
    key = normalize(text)
    if len(key) < 5:
        return None
    found = process.extractOne(key, _STATE_KEYS, scorer=fuzz.ratio, score_cutoff=STATE_TYPO)
    return None if found is None else _STATE_BY_KEY[found[0]]


def city_in_cell(cell: str, state: str) -> str:
    """The city a spreadsheet's City cell names in `state`, '' when it names none:
    'Dallas, Texas' -> 'Dallas', 'Florida' in FL -> '' (the state itself, not a city),
    'Morgan HIll' -> 'Morgan Hill'. 'Oregon' in OH or 'Washington' in DC stay cities."""
    text = " ".join(cell.split())
    if len(normalize(text)) > 2 and state_code(text) == state:
        return ""
    left, comma, right = text.rpartition(",")
    if comma and normalize(left) and state_code(right):
        text = left.strip()
    return tidy_case(text)
