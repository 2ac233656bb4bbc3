"""Next year's call opened from this year's: texts, scoring grid, questions, documents, labels and
instructors copied, dates moved on by a year, nothing of the dossiers, decisions or simulation."""

import datetime

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from plie_portal.dates import months_after

from .choices import StatutAppel

# Copied as they are; the rest (status, dossiers, postponements, simulation) starts anew.
CHAMPS_COPIES = (
    "description",
    "reglement",
    "public_cible",
    "conditions_recevabilite",
    "modalites_depot",
    "objectif_jeunes_min",
    "objectif_jeunes_max",
    "budget_total",
    "pieces_requises",
    "delai_instruction_jours",
)


def _un_an_plus_tard(moment):
    """The same day and Paris time a year later (29 February becomes the 28th)."""
    if moment is None:
        return None
    if isinstance(moment, datetime.datetime):
        # In Paris time, so that a 9:00 opening stays at 9:00 across the change of summer time.
        moment = timezone.localtime(moment)
    return months_after(moment, 12)


def _slug_libre(modele, base):
    slug, n = base[:80], 2
    while modele.objects.filter(slug=slug).exists():
        suffixe = f"-{n}"
        slug, n = f"{base[: 80 - len(suffixe)]}{suffixe}", n + 1
    return slug


@transaction.atomic
def dupliquer(appel):
    """A draft copy of `appel` for the next round; its documents' files are copied, not shared
    (`documents_manquants`: the titles of those whose file could not be read)."""
    from .appels import AppelAProjets

    copie = AppelAProjets(
        titre=f"{appel.titre} ({appel.date_ouverture.year + 1})"[:255],
        slug=_slug_libre(AppelAProjets, slugify(f"{appel.slug}-{appel.date_ouverture.year + 1}")),
        statut=StatutAppel.BROUILLON,
        date_ouverture=_un_an_plus_tard(appel.date_ouverture),
        date_cloture=_un_an_plus_tard(appel.date_cloture),
        date_audition=_un_an_plus_tard(appel.date_audition),
        **{champ: getattr(appel, champ) for champ in CHAMPS_COPIES},
    )
    copie.save()
    copie.instructeurs.set(appel.instructeurs.all())
    for critere in appel.criteres.all():
        copie.criteres.create(
            libelle=critere.libelle, description=critere.description, poids=critere.poids, ordre=critere.ordre
        )
    for question in appel.questions.all():
        copie.questions.create(question=question.question, reponse=question.reponse, ordre=question.ordre)
    for etiquette in appel.etiquettes.all():
        copie.etiquettes.create(nom=etiquette.nom, couleur=etiquette.couleur)
    copie.documents_manquants = []
    for document in appel.documents.all():
        try:
            with document.fichier.open("rb") as source:
                contenu = source.read()
        except OSError:
            # A file lost from the storage does not stop the copy: the page names it, to add again.
            copie.documents_manquants.append(document.titre)
            continue
        nom = document.fichier.name.rsplit("/", 1)[-1]
        copie.documents.create(titre=document.titre, fichier=ContentFile(contenu, name=nom))
    return copie
