"""The Spanish text of the laws' scopes a letter quotes, keyed by their English text.

A law's scope is stored in English (the seed, the IFF table's stance, the importer's
corrections). A Spanish letter keeps the scope, so California's body-camera law never reads
as a general "prohibición": it quotes it from this table. A scope not here (added later
from chat) is left out and the law named by its kind, place and date only;
tests/commands/letters/test_spanish_letters.py checks that every stored scope has its
Spanish text.
"""

from __future__ import annotations

SCOPES_ES: dict[str, str] = {
    # storage/seed/facts.toml
    "Police and other city agencies may not use facial recognition.": (
        "la policía y las demás dependencias de la ciudad no pueden usar reconocimiento facial"
    ),
    "City government may not use facial recognition.": (
        "el gobierno de la ciudad no puede usar reconocimiento facial"
    ),
    "City departments, police included, may not obtain or use facial recognition.": (
        "las dependencias de la ciudad, incluida la policía, no pueden obtener ni usar"
        " reconocimiento facial"
    ),
    "AB 1215: no biometric surveillance with police body cameras or their footage (from"
    " 2020-01-01); not a general police ban.": (
        "AB 1215: prohíbe la vigilancia biométrica con las cámaras corporales de la policía o"
        " sus grabaciones, desde el 1 de enero de 2020; no es una prohibición general para la"
        " policía"
    ),
    "City government may not use face surveillance.": (
        "el gobierno de la ciudad no puede usar vigilancia facial"
    ),
    "City staff, police included, may not use facial recognition.": (
        "el personal de la ciudad, incluida la policía, no puede usar reconocimiento facial"
    ),
    "City bureaus may not use face recognition; private entities may not use it in places of"
    " public accommodation (from 2021-01-01).": (
        "las dependencias de la ciudad no pueden usar reconocimiento facial, y las entidades"
        " privadas no pueden usarlo en lugares abiertos al público desde el 1 de enero de 2021"
    ),
    "Police may not use facial recognition and several other surveillance technologies.": (
        "la policía no puede usar reconocimiento facial ni otras tecnologías de vigilancia"
    ),
    "HB 2031: local and campus police may not buy or use facial recognition without the"
    " legislature's approval.": (
        "HB 2031: la policía local y la de los campus no pueden comprar ni usar reconocimiento"
        " facial sin la aprobación de la legislatura"
    ),
    "County departments, the sheriff included, may not acquire or use facial recognition.": (
        "las dependencias del condado, incluida la oficina del sheriff, no pueden adquirir ni"
        " usar reconocimiento facial"
    ),
    "Private use and most city use of face surveillance; city police were exempt (a state"
    " agency).": (
        "abarca el uso privado y casi todo el uso municipal de la vigilancia facial; la policía"
        " de la ciudad quedó exenta por ser una agencia estatal"
    ),
    "Biometric Information Privacy Act (740 ILCS 14): a biometric privacy law, not a ban."
    " Private entities need written consent before collecting a face geometry or other"
    " biometric identifier, must publish how long they keep it, and may be sued for"
    " violations. Government agencies are not covered.": (
        "Ley de Privacidad de la Información Biométrica (Biometric Information Privacy Act,"
        " 740 ILCS 14): una ley de privacidad, no una prohibición; las entidades privadas"
        " necesitan consentimiento por escrito antes de recoger la geometría facial u otro"
        " identificador biométrico, deben publicar cuánto tiempo lo conservan y pueden ser"
        " demandadas si la incumplen; no abarca a las agencias del gobierno"
    ),
    "Public and private schools may not use facial recognition technology: a determination of"
    " the State Education Commissioner after a state report; other biometric technology is"
    " left to each district.": (
        "las escuelas públicas y privadas no pueden usar tecnología de reconocimiento facial,"
        " por decisión de la comisionada estatal de Educación tras un informe del estado; las"
        " demás tecnologías biométricas quedan a criterio de cada distrito"
    ),
    # storage/importers/laws.py corrections
    "Private use and most city use of face surveillance; city police exempt.": (
        "abarca el uso privado y casi todo el uso municipal de la vigilancia facial; la policía"
        " de la ciudad quedó exenta"
    ),
    "AB 1215: no biometric surveillance with police body cameras; not a general police ban.": (
        "AB 1215: prohíbe la vigilancia biométrica con las cámaras corporales de la policía; no"
        " es una prohibición general para la policía"
    ),
    "Private-sector biometric consent rule (Business and Commerce Code 503.001); not a ban.": (
        "norma de consentimiento biométrico para el sector privado (Código de Comercio de Texas,"
        " § 503.001); no es una prohibición"
    ),
    "Transparency and accountability rules for surveillance technology (a BART policy, not"
    " specific to facial recognition)": (
        "normas de transparencia y rendición de cuentas sobre tecnología de vigilancia; una"
        " política de BART, no específica del reconocimiento facial"
    ),
    # The IFF table's stances (us_facial_recognition_local_laws_iff_2021-05)
    "Four year moratorium on facial recognition in schools": (
        "moratoria de cuatro años sobre el reconocimiento facial en las escuelas"
    ),
    "Ordinance requiring public participation when local police departments acquire"
    " surveillance technologies.": (
        "exige participación pública cuando la policía local adquiere tecnologías de vigilancia"
    ),
    "Transparency and accountability rules": "normas de transparencia y rendición de cuentas",
    "California Biometric Surveillance Bill which effectively bans Police use of FRT": (
        "ley de vigilancia biométrica de California que, en la práctica, prohíbe a la policía"
        " usar reconocimiento facial"
    ),
    "Ordinance requiring the legislative body to give its approval prior to police use of"
    " facial recognition technology.": (
        "exige la aprobación del órgano legislativo antes de que la policía use reconocimiento"
        " facial"
    ),
    "The Texas Business and Commerce Code prohibits the use of facial recognition data unless"
    ' whoever collects the data "inform[s] the individual before capturing the biometric'
    " identifier and receive[s] the individual's consent.\"": (
        "el Código de Comercio de Texas prohíbe usar datos de reconocimiento facial salvo que"
        " quien los recoge informe a la persona antes de captar el identificador biométrico y"
        " obtenga su consentimiento"
    ),
    "Ordinance limiting the unchecked use of surveillance technologies": (
        "limita el uso sin control de las tecnologías de vigilancia"
    ),
    "Law requiring agencies to create transparent policies regarding the use of surveillance"
    " technology and issue annual reports on its use": (
        "obliga a las agencias a adoptar políticas transparentes sobre el uso de tecnología de"
        " vigilancia y a publicar informes anuales sobre ese uso"
    ),
    "Ordinance requiring Police to demonstrate that benefits of FRT use outweigh any possible"
    " harms to civil rights": (
        "exige a la policía demostrar que los beneficios del reconocimiento facial superan sus"
        " posibles daños a los derechos civiles"
    ),
}


def scope_es(scope: str) -> str:
    """The scope in Spanish, or '' when none is written for it."""
    return SCOPES_ES.get(" ".join(scope.split()), "")
