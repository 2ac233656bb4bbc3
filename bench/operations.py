"""FSE+ operations at scale (issue 17): an operation of 2,500 participations over a year, its
page (measured with the other pages by bench/run.py), its bilan d'exécution and the ZIP of a
contrôle de service fait of 50 participations, each with two proofs.

    make bench            # part of the whole bench, on the bench's database
"""

import datetime
import io

CODE = "BANC-OPERATION"
TAILLE = 2_500
ECHANTILLON = 50


def preparer(taille=TAILLE):
    """The bench's operation: `taille` participations entered in one year join it (bench data only)."""
    from accounts.models import Role, User
    from parcours.models import Operation, Parcours

    annee = datetime.date.today().year - 1
    debut, fin = datetime.date(annee, 1, 1), datetime.date(annee, 12, 31)
    structure = User.objects.filter(role=Role.REFERENT).exclude(structure=None).order_by("pk").first().structure
    operation, _cree = Operation.objects.get_or_create(
        code=CODE,
        defaults={
            "intitule": "Opération du banc d'essai",
            "structure": structure,
            "date_debut": debut,
            "date_fin": fin,
            "cout_total": 4_000_000,
            "montant_fse": 2_400_000,
            "participants_prevus": taille,
        },
    )
    if operation.parcours.count() < taille:
        ids = list(
            Parcours.objects.filter(date_entree__year__lte=annee)
            .exclude(date_sortie__lt=debut)
            .order_by("pk")
            .values_list("pk", flat=True)[:taille]
        )
        Parcours.objects.filter(pk__in=ids).update(operation=operation)
    return operation


def _pieces(controle):
    """Two small proofs (a real PDF each) for every sampled participation, once."""
    from django.core.files.base import ContentFile
    from pypdf import PdfWriter

    from parcours.models import PieceFSE
    from participants.models import Document

    ecrivain = PdfWriter()
    ecrivain.add_blank_page(width=595, height=842)
    tampon = io.BytesIO()
    ecrivain.write(tampon)
    for ligne in controle.lignes.select_related("parcours__participant"):
        if ligne.parcours.pieces.exists():
            continue
        for type_ in ("questionnaire", "eligibilite"):
            document = Document(participant=ligne.parcours.participant, type=type_, titre=f"Banc {type_}")
            document.fichier.save(f"banc-{type_}.pdf", ContentFile(tampon.getvalue()), save=True)
            PieceFSE.objects.create(parcours=ligne.parcours, document=document)


def mesurer(operation, manage, dossier):
    """Time and peak memory of the bilan (XLSX) and of the CSF ZIP, each in a child process."""
    from parcours.models import ControleServiceFait, LigneControle
    from parcours.operations.controles import constats

    resultat = {"participations": operation.parcours.count()}
    debut, fin = operation.date_debut.isoformat(), operation.date_fin.isoformat()
    secondes, rss, _sortie = manage(
        "generer_rapport",
        "bilan",
        "--operation",
        str(operation.pk),
        "--debut",
        debut,
        "--fin",
        fin,
        "--sortie",
        str(dossier / "bilan.xlsx"),
    )
    resultat["bilan_xlsx"] = {"secondes": round(secondes, 1), "memoire_max_mo": round(rss)}
    print(f"  bilan d'exécution ({resultat['participations']} participations) : {resultat['bilan_xlsx']}", flush=True)
    controle = ControleServiceFait.objects.filter(operation=operation, graine=2026, taille=ECHANTILLON).first()
    if controle is None:
        controle = ControleServiceFait.objects.create(
            operation=operation, debut=operation.date_debut, fin=operation.date_fin, taille=ECHANTILLON, graine=2026
        )
        LigneControle.objects.bulk_create(
            [LigneControle(controle=controle, **ligne) for ligne in constats(controle.tirer())]
        )
    _pieces(controle)
    secondes, rss, _sortie = manage(
        "generer_rapport", "csf", "--controle", str(controle.pk), "--sortie", str(dossier / "csf.zip")
    )
    tirees = controle.lignes.count()
    resultat["csf_zip"] = {"secondes": round(secondes, 1), "memoire_max_mo": round(rss), "participations": tirees}
    print(f"  dossier ZIP du contrôle ({tirees} participations) : {resultat['csf_zip']}", flush=True)
    return resultat
