import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from aap_invisibles.models import (
    AppelAProjets,
    ConsultationEPS,
    CritereNotation,
    Dossier,
    LigneBudget,
    PieceJointe,
    StatutAppel,
    StatutDossier,
    TypePiece,
)
from partners.models import TypeStructure
from partners.tests.factories import StructureFactory
from tests.fichiers import PNG_1PX, pdf_bytes, pdf_upload

__all__ = ["PNG_1PX", "pdf_bytes", "pdf_upload"]


class AssociationFactory(StructureFactory):
    type = TypeStructure.ASSOCIATION
    partenaire_plie = False


class AppelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AppelAProjets
        skip_postgeneration_save = True

    titre = factory.Sequence(lambda n: f"Appel à projets {n}")
    slug = factory.Sequence(lambda n: f"appel-{n}")
    description = "Repérer et mobiliser les jeunes NEET de 16 à 29 ans."
    reglement = "Règlement de l'appel."
    public_cible = "Jeunes NEET de 16 à 29 ans, QPV et zones rurales."
    objectif_jeunes_min = 200
    objectif_jeunes_max = 250
    budget_total = Decimal("154000")
    date_ouverture = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=30))
    date_cloture = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    statut = StatutAppel.PUBLIE
    pieces_requises = factory.LazyFunction(lambda: [TypePiece.RIB])

    @factory.post_generation
    def criteres(self, create, extracted, **kwargs):
        if not create:
            return
        for ordre, (libelle, poids) in enumerate(
            extracted or [("Pertinence", 40), ("Partenariat EPS", 30), ("Coût", 30)]
        ):
            CritereNotation.objects.create(appel=self, libelle=libelle, poids=poids, ordre=ordre)


class DossierFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Dossier

    appel = factory.SubFactory(AppelFactory)
    porteur = factory.SubFactory(AssociationFactory)
    statut = StatutDossier.BROUILLON
    nom = factory.SelfAttribute("porteur.nom")
    projet_intitule = "Aller vers les jeunes invisibles"


def remplir(dossier, montant=Decimal("30000"), communes=("76540",)):
    """Fill every section of a draft so that it is complete (budget balanced, EPS attested, RIB)."""
    valeurs = {
        "nom": dossier.porteur.nom,
        "adresse_siege": "1 rue de la République, 76000 Rouen",
        "telephone": "0235000000",
        "email": "contact@asso.fr",
        "representant_nom": "Marie Curie",
        "representant_qualite": "Présidente",
        "responsable_nom": "Jean Moulin",
        "responsable_email": "jean@asso.fr",
        "aides_publiques": "Aucune",
        "reseaux": "Aucun",
        "nb_adherents": 40,
        "nb_benevoles": 10,
        "nb_volontaires": 1,
        "nb_salaries": 3,
        "etp_salaries": Decimal("2.5"),
        "nb_emplois_aides": 0,
        "budget_annee": 2020,
        "budget_total_charges": Decimal("120000"),
        "budget_total_produits": Decimal("120000"),
        "projet_intitule": "Aller vers les jeunes invisibles",
        "projet_objectifs": "Repérer et mobiliser.",
        "projet_description": "Maraudes, permanences, ateliers.",
        "projet_public": "NEET 16–29 ans",
        "nb_jeunes_a_reperer": 60,
        "nb_jeunes_a_mobiliser": 40,
        "date_debut": datetime.date(2020, 9, 1),
        "date_fin": datetime.date(2021, 8, 31),
        "moyens_humains": "Deux éducateurs.",
        "indicateurs_evaluation": "Nombre de jeunes repérés.",
        "signataire_nom": "Marie Curie",
        "signataire_qualite": "Présidente",
        "atteste_contrat_engagement": True,
        "atteste_exactitude": True,
        "titulaire_compte": dossier.porteur.nom,
        "iban": "FR7630006000011234567890189",
        "bic": "AGRIFRPP",
    }
    for champ, valeur in valeurs.items():
        setattr(dossier, champ, valeur)
    dossier.save()
    dossier.communes.set(communes)
    dossier.lignes_budget.all().delete()
    LigneBudget.objects.create(dossier=dossier, compte="64", libelle="Salaires", montant=montant + Decimal("10000"))
    LigneBudget.objects.create(
        dossier=dossier, compte="74", libelle="Métropole Rouen Normandie", montant=montant, subvention_metropole=True
    )
    LigneBudget.objects.create(dossier=dossier, compte="74", libelle="État", montant=Decimal("10000"))
    eps, _ = ConsultationEPS.objects.get_or_create(dossier=dossier)
    eps.date_consultation = datetime.date(2020, 5, 15)
    eps.justificatif = pdf_upload("eps.pdf")
    eps.save()
    eps.communes.set(communes)
    for code in dossier.appel.pieces_requises:
        PieceJointe.objects.create(
            dossier=dossier, type_piece=code, fichier=pdf_upload(f"{code}.pdf"), nom_original=f"{code}.pdf", taille=100
        )
    dossier.recalculer_montant_demande()
    return dossier


def dossier_depose(appel, porteur, montant=Decimal("30000"), statut=StatutDossier.DEPOSE):
    """A complete dossier in a given state after submission, without going through the views."""
    dossier = DossierFactory(appel=appel, porteur=porteur)
    remplir(dossier, montant)
    dossier.statut = statut
    dossier.numero_accuse = f"AAP{appel.pk:03d}-{dossier.pk:05d}"
    dossier.date_accuse = timezone.now()
    dossier.copie_deposee = dossier.copie_figee()
    dossier.save()
    return dossier
