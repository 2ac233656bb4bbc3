from django.apps import AppConfig


class ParcoursConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "parcours"
    verbose_name = "Parcours"

    def ready(self):
        # What this domain adds to the apps below it, which never import it.
        from participants.models import enregistrer_acces
        from partners.panneaux import enregistrer_panneau
        from plie_portal.agenda import source

        from .agenda import ateliers, entretiens
        from .models import Etape
        from .structures import panneau_chiffres

        enregistrer_acces("partenaire", Etape.objects.participants_ouverts_au_partenaire)
        enregistrer_panneau("parcours/includes/chiffres_structure.html", panneau_chiffres)
        source(entretiens)
        source(ateliers)
