"""The Spanish the laws importer stores beside the IFF table's English (migration 0021):
its stances, as the table words them, and the importer's own corrections (laws.py).

Each is kept to what the English says; a stance not here is stored with no Spanish, and a
Spanish reply then names the law from its kind, date, status and place alone. Written, as
the seed's Spanish, to follow a colon: lower-case, no final full stop.
"""

from __future__ import annotations

# The table's stance_text, as it writes it (us_facial_recognition_local_laws_iff_2021-05).
STANCES_ES: dict[str, str] = {
    "Four year moratorium on facial recognition in schools": (
        "moratoria de cuatro años sobre el reconocimiento facial en las escuelas"
    ),
    "Ordinance requiring public participation when local police departments acquire"
    " surveillance technologies.": (
        "ordenanza que exige participación pública cuando la policía local adquiere"
        " tecnologías de vigilancia"
    ),
    "Transparency and accountability rules": "normas de transparencia y rendición de cuentas",
    "California Biometric Surveillance Bill which effectively bans Police use of FRT": (
        "ley de vigilancia biométrica de California que, en la práctica, prohíbe a la policía"
        " usar reconocimiento facial"
    ),
    "Ordinance requiring the legislative body to give its approval prior to police use of"
    " facial recognition technology.": (
        "ordenanza que exige la aprobación del órgano legislativo antes de que la policía use"
        " tecnología de reconocimiento facial"
    ),
    "The Texas Business and Commerce Code prohibits the use of facial recognition data unless"
    ' whoever collects the data "inform[s] the individual before capturing the biometric'
    " identifier and receive[s] the individual's consent.\"": (
        "el Código de Comercio de Texas prohíbe usar datos de reconocimiento facial salvo que"
        " quien los recoge informe a la persona antes de captar el identificador biométrico y"
        " obtenga su consentimiento"
    ),
    "Ordinance limiting the unchecked use of surveillance technologies": (
        "ordenanza que limita el uso sin control de las tecnologías de vigilancia"
    ),
    "Law requiring agencies to create transparent policies regarding the use of surveillance"
    " technology and issue annual reports on its use": (
        "ley que obliga a las agencias a adoptar políticas transparentes sobre el uso de"
        " tecnología de vigilancia y a publicar informes anuales sobre ese uso"
    ),
    "Ordinance requiring Police to demonstrate that benefits of FRT use outweigh any possible"
    " harms to civil rights": (
        "ordenanza que exige a la policía demostrar que los beneficios del reconocimiento"
        " facial superan sus posibles daños a los derechos civiles"
    ),
}

# The Spanish of each correction in laws.py `_CORRECTIONS` (and BART's), keyed the same.
CORRECTIONS_ES: dict[str, dict[str, str]] = {
    "baltimore, maryland": {
        "scope_es": "abarca el uso privado y casi todo el uso municipal de la vigilancia"
        " facial; la policía de la ciudad quedó exenta",
        "status_note_es": "corregido: el «Ban, 2020-09-30» de la tabla enlaza a la"
        " presentación de un proyecto. Aprobada en junio de 2021, firmada el 9 de agosto de"
        " 2021, vigente hasta finales de 2022",
    },
    "portland, maine": {
        "status_note_es": "corregido: el concejo votó el 3 de agosto de 2020 (la tabla copia"
        " la fecha de Portland, Oregón)",
    },
    "california": {
        "scope_es": "AB 1215: prohíbe la vigilancia biométrica con las cámaras corporales de la"
        " policía; no es una prohibición general para la policía",
        "status_note_es": "corregido: firmada el 8 de octubre de 2019 (la tabla dice el 19 de"
        " octubre); una prohibición de tres años solo para las cámaras corporales, que venció"
        " el 1 de enero de 2023",
    },
    "texas": {
        "scope_es": "norma de consentimiento biométrico para el sector privado (Código de"
        " Comercio de Texas, § 503.001); no es una prohibición",
        "status_note_es": "corregido: la tabla la incluye entre las prohibiciones; es una norma"
        " de consentimiento",
    },
    "san francisco bay area, california": {
        "scope_es": "normas de transparencia y rendición de cuentas sobre tecnología de"
        " vigilancia (una política de BART, no específica del reconocimiento facial)",
    },
}


def stance_es(stance: str) -> str:
    """The Spanish of a stance as the table words it, or '' when none is written."""
    return STANCES_ES.get(" ".join(stance.split()), "")
