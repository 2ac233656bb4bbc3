"""The whole-call ZIP at the size of issue 19: a call of 30 submitted dossiers and 150 attachments
of 2 MB each (incompressible, as PDFs and photos are), exported by the report pipeline in a child
process whose time and peak memory are printed (targets: under 60 s, under 300 MB).

    make bench            # part of the whole bench, on the bench's database and media
"""

import datetime
import os

SLUG = "banc-archive"
DOSSIERS, PIECES, TAILLE_MO = 30, 150, 2


def preparer(dossiers=DOSSIERS, pieces=PIECES, taille_mo=TAILLE_MO):
    """The bench's call, its dossiers and attachments, created once and kept between runs."""
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from aap_invisibles.models import AppelAProjets, Dossier, PieceJointe, StatutDossier
    from partners.models import Structure, TypeStructure

    maintenant = timezone.now()
    appel, _cree = AppelAProjets.objects.get_or_create(
        slug=SLUG,
        defaults={
            "titre": "Appel du banc d'essai (export complet)",
            "description": "Banc d'essai.",
            "budget_total": 1_000_000,
            "date_ouverture": maintenant - datetime.timedelta(days=90),
            "date_cloture": maintenant - datetime.timedelta(days=30),
            "statut": "publie",
        },
    )
    contenu = b"%PDF-1.4\n" + os.urandom(taille_mo * 1024 * 1024)
    par_dossier = max(pieces // dossiers, 1)
    for rang in range(1, dossiers + 1):
        porteur, _cree = Structure.objects.get_or_create(
            nom=f"Association du banc {rang:02d}",
            defaults={"type": TypeStructure.ASSOCIATION, "partenaire_plie": False},
        )
        dossier, cree = Dossier.objects.get_or_create(
            appel=appel,
            porteur=porteur,
            defaults={
                "statut": StatutDossier.DEPOSE,
                "projet_intitule": f"Aller vers les jeunes – projet {rang}",
                "numero_accuse": f"BANC-{rang:03d}",
                "date_accuse": maintenant - datetime.timedelta(days=40),
                "montant_demande": 20_000,
            },
        )
        for numero in range(dossier.pieces.count(), par_dossier):
            piece = PieceJointe(
                dossier=dossier, type_piece="autre", nom_original=f"piece-{numero + 1}.pdf", taille=len(contenu)
            )
            piece.fichier.save(f"banc-{rang}-{numero + 1}.pdf", ContentFile(contenu), save=True)
    return appel


def mesurer(appel, manage, dossier):
    """Time and peak memory of the call's ZIP, produced by `generer_rapport` in a child process."""
    from aap_invisibles.models import PieceJointe

    sortie = dossier / "appel.zip"
    secondes, rss, _sortie = manage(
        "generer_rapport", "archive_appel", "--appel", str(appel.pk), "--sortie", str(sortie)
    )
    pieces = PieceJointe.objects.filter(dossier__appel=appel)
    resultat = {
        "dossiers": appel.dossiers.count(),
        "pieces": pieces.count(),
        "pieces_mo": round(sum(p.taille for p in pieces) / 1024 / 1024),
        "zip_mo": round(sortie.stat().st_size / 1024 / 1024),
        "secondes": round(secondes, 1),
        "memoire_max_mo": round(rss),
    }
    print(f"  export complet d'un appel (ZIP) : {resultat}", flush=True)
    sortie.unlink()
    return resultat
