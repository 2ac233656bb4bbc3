"""The partner directory as data·inclusion data: the structures of the PLIE and the services
they offer (the step catalogue), built and validated with the official `data-inclusion-schema`
package (schema v1), public at `/partenaires/data-inclusion/…` so that the national hub can
collect them. The mapping of our categories to the schema's vocabularies is documented in
docs/donnees-ouvertes.md; it lives here only."""

import logging

import pydantic
from data_inclusion.schema import v1
from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone

from .models import CategorieEtape, EtapeType, Structure

logger = logging.getLogger(__name__)

# The producer's identifier in the hub: every id is prefixed by it ("<source>--<id>").
SOURCE = "portail-plie-rouen"

C, T = CategorieEtape, v1.Thematique
# Step category → (kind of service, thematics of the schema).
CORRESPONDANCE = {
    C.ACCUEIL_DIAGNOSTIC: (
        v1.TypeService.ACCOMPAGNEMENT,
        {T.CHOISIR_UN_METIER__IDENTIFIER_SES_POINTS_FORTS_ET_SES_COMPETENCES},
    ),
    C.LEVEE_FREINS: (
        v1.TypeService.ACCOMPAGNEMENT,
        {
            T.DIFFICULTES_ADMINISTRATIVES_OU_JURIDIQUES__ACCOMPAGNEMENT_AUX_DEMARCHES_ADMINISTRATIVES,
            T.MOBILITE__ETRE_ACCOMPAGNE_DANS_SON_PARCOURS_MOBILITE,
            T.FAMILLE__GARDE_DENFANTS,
        },
    ),
    C.REMOBILISATION: (
        v1.TypeService.ATELIER,
        {T.REMOBILISATION__BIEN_ETRE_CONFIANCE_EN_SOI, T.REMOBILISATION__LIEN_SOCIAL},
    ),
    C.FORMATION_PRE_QUALIFIANTE: (
        v1.TypeService.FORMATION,
        {T.SE_FORMER__TROUVER_SA_FORMATION, T.LECTURE_ECRITURE_CALCUL__MAITRISER_LE_FRANCAIS},
    ),
    C.FORMATION_QUALIFIANTE: (
        v1.TypeService.FORMATION,
        {T.SE_FORMER__TROUVER_SA_FORMATION, T.SE_FORMER__MONTER_SON_DOSSIER_DE_FORMATION},
    ),
    C.INSERTION_SIAE: (
        v1.TypeService.ACCOMPAGNEMENT,
        {T.TROUVER_UN_EMPLOI__REPONDRE_A_DES_OFFRES_DEMPLOI, T.PREPARER_SA_CANDIDATURE__VALORISER_SES_COMPETENCES},
    ),
    C.EMPLOI: (
        v1.TypeService.ACCOMPAGNEMENT,
        {T.TROUVER_UN_EMPLOI__REPONDRE_A_DES_OFFRES_DEMPLOI, T.TROUVER_UN_EMPLOI__FAIRE_DES_CANDIDATURES_SPONTANEES},
    ),
    C.CREATION_ENTREPRISE: (
        v1.TypeService.ACCOMPAGNEMENT,
        {
            T.CREER_UNE_ENTREPRISE__DEFINIR_SON_PROJET_DE_CREATION_DENTREPRISE,
            T.CREER_UNE_ENTREPRISE__STRUCTURER_SON_PROJET_DE_CREATION_DENTREPRISE,
        },
    ),
    C.SUIVI_EMPLOI: (v1.TypeService.ACCOMPAGNEMENT, {T.TROUVER_UN_EMPLOI__MAINTIEN_DANS_LEMPLOI}),
}
# The people a PLIE step is for, and who orients them (a referent: a professional).
PUBLICS = {v1.Public.DEMANDEURS_EMPLOI, v1.Public.BENEFICIAIRES_DES_MINIMAS_SOCIAUX}
CONDITIONS = (
    "Être accompagné·e dans un parcours du PLIE de la Métropole Rouen Normandie : l'étape est proposée "
    "par le ou la référent·e de parcours."
)


def structures_publiees():
    """The structures of the directory the hub receives: active PLIE partners, with their offer."""
    return (
        Structure.objects.actives()
        .partenaires_plie()
        .select_related("commune")
        .prefetch_related(Prefetch("offres", queryset=EtapeType.objects.actifs().order_by("categorie", "libelle")))
        .order_by("nom", "id")
    )


def _aujourd_hui_au_plus(moment):
    # The schema refuses a date in the future; a clock a second ahead must not drop a record.
    return min(timezone.localdate(moment), timezone.localdate())


def _lieu_et_contact(s):
    """Where the structure is and how to reach it: the same fields on a structure and its services."""
    return {
        "commune": (s.commune.nom if s.commune_id else s.ville) or None,
        "code_postal": s.code_postal or None,
        "code_insee": s.commune_id or None,
        "adresse": s.adresse or None,
        "telephone": s.telephone or None,
        "courriel": s.email or None,
    }


def structure(s):
    """A structure as a `data_inclusion.schema.v1.Structure`."""
    return v1.Structure(
        source=SOURCE,
        id=f"{SOURCE}--{s.pk}",
        nom=s.nom.rstrip(".")[:150],
        date_maj=_aujourd_hui_au_plus(s.modifie_le),
        siret=s.siret or None,
        site_web=s.site_web or None,
        **_lieu_et_contact(s),
    )


def service(s, offre):
    """Step type `offre` offered by structure `s` as a `data_inclusion.schema.v1.Service`."""
    type_service, thematiques = CORRESPONDANCE[offre.categorie]
    return v1.Service(
        source=SOURCE,
        structure_id=f"{SOURCE}--{s.pk}",
        id=f"{SOURCE}--{s.pk}--{offre.code}",
        nom=offre.libelle.rstrip(".")[:150],
        description=(
            f"{offre.libelle} ({offre.get_categorie_display().lower()}), proposé par {s.nom} aux personnes "
            f"accompagnées par le PLIE de la Métropole Rouen Normandie."
        ),
        date_maj=_aujourd_hui_au_plus(s.modifie_le),
        type=type_service,
        thematiques=thematiques,
        frais=v1.Frais.GRATUIT,
        publics=PUBLICS,
        conditions_acces=CONDITIONS,
        modes_accueil={v1.ModeAccueil.EN_PRESENTIEL},
        zone_eligibilite=[settings.PLIE_SIREN_TERRITOIRE],
        mobilisable_par={v1.PersonneMobilisatrice.PROFESSIONNELS},
        **_lieu_et_contact(s),
    )


def _valides(fabriques):
    """The records that pass the official models; one that does not is left out and logged."""
    for fabrique, objet in fabriques:
        try:
            yield fabrique().model_dump(mode="json")
        except pydantic.ValidationError as erreur:
            logger.warning("data·inclusion : %s écarté (%s)", objet, erreur.error_count())


def structures():
    """Every published structure, as the hub's JSON records."""
    return list(_valides((lambda s=s: structure(s), s) for s in structures_publiees()))


def services():
    """Every service (a structure × a step type of its offer), as the hub's JSON records."""
    return list(
        _valides((lambda s=s, o=o: service(s, o), f"{s} / {o}") for s in structures_publiees() for o in s.offres.all())
    )
