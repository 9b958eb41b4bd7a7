"""The Spanish text of the seed's dated events a letter quotes, kept beside their keys.

The seed (storage/seed/facts.toml) words its facts in English. A Spanish letter quotes an
event only in Spanish: from this table, kept to what the English status and summary say,
or, for an event not here (added later from chat), phrased from its structured fields
alone (its kind and date), never in English. tests/commands/letters/test_every_place.py
checks that every seed event a letter can quote has its Spanish text.
"""

from __future__ import annotations

from storage.facts.models import CompanyEvent

ES_EVENTS: dict[str, str] = {
    "amazon:2018-07-26:aclu-test": (
        "una prueba de la ACLU con Rekognition confundió a 28 miembros del Congreso con fotos"
        " de personas arrestadas; cerca del 40 % de las coincidencias falsas eran personas de"
        " color"
    ),
    "amazon:2020-06-10:moratorium": (
        "moratoria de un año, tal como la anunció Amazon, sobre el uso policial de Rekognition,"
        " con acceso para grupos contra la trata de personas"
    ),
    "amazon:2021-05-18:extension": (
        "moratoria sobre el uso policial de Rekognition, prorrogada hasta nuevo aviso"
    ),
    "ibm:2020-06-08:exit": (
        "IBM dijo que ya no ofrece software de reconocimiento ni de análisis facial de uso general"
    ),
    "microsoft:2020-06-11:moratorium": (
        "Microsoft dijo que no venderá reconocimiento facial a la policía de EE. UU. hasta que"
        " una ley nacional basada en los derechos humanos lo regule"
    ),
    "microsoft:2024-05-01:azure-openai-police": (
        "Azure OpenAI no puede usarse por ni para departamentos de policía de EE. UU. con fines"
        " de reconocimiento facial"
    ),
    "microsoft:2024-05-02:pledge-stands": (
        "su compromiso de junio de 2020 (no vender reconocimiento facial a la policía de EE. UU."
        " hasta que exista una ley nacional basada en los derechos humanos) sigue en pie, junto a"
        " la regla de Azure OpenAI del 1 de mayo de 2024 (no usarlo por ni para la policía de"
        " EE. UU. con fines de reconocimiento facial)"
    ),
    "ibm:2023-08:uk-home-office-biometrics": (
        "IBM dijo en 2020 que ya no ofrece reconocimiento facial de uso general; en agosto de"
        " 2023 firmó un contrato biométrico con el Ministerio del Interior británico cuyas etapas"
        " posteriores incluyen la comparación facial para las fuerzas del orden, y dice que es"
        " coherente con aquel compromiso"
    ),
    "amazon:2024-01-25:moratorium-scope": (
        "moratoria, en palabras de Amazon, sobre el uso por departamentos de policía de la"
        " función de comparación facial de Rekognition en investigaciones penales (los"
        " términos de AWS exceptúan ayudar a identificar o localizar a personas desaparecidas)"
    ),
    "google:2018-12-13:no-general-purpose-api": (
        "Google dijo que Google Cloud había decidido no ofrecer API de reconocimiento facial de"
        " uso general antes de resolver importantes cuestiones técnicas y políticas (dicho en"
        " 2018; no se encontró un cambio posterior)"
    ),
    "axon:2019-06-27:body-camera-pause": (
        "Axon dijo que por ahora no pondría la comparación facial en sus cámaras corporales,"
        " tras el primer informe de su comité de ética"
    ),
    "axon:2025-12-03:edmonton-trial": (
        "el Servicio de Policía de Edmonton (Canadá) empezó a probar las cámaras corporales con"
        " reconocimiento facial de Axon el 3 de diciembre de 2025"
    ),
    "clearview:2022-05-09:aclu-settlement": (
        "por su acuerdo de 2022 con la ACLU (una restricción aprobada por un tribunal, no una"
        " moratoria voluntaria), Clearview AI no puede ofrecer su base de datos facial a la"
        " mayoría de las empresas y entidades privadas del país, ni vender acceso a ninguna"
        " entidad de Illinois, policía incluida, durante cinco años"
    ),
    "ring:2025-12:familiar-faces": (
        "Ring empezó a ofrecer «Familiar Faces», reconocimiento facial para los dueños de sus"
        " cámaras (no para la policía); no se ofrece en Illinois, Texas ni Portland (Oregón)"
    ),
    "meta:2021-11-02:shutdown": (
        "Meta dijo que cerraría el sistema de reconocimiento facial de Facebook y que borraría"
        " las plantillas faciales"
    ),
    "meta:2024-10-21:scam-ads-account-recovery": (
        "Meta volvió a probar el reconocimiento facial para usos limitados: detectar anuncios"
        " fraudulentos con rostros de figuras públicas y recuperar cuentas con un video selfi"
    ),
    "ring:2018-03-22:portal": "acuerdos con la policía a través del portal Neighbors",
    "ring:2019-08-28:map": (
        "Ring publicó un mapa de sus socios policiales: 405 agencias el día de su lanzamiento;"
        " recuentos independientes habían encontrado hasta unas 250"
    ),
    "ring:2020-06-10:1300-partners": (
        "más de 1.300 departamentos de policía se habían inscrito para pedir video a los"
        " dueños de cámaras Ring"
    ),
    "ring:2021-06-07:public-requests": (
        "las solicitudes de video de la policía pasan a ser publicaciones públicas (Request for"
        " Assistance) en Neighbors"
    ),
    "ring:2024-01-24:requests-end": (
        "Ring puso fin a las solicitudes de video de la policía a través de Neighbors; la"
        " policía necesita una orden judicial, una citación o una emergencia"
    ),
    "ring:2025:axon-community-requests": (
        "la policía puede volver a pedir video a los usuarios de Ring, mediante las"
        " «Community Requests» de Axon"
    ),
    "ring:2025:community-requests-agencies": (
        "solo las agencias con una cuenta Neighbors Verified y una cuenta Axon Evidence pueden"
        " enviar Community Requests; Ring no publica cuáles participan, así que no es público"
        " si un departamento determinado lo hace"
    ),
    "ring:2025-10-16:flock-announced": (
        "se anunció una integración con Flock Safety para que las agencias que usan Flock"
        " también enviaran Community Requests"
    ),
    "ring:2026-02-12:flock-cancelled": (
        "Ring y Flock Safety cancelaron la integración antes de su lanzamiento; las Community"
        " Requests a través de Axon continúan"
    ),
}

_KIND_ES = {
    "moratorium": "una moratoria",
    "extension": "una prórroga",
    "exit": "una salida del negocio",
    "shutdown": "un cierre",
    "restriction": "una restricción",
    "program": "un cambio en el programa",
    "settlement": "un acuerdo",
}


def event_es(event: CompanyEvent) -> str:
    """The event in Spanish, from the table or from its kind; 'Según se informa' if reported."""
    text = ES_EVENTS.get(event.key) or f"{_KIND_ES.get(event.kind, 'un cambio')} (ver la fuente)"
    return f"según se informa, {text}" if event.reported else text


def event_en(event: CompanyEvent) -> str:
    """The event in English, as /ring lookup words it: 'Reported: ...' when reported."""
    text = (event.status or event.summary).strip().rstrip(".")
    return f"Reported: {text}" if event.reported else text
