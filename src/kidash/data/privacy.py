"""People's contact details: what counts as one, and taking them out of a document's text.

The map stores no e-mail address or phone number (the validator refuses them in
any cell), and a document's text is kept without them: :func:`redact` puts a
marker in their place, so a quote from the rest of the text still matches word
for word.
"""

from __future__ import annotations

import re

__all__ = ["EMAIL", "PHONE", "EMAIL_MARK", "PHONE_MARK", "has_contact", "redact"]

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")  # a sentence's full stop after it is not part of it
# Norwegian numbers as pages print them (8 digits, in groups, with or without +47) and any + number.
PHONE = re.compile(
    r"(?<![\w-])(\+\d{2}[ ]?)?(?:\d{3}[ ]?\d{2}[ ]?\d{3}|\d{2}[ ]\d{2}[ ]\d{2}[ ]\d{2})(?![\w-])|\+\d{8,}"
)
EMAIL_MARK = "[e-postadresse utelatt]"
PHONE_MARK = "[telefonnummer utelatt]"


def has_contact(text: str) -> bool:
    """Whether ``text`` holds an e-mail address or a phone number.

    >>> has_contact("post@example.no"), has_contact("+47 920 43 742"), has_contact("KIN 2021")
    (True, True, False)
    """
    return bool(EMAIL.search(text) or PHONE.search(text))


def redact(text: str) -> str:
    """``text`` with every e-mail address and phone number replaced by a marker.

    >>> redact("Kontakt: ola.nordmann@example.no, telefon +4792043742.")
    'Kontakt: [e-postadresse utelatt], telefon [telefonnummer utelatt].'
    """
    return PHONE.sub(PHONE_MARK, EMAIL.sub(EMAIL_MARK, text))
