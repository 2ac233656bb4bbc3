"""The upload check of the calls' files is the portal's one (`plie_portal.fichiers`), under the name
the fields and their migrations know."""

from plie_portal.fichiers import type_reel, valider_fichier

valider_piece = valider_fichier

__all__ = ["type_reel", "valider_piece"]
