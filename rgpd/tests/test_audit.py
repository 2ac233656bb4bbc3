"""The audit's scan, as a test: markers of one person planted through the portal's own channels,
the record aged past retention, `purge_expired` run — then every text column of every table and
every file under MEDIA_ROOT (inside XLSX and PDF too) is searched: no marker may survive."""

import datetime
import io
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.admin.models import CHANGE, LogEntry
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader
from pypdf.errors import PdfReadError

from accounts.audit import journaliser
from notifications.models import Notification
from parcours.indicators import calculer_indicateurs
from parcours.models import Entretien, Parcours, SessionCommission
from parcours.tests.factories import EntretienFactory, ParcoursFactory
from participants.fusion import fusionner
from participants.models import Participant
from participants.tests.factories import DocumentFactory, ParticipantFactory
from reports.tests.helpers import produire

NOM, PRENOM = "Zorglubine", "Marguerite"
DOUBLON = "Zorgluby"  # the same person, another spelling, merged into the record
MARQUEURS = [
    NOM,
    DOUBLON,
    "zorglub@exemple.fr",
    "zorgluby@exemple.fr",
    "0611223344",
    "0699887766",
    "9988776Z",
    "Note-ZQK-privee",
    "Attestation-ZQK-MDPH",
    "Motif-ZQK-commission",
]
D = datetime.date


@pytest.fixture
def personne(world, client_of, django_capture_on_commit_callbacks):
    """A person followed in 2016–2018 by the world's referent, with a merged duplicate, a journal,
    a document, entry-commission minutes, a notification, an admin change, searches and exports."""
    w = world
    participant = ParticipantFactory(
        nom=NOM,
        prenom=PRENOM,
        email="zorglub@exemple.fr",
        telephone="0611223344",
        identifiant_france_travail="9988776Z",
        referent=w.referent,
    )
    doublon = ParticipantFactory(
        nom=DOUBLON, prenom=PRENOM, email="zorgluby@exemple.fr", telephone="0699887766", referent=w.referent
    )
    fusionner(participant, doublon, w.coordination)
    session = SessionCommission.objects.create(date=D(2016, 2, 1), membres_presents="Claire", cree_par=w.coordination)
    parcours = ParcoursFactory(
        participant=participant,
        date_orientation=D(2016, 1, 10),
        date_entree=D(2016, 2, 15),
        session_commission=session,
        motif_decision="Motif-ZQK-commission",
        date_sortie=D(2018, 3, 1),
        motif_sortie="emploi_cdi",
    )
    session.compte_rendu = session.generer_compte_rendu()
    session.save()
    EntretienFactory(
        parcours=parcours, date=timezone.make_aware(datetime.datetime(2017, 5, 4, 10)), note="Note-ZQK-privee"
    )
    document = DocumentFactory(participant=participant, titre="Attestation-ZQK-MDPH", auteur=w.referent)
    Notification.objects.create(
        utilisateur=w.referent, categorie="etape", titre=f"Étape acceptée pour {participant}", corps="Début lundi."
    )
    LogEntry.objects.log_actions(
        user_id=w.admin.pk, queryset=[participant, parcours], action_flag=CHANGE, change_message="Modifié."
    )

    client = client_of(w.referent)
    client.get(reverse("participants:detail", args=[participant.pk]))
    client.get(reverse("participants:document_telecharger", args=[document.pk]))
    client.get(reverse("participants:liste"), {"q": NOM})
    # A search logged with what was typed (an export's address, say): the surname alone names her there.
    journaliser(w.referent, "export", objet_type="participants.Participant", chemin=f"/rapports/?q={NOM.lower()}")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("reports:demander", args=["participants"]), {"q": NOM})
    produire(w.coordination, "fse", django_capture_on_commit_callbacks, debut="2016-01-01", fin="2018-12-31")
    produire(w.referent, "parcours", django_capture_on_commit_callbacks, participant=participant.pk)

    # Aged past retention: the record was created in 2015, the last contact was the 2018 exit.
    Participant.objects.filter(pk=participant.pk).update(cree_le=timezone.make_aware(datetime.datetime(2015, 12, 1)))
    return participant


def textes_de_la_base(marqueur):
    """Every (table, column) of the database whose text contains `marqueur`, any case."""
    trouves = []
    with connection.cursor() as curseur:
        for table in connection.introspection.table_names(curseur):
            for colonne in connection.introspection.get_table_description(curseur, table):
                nom = connection.ops.quote_name(colonne.name)
                curseur.execute(
                    f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)} "
                    f"WHERE UPPER(CAST({nom} AS TEXT)) LIKE UPPER(%s)",
                    [f"%{marqueur}%"],
                )
                if curseur.fetchone()[0]:
                    trouves.append(f"{table}.{colonne.name}")
    return trouves


def texte_du_fichier(chemin):
    contenu = chemin.read_bytes()
    brut = contenu.decode("utf-8", "replace")
    if contenu.startswith(b"%PDF"):
        try:
            return brut + " ".join(page.extract_text() for page in PdfReader(io.BytesIO(contenu)).pages)
        except PdfReadError:  # the tests' stand-in PDFs are a header only: their bytes are the text
            return brut
    if zipfile.is_zipfile(io.BytesIO(contenu)):
        with zipfile.ZipFile(io.BytesIO(contenu)) as archive:
            return " ".join(archive.read(nom).decode("utf-8", "replace") for nom in archive.namelist())
    return brut


def fichiers_contenant(marqueur):
    racine = Path(settings.MEDIA_ROOT)
    return [
        str(chemin.relative_to(racine))
        for chemin in racine.rglob("*")
        if chemin.is_file() and marqueur.lower() in texte_du_fichier(chemin).lower()
    ]


def test_the_markers_are_planted_where_the_audit_found_them(personne):
    # The scan must find them before the purge, or its silence afterwards would prove nothing.
    assert textes_de_la_base("Note-ZQK-privee") and textes_de_la_base(DOUBLON) and fichiers_contenant(NOM)
    assert SessionCommission.objects.filter(compte_rendu__icontains=NOM).exists()


def test_after_the_purge_no_marker_survives_in_the_database_nor_in_any_file(personne):
    call_command("purge_expired", stdout=io.StringIO())

    restes = {m: textes_de_la_base(m) + fichiers_contenant(m) for m in MARQUEURS}
    assert not {m: r for m, r in restes.items() if r}, restes


def test_the_fse_figures_of_past_periods_are_unchanged_by_the_anonymisation(personne):
    avant = calculer_indicateurs(D(2016, 1, 1), D(2018, 12, 31))

    call_command("purge_expired", stdout=io.StringIO())

    assert calculer_indicateurs(D(2016, 1, 1), D(2018, 12, 31)) == avant
    assert Parcours.objects.filter(participant=personne).exists() and Entretien.objects.exists()


def test_the_dry_run_changes_nothing(personne):
    sortie = io.StringIO()
    call_command("purge_expired", "--dry-run", stdout=sortie)

    assert f"numéros : {personne.pk}" in sortie.getvalue()
    assert Participant.objects.get(pk=personne.pk).nom == NOM


def test_the_right_of_access_holds_every_marker_the_database_holds_on_the_person(personne, world, client_of):
    en_base = [m for m in MARQUEURS if textes_de_la_base(m)]

    reponse = client_of(world.coordination).get(reverse("rgpd:droit_acces", args=[personne.pk]), {"format": "json"})

    texte = reponse.content.decode().lower()
    assert en_base and [m for m in en_base if m.lower() not in texte] == []


def test_every_model_of_the_portal_declares_how_it_concerns_a_participant():
    from django.apps import apps

    from rgpd.inventaire import TRAITEMENT

    portail = {"accounts", "partners", "participants", "parcours", "aap_invisibles", "reports", "notifications", "rgpd"}
    portail |= {"territoire", "envois"}
    modeles = {m._meta.label for m in apps.get_models() if m._meta.app_label in portail}
    assert modeles - set(TRAITEMENT) == set(), "modèle sans déclaration dans rgpd.inventaire.TRAITEMENT"


def test_every_text_field_of_a_record_about_the_person_is_emptied_or_kept_for_a_stated_reason():
    from django.apps import apps
    from django.db import models

    from rgpd.inventaire import TRAITEMENT, Fiche

    for label, traitement in TRAITEMENT.items():
        if not isinstance(traitement, Fiche):
            continue
        textes = {
            champ.name
            for champ in apps.get_model(label)._meta.concrete_fields
            if isinstance(champ, models.CharField | models.TextField | models.JSONField) and not champ.choices
        }
        declares = set(traitement.vider) | set(traitement.garder)
        assert textes - declares == set(), f"{label} : champ texte sans déclaration dans rgpd.inventaire.TRAITEMENT"
        assert declares - textes == set(), f"{label} : déclaration d'un champ qui n'existe pas"


def test_the_purge_and_the_right_of_access_leave_a_near_namesake_alone(personne, world, client_of):
    voisine = ParticipantFactory(nom=f"{NOM}x", prenom=PRENOM, referent=world.referent)
    session = SessionCommission.objects.get(date=D(2016, 2, 1))
    ParcoursFactory(
        participant=voisine, session_commission=session, motif_decision="Motif-de-la-voisine", date_entree=None
    )
    session.compte_rendu = session.generer_compte_rendu()
    session.save()
    Notification.objects.create(utilisateur=world.referent, categorie="etape", titre=f"Étape pour {voisine}", corps="")
    journaliser(world.referent, "export", objet_type="participants.Participant", chemin=f"/rapports/?q={NOM}x")

    export = client_of(world.coordination).get(reverse("rgpd:droit_acces", args=[personne.pk]), {"format": "json"})
    call_command("purge_expired", stdout=io.StringIO())

    assert "Motif-de-la-voisine" not in export.content.decode()
    assert f"{NOM}x".lower() not in export.content.decode().lower()
    assert "Motif-de-la-voisine" in SessionCommission.objects.get(pk=session.pk).compte_rendu
    assert Notification.objects.filter(titre=f"Étape pour {voisine}").exists()
    assert textes_de_la_base(f"q={NOM}x")


def test_the_dry_run_says_table_by_table_and_file_by_file_what_would_change(personne):
    sortie = io.StringIO()
    call_command("purge_expired", "--dry-run", stdout=sortie)

    texte = sortie.getvalue()
    assert "  parcours_sessioncommission (lignes de compte rendu effacées) : 1" in texte
    assert "  participants_document (lignes supprimées) : 1" in texte
    assert "  fichiers des documents (supprimés) : 1" in texte
    assert "  fichiers des rapports (supprimés) : " in texte and "  django_admin_log (entrées effacées) : 2" in texte
