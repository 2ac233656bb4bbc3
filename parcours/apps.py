from django.apps import AppConfig


class ParcoursConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "parcours"
    verbose_name = "Parcours"

    def ready(self):
        # What this domain adds to the apps below it, which never import it.
        from django.db.models.signals import post_delete, post_save

        from participants.models import Document, Participant, enregistrer_acces
        from partners.panneaux import enregistrer_panneau
        from plie_portal.agenda import source

        from .agenda import ateliers, entretiens
        from .models import Etape, Parcours, PieceFSE
        from .models.courant import (
            apres_changement_de_piece,
            apres_enregistrement_document,
            apres_enregistrement_participant,
            apres_suppression_parcours,
        )
        from .structures import panneau_chiffres

        enregistrer_acces("partenaire", Etape.objects.participants_ouverts_au_partenaire)
        enregistrer_panneau("parcours/includes/chiffres_structure.html", panneau_chiffres)
        source(entretiens)
        source(ateliers)
        post_save.connect(apres_enregistrement_participant, sender=Participant, dispatch_uid="parcours_colonnes_fse")
        post_delete.connect(apres_suppression_parcours, sender=Parcours, dispatch_uid="parcours_courant")
        # Whether a participation is to complete follows its proofs (`Parcours.a_completer`).
        post_save.connect(apres_changement_de_piece, sender=PieceFSE, dispatch_uid="parcours_piece_ajoutee")
        post_delete.connect(apres_changement_de_piece, sender=PieceFSE, dispatch_uid="parcours_piece_retiree")
        post_save.connect(apres_enregistrement_document, sender=Document, dispatch_uid="parcours_document_retype")
