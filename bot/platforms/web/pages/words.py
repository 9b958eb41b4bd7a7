"""What the campaign pages say, in English and Spanish, and which of the two a reader gets.

The reader's choice (the page's switch link, `?lang=`) wins over the browser's
Accept-Language; English when neither names a language we have.
"""

from __future__ import annotations

LANGUAGES = ("en", "es")

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "switch": "Español",
        "to": "To",
        "petition": "The petition",
        "no_text": "This campaign has no petition text.",
        "text_unavailable": "The petition's text cannot be shown right now.",
        "signed": "Signed: {count}",
        "signed_goal": "{count} of a goal of {goal} signed",
        "sign": "Sign",
        "name": "Your name",
        "city": "Your city or ZIP code",
        "email": "Email (optional)",
        "optin": "Send me updates about this campaign by email (your email is kept only if"
        " this box is ticked)",
        "consent": "I agree that my name and city appear on the petition delivered for this"
        " campaign",
        "honeypot": "Leave this field empty",
        "submit": "Sign the petition",
        "privacy": "Nothing else is kept: no cookie, no address, no tracking. After signing"
        " you get a private link to remove your signature.",
        "thanks_title": "Thank you for signing",
        "thanks": "Your signature on {title} counts. Signatures so far: {count}.",
        "keep_link": "Keep this private link: it removes your signature, and nothing else can"
        " tell us it is yours.",
        "email_dropped": "Your email was not kept: the updates box was not ticked.",
        "already": "A signature with this name and city was already made on {since}: it counts"
        " once.",
        "back": "Back to the campaign",
        "closed": "This campaign takes no more signatures.",
        "remove_title": "Remove your signature",
        "remove_ask": "Remove your signature from {title}? Your name and city are deleted and"
        " will not appear on the petition.",
        "remove_button": "Remove my signature",
        "removed_title": "Your signature was removed",
        "removed": "Nothing of it is kept.",
        "not_found_title": "Not found",
        "not_found": "There is no page here: the link may be wrong or the page taken down.",
        "try_again_title": "Try again shortly",
        "try_again": "Many people are signing right now. Please try again in a minute: nothing"
        " was saved yet.",
        "expired": "This form had expired, so nothing was saved. Please send it again.",
        "need_name": "Please give your name.",
        "need_city": "Please give your city or ZIP code.",
        "need_consent": "Please tick the box agreeing that your name and city appear on the"
        " petition.",
        "bad_email": "That email address does not look right.",
        "need_email": "Please give your email address, or untick the updates box.",
        "bad_text": "Please type plain text: the {field} contains control or invisible characters.",
        "too_long": "The {field} is too long (at most {cap} characters).",
        "field_name": "name",
        "field_city": "city",
        "errors": "Please check the form",
    },
    "es": {
        "switch": "English",
        "to": "Para",
        "petition": "La petición",
        "no_text": "Esta campaña no tiene texto de petición.",
        "text_unavailable": "El texto de la petición no se puede mostrar ahora.",
        "signed": "Firmas: {count}",
        "signed_goal": "Firmas: {count} de una meta de {goal}",
        "sign": "Firmar",
        "name": "Su nombre",
        "city": "Su ciudad o código postal",
        "email": "Correo electrónico (opcional)",
        "optin": "Envíenme noticias de esta campaña por correo (su correo se guarda solo si"
        " marca esta casilla)",
        "consent": "Acepto que mi nombre y mi ciudad aparezcan en la petición entregada para"
        " esta campaña",
        "honeypot": "Deje este campo vacío",
        "submit": "Firmar la petición",
        "privacy": "No se guarda nada más: ni cookies, ni dirección, ni rastreo. Al firmar"
        " recibe un enlace privado para retirar su firma.",
        "thanks_title": "Gracias por firmar",
        "thanks": "Su firma en {title} cuenta. Firmas hasta ahora: {count}.",
        "keep_link": "Guarde este enlace privado: retira su firma, y nada más puede decirnos"
        " que es suya.",
        "email_dropped": "Su correo no se guardó: la casilla de noticias no estaba marcada.",
        "already": "Ya hay una firma con este nombre y ciudad del {since}: cuenta una vez.",
        "back": "Volver a la campaña",
        "closed": "Esta campaña ya no recibe firmas.",
        "remove_title": "Retirar su firma",
        "remove_ask": "¿Retirar su firma de {title}? Su nombre y su ciudad se borran y no"
        " aparecerán en la petición.",
        "remove_button": "Retirar mi firma",
        "removed_title": "Su firma fue retirada",
        "removed": "No se guarda nada de ella.",
        "not_found_title": "No encontrado",
        "not_found": "Aquí no hay ninguna página: el enlace puede estar mal o la página fue"
        " retirada.",
        "try_again_title": "Inténtelo en un momento",
        "try_again": "Mucha gente está firmando ahora. Inténtelo de nuevo en un minuto: aún no"
        " se guardó nada.",
        "expired": "Este formulario había caducado, así que no se guardó nada. Envíelo otra"
        " vez, por favor.",
        "need_name": "Escriba su nombre, por favor.",
        "need_city": "Escriba su ciudad o código postal, por favor.",
        "need_consent": "Marque la casilla para aceptar que su nombre y ciudad aparezcan en la"
        " petición.",
        "bad_email": "Esa dirección de correo no parece correcta.",
        "need_email": "Escriba su correo, o desmarque la casilla de noticias.",
        "bad_text": "Escriba texto simple: el campo {field} tiene caracteres de control o"
        " invisibles.",
        "too_long": "El campo {field} es demasiado largo (como máximo {cap} caracteres).",
        "field_name": "nombre",
        "field_city": "ciudad",
        "errors": "Revise el formulario",
    },
}


def choose_language(chosen: str, accept_language: str) -> str:
    """The reader's explicit choice, else the first of ours their browser asks for."""
    if chosen in LANGUAGES:
        return chosen
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept_language.split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        ranked.append((-quality, position, tag.strip().lower()[:2]))
    for quality, _, primary in sorted(ranked):
        if quality < 0 and primary in LANGUAGES:
            return primary
    return "en"


def number(count: int, language: str) -> str:
    """1,234 in English, 1.234 in Spanish (the grouping Spanish readers expect)."""
    grouped = f"{count:,}"
    return grouped.replace(",", ".") if language == "es" else grouped
