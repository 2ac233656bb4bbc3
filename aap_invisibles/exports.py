"""XLSX workbook of a call's dossiers (scores, amounts), reusable by the reports app."""

from plie_portal.xlsx import Classeur, ligne, neutraliser

ENTETES = [
    "N° accusé",
    "Organisme",
    "SIRET",
    "RNA",
    "Projet",
    "Communes",
    "Statut",
    "Jeunes à repérer",
    "Jeunes à mobiliser",
    "Montant demandé (€)",
    "Note moyenne /100",
    "Notations soumises",
    "Avis proposé",
    "Montant proposé (€)",
    "Montant accordé (€)",
    "Déposé le",
]


def lignes_dossiers(appel, dossiers):
    from django.db.models import Count, Q
    from django.utils import timezone

    dossiers = dossiers.select_related("porteur").prefetch_related("communes")
    dossiers = dossiers.annotate(nb_eval=Count("evaluations", filter=Q(evaluations__soumise=True), distinct=True))
    for d in dossiers:
        yield [
            d.numero_accuse,
            d.porteur.nom,
            d.porteur.siret or "",
            d.porteur.rna or "",
            d.projet_intitule,
            ", ".join(c.nom for c in d.communes.all()),
            d.get_statut_display(),
            d.nb_jeunes_a_reperer,
            d.nb_jeunes_a_mobiliser,
            float(d.montant_demande),
            float(d.score) if d.score is not None else None,
            d.nb_eval,
            d.get_proposition_avis_display() if d.proposition_avis else "",
            float(d.proposition_montant) if d.proposition_montant is not None else None,
            float(d.montant_accorde) if d.montant_accorde is not None else None,
            timezone.localtime(d.date_accuse).strftime("%d/%m/%Y %H:%M") if d.date_accuse else "",
        ]


def ecrire_classeur(appel, dossiers, destination):
    """Write the workbook of `dossiers` (a scoped queryset with `score`) of `appel` to a path or file object."""
    classeur = Classeur(destination)
    feuille = classeur.feuille("Dossiers")
    feuille.ajouter([neutraliser(appel.titre)])
    feuille.ajouter(ENTETES)
    for valeurs in lignes_dossiers(appel, dossiers):
        feuille.ajouter(ligne(valeurs))
    classeur.enregistrer()
    return destination
