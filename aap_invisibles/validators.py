"""The upload check of the calls' files is the portal's one (`plie_portal.fichiers`), under the name
the fields and their migrations know."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from plie_portal.fichiers import type_reel, valider_fichier

valider_piece = valider_fichier

__all__ = ["type_reel", "valider_iban", "valider_piece"]


def valider_iban(valeur):
    """An IBAN whose check digits are right (ISO 13616, modulo 97): a typo is caught at once."""
    iban = re.sub(r"\s", "", valeur or "").upper()
    if not iban:
        return
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", iban):
        raise ValidationError(_("Un IBAN commence par deux lettres et deux chiffres (FR76…)."), code="iban_format")
    chiffres = "".join(str(int(c, 36)) for c in iban[4:] + iban[:4])
    if int(chiffres) % 97 != 1:
        raise ValidationError(
            _("Cet IBAN n'est pas valide : sa clé de contrôle ne correspond pas. Vérifiez-le sur votre RIB."),
            code="iban_cle",
        )
