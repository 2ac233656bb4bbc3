"""The content matrix: each persona × each channel (page, HTMX fragment, list and search, XLSX,
PDF, notification and e-mail, JSON) with recognisable markers planted in the world. A marker is
present for whom may see it and absent for everyone else; beside the permission matrix (who opens
what), this one says who reads what."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core import mail
from django.db import transaction
from django.test import Client, TestCase
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from aap_invisibles.models import Annotation, Evaluation, NoteCritere
from accounts.tests.factories import UserFactory, jeton_de_test
from conftest import logged_in_client, session_cookies
from parcours.choices import StatutEntretien
from parcours.tests.factories import EntretienFactory
from participants.tests.factories import DocumentFactory
from reports.models import Rapport

# The markers, and who may read each (DESIGN §1 and §2, "Review").
NOTE = "Note-de-journal-ZQX"  # an interview note of the journal: sensitive
MOTIF = "Motif-commission-ZQX"  # the entry commission's reason: sensitive
DOCUMENT = "Attestation-MDPH-ZQX"  # a document's title (a disability): sensitive
RQTH = "RQTH / handicap"  # the label of the disability answer, shown with the situation: sensitive
ANNOTATION = "Annotation-privee-ZQX"  # a private annotation of the instruction team
COMMENTAIRE = "Commentaire-notation-ZQX"  # another instructor's comment on their scoring
NOTE_SUR_100 = "74,0"  # that instructor's total and the dossier's mean (floatformat:1 and :2)
ORGANISME = "Autre association"  # the organisation, in a list filtered on a minimum score
SUIVI = "Suivi-partenaire-ZQX"  # the partner's free text on its step (sent to the referent)

# The DPO reads them through the right of access only (every other page of a record is a 403).
SENSIBLE = {"coordination", "admin", "referent", "referent_collegue", "dpo"}
INSTRUCTION = {"coordination", "admin", "instructeur", "instructeur_notant"}
NOTES = {"coordination", "admin", "instructeur_notant"}
LECTEURS = {
    NOTE: SENSIBLE,
    MOTIF: SENSIBLE,
    DOCUMENT: SENSIBLE,
    RQTH: SENSIBLE,
    # Whoever follows the person, and the partner who wrote it (issue 14: never another structure).
    SUIVI: SENSIBLE | {"partenaire"},
    ANNOTATION: INSTRUCTION,
    COMMENTAIRE: NOTES,
    NOTE_SUR_100: NOTES,
}
PERSONAS = [
    "coordination",
    "admin",
    "referent",
    "referent_collegue",
    "referent_autre",
    "partenaire",
    "instructeur",
    "instructeur_notant",
    "porteur_autre",
    "dpo",
    "expert",
]


def planter(w):
    """The markers, on the world's participant (followed by `referent`) and on `dossier_autre`
    (of `porteur_autre`), scored by a second instructor but not yet by `instructeur`."""
    w.entretien.note = NOTE
    w.entretien.save()
    w.etape.commentaire_partenaire = SUIVI
    w.etape.save()
    w.parcours.motif_decision = MOTIF
    w.parcours.rqth = True
    w.parcours.save()
    DocumentFactory(participant=w.participant, titre=DOCUMENT, auteur=w.referent)
    w.entretien_planifie = EntretienFactory(
        parcours=w.parcours,
        auteur=w.referent,
        statut=StatutEntretien.PLANIFIE,
        date=timezone.now() - datetime.timedelta(hours=2),
        note="Entretien planifié",
    )
    w.instructeur_notant = UserFactory(email="instr2@test.fr", role="instructeur", structure=w.metropole)
    w.appel.instructeurs.add(w.instructeur_notant)
    evaluation = Evaluation.objects.create(
        dossier=w.dossier_autre, instructeur=w.instructeur_notant, commentaire=COMMENTAIRE
    )
    # Weights 40/30/30: 4, 4, 3 → 74 / 100.
    for critere, note in zip(w.appel.criteres.order_by("ordre", "id"), (4, 4, 3), strict=True):
        NoteCritere.objects.create(evaluation=evaluation, critere=critere, note=note)
    evaluation.soumettre()
    assert evaluation.total == Decimal("74.00")
    Annotation.objects.create(dossier=w.dossier_autre, auteur=w.coordination, texte=ANNOTATION)


# --- Channels: each returns what `user` reads there (empty when they may not open it). ---------
def connecte(w, user):
    """A browser session of `user`, both factors verified: the one opened for the module."""
    return logged_in_client(user, w.cookies[user.pk])


def page(w, user, url, **params):
    response = connecte(w, user).get(url, params)
    return response.content.decode() if response.status_code == 200 else ""


def rapport(w, user, code, **parametres):
    """The text of a document asked for on its page, produced in the background and downloaded."""
    client = connecte(w, user)
    with TestCase.captureOnCommitCallbacks(execute=True):
        reponse = client.post(reverse("reports:demander", args=[code]), parametres)
    if reponse.status_code != 302:
        return ""
    demande = Rapport.objects.filter(demandeur=user).latest("id")
    fichier = client.get(reverse("reports:telecharger", args=[demande.pk]))
    if fichier.status_code != 200:
        return ""
    contenu = b"".join(fichier.streaming_content)
    if contenu.startswith(b"%PDF"):
        texte = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(contenu)).pages)
        return " ".join(texte.split())
    classeur = load_workbook(io.BytesIO(contenu), read_only=True)
    return "\n".join(
        " ".join(cellule_texte(c) for c in ligne)
        for feuille in classeur
        for ligne in feuille.iter_rows(values_only=True)
    )


def cellule_texte(valeur):
    if isinstance(valeur, int | float) and not isinstance(valeur, bool):
        return f"{valeur:.1f}".replace(".", ",")
    return "" if valeur is None else str(valeur)


def fragment_journal(w, user):
    """The journal fragment HTMX swaps in when a planned interview is marked realised."""
    reponse = connecte(w, user).post(
        reverse("parcours:entretien_modifier", args=[w.entretien_planifie.pk]),
        {"marquer": "realise"},
        HTTP_HX_REQUEST="true",
    )
    return reponse.content.decode() if reponse.status_code == 200 else ""


def courriels_et_notifications(w, user):
    """What `user` is told when the partner updates the step and an instructor writes to the applicant."""
    from notifications.models import Notification

    mail.outbox = []
    with TestCase.captureOnCommitCallbacks(execute=True):
        connecte(w, w.partenaire).post(
            reverse("parcours:etape_transition", args=[w.etape.pk, "mettre_a_jour"]),
            {
                "mettre_a_jour-date_debut": w.etape.date_debut.isoformat(),
                "mettre_a_jour-commentaire_partenaire": f"{SUIVI} : point d'étape avec la structure",
            },
        )
        connecte(w, w.instructeur).post(
            reverse("aap_invisibles:dossier_message", args=[w.dossier_autre.pk]),
            {"objet": "Question", "texte": "Pouvez-vous préciser le budget ?"},
        )
    textes = [f"{m.subject}\n{m.body}" for m in mail.outbox if user.email in m.to]
    textes += [f"{n.titre}\n{n.corps}" for n in Notification.objects.filter(utilisateur=user)]
    return "\n".join(textes) + page(w, user, reverse("notifications:liste"))


def api(w, user, nom, **kwargs):
    """What `user`'s own API token reads at endpoint `nom` (JSON text)."""
    secret = jeton_de_test(user)
    reponse = Client().get(reverse(f"api:{nom}", kwargs=kwargs or None), HTTP_AUTHORIZATION=f"Bearer {secret}")
    return reponse.content.decode() if reponse.status_code == 200 else ""


def agenda(w, user):
    """`user`'s calendar feed, through a calendar address of their own."""
    secret = jeton_de_test(user, usage="agenda")
    reponse = Client().get(reverse("accounts:agenda", args=[secret]))
    return reponse.content.decode() if reponse.status_code == 200 else ""


CANAUX = {
    # Pages
    "fiche du participant": (
        lambda w, u: page(w, u, reverse("participants:detail", args=[w.participant.pk])),
        {NOTE, MOTIF, DOCUMENT},
    ),
    # The record's history (its own page, and the fragment the record loads): every field changed.
    "historique de la fiche": (
        lambda w, u: page(w, u, reverse("participants:historique", args=[w.participant.pk])),
        {MOTIF, SUIVI},
    ),
    "liste des participants": (lambda w, u: page(w, u, reverse("participants:liste")), set()),
    "recherche dans la liste": (lambda w, u: page(w, u, reverse("participants:liste"), q="ZQX"), set()),
    "accueil": (lambda w, u: page(w, u, reverse("home")), set()),
    "étape chez le partenaire": (
        lambda w, u: page(w, u, reverse("parcours:etape_detail", args=[w.etape.pk])),
        {SUIVI},
    ),
    "instruction (liste)": (lambda w, u: page(w, u, reverse("aap_invisibles:instruction")), {NOTE_SUR_100}),
    "instruction triée par note": (
        lambda w, u: page(w, u, reverse("aap_invisibles:instruction"), tri="-score"),
        {NOTE_SUR_100},
    ),
    "comité": (lambda w, u: page(w, u, reverse("aap_invisibles:comite", args=[w.appel.pk])), {NOTE_SUR_100}),
    "dossier": (
        lambda w, u: page(w, u, reverse("aap_invisibles:dossier", args=[w.dossier_autre.pk])),
        {NOTE_SUR_100, COMMENTAIRE, ANNOTATION},
    ),
    # The expert reads the dossier they were asked about: never an annotation, a comment or a score.
    "avis demandé (page de l'expert·e)": (
        lambda w, u: page(w, u, reverse("aap_invisibles:avis", args=[w.demande_avis.pk])),
        set(),
    ),
    "atelier collectif": (lambda w, u: page(w, u, reverse("parcours:atelier", args=[w.atelier.pk])), set()),
    "opération FSE+": (lambda w, u: page(w, u, reverse("parcours:operation", args=[w.operation.pk])), set()),
    # HTMX fragment: an interview marked realised returns the journal.
    "fragment du journal (HTMX)": (fragment_journal, {NOTE}),
    # Documents produced in the background
    "export XLSX des participants": (lambda w, u: rapport(w, u, "participants"), set()),
    "fiche de parcours (PDF)": (lambda w, u: rapport(w, u, "parcours", participant=w.participant.pk), {RQTH}),
    "questionnaire d'entrée FSE+ (PDF)": (
        lambda w, u: rapport(w, u, "questionnaire", participant=w.participant.pk),
        {RQTH},
    ),
    "feuille d'émargement (PDF)": (lambda w, u: rapport(w, u, "emargement", atelier=w.atelier.pk), set()),
    "rapport au comité (PDF)": (lambda w, u: rapport(w, u, "comite", appel=w.appel.pk), {NOTE_SUR_100}),
    "export XLSX des dossiers": (lambda w, u: rapport(w, u, "dossiers", appel=w.appel.pk), {NOTE_SUR_100}),
    # Notifications and e-mails
    "notifications et courriels": (courriels_et_notifications, set()),
    # The API, with each persona's own token, and the calendar feed
    "API : participants": (lambda w, u: api(w, u, "participants"), set()),
    "API : participant": (lambda w, u: api(w, u, "participant", pk=w.participant.pk), set()),
    "API : parcours": (lambda w, u: api(w, u, "parcours_detail", pk=w.parcours.pk), {MOTIF}),
    "API : étapes": (lambda w, u: api(w, u, "etapes"), {SUIVI}),
    "API : étape": (lambda w, u: api(w, u, "etape", pk=w.etape.pk), {SUIVI}),
    "agenda (iCalendar)": (agenda, set()),
    # JSON
    "droit d'accès (JSON)": (
        lambda w, u: page(w, u, reverse("rgpd:droit_acces", args=[w.participant.pk]), format="json"),
        {NOTE, MOTIF, DOCUMENT},
    ),
}


@pytest.fixture(scope="module")
def monde(module_world):
    shared = module_world(planter)
    w = shared.world
    w.cookies = session_cookies({getattr(w, p).pk: getattr(w, p) for p in PERSONAS})
    return shared


def lire(canal, w, persona):
    """What `persona` reads on `canal`, the database left as it was."""
    savepoint = transaction.savepoint()
    try:
        texte = CANAUX[canal][0](w, getattr(w, persona))
    finally:
        transaction.savepoint_rollback(savepoint)
    return texte.replace("\u202f", " ").replace("\u00a0", " ")


@pytest.mark.parametrize("canal", sorted(CANAUX))
def test_each_persona_reads_the_markers_of_a_channel_only_when_allowed(canal, db, monde):
    porte = CANAUX[canal][1]
    erreurs = []
    for persona in PERSONAS:
        texte = lire(canal, monde.world, persona)
        for marqueur, lecteurs in LECTEURS.items():
            if marqueur in texte and persona not in lecteurs:
                erreurs.append(f"{persona} lit « {marqueur} » dans {canal}")
            if marqueur in porte and persona in lecteurs and texte and marqueur not in texte:
                erreurs.append(f"{persona} ne lit pas « {marqueur} » dans {canal}")
    assert not erreurs, "\n".join(erreurs)


@pytest.mark.parametrize(("canal", "marqueur"), sorted((c, m) for c, (_lire, porte) in CANAUX.items() for m in porte))
def test_a_channel_that_carries_a_marker_shows_it_to_its_first_reader(canal, marqueur, db, monde):
    # Guards the matrix itself: without it, "absent for everyone" would pass vacuously.
    lecteur = next(p for p in PERSONAS if p in LECTEURS[marqueur])
    assert marqueur in lire(canal, monde.world, lecteur)


def test_a_minimum_score_filter_does_not_reveal_the_scores_of_a_blind_instructor(db, monde):
    w = monde.world
    lus = {
        persona: ORGANISME
        in page(w, getattr(w, persona), reverse("aap_invisibles:instruction"), score_min="70", appel=w.appel.pk)
        for persona in ("coordination", "instructeur", "instructeur_notant")
    }
    assert lus == {"coordination": True, "instructeur": False, "instructeur_notant": True}


def test_the_partner_s_comment_reaches_the_referent_in_notifications_and_e_mails_only(db, monde):
    w = monde.world
    lus = {
        persona: SUIVI in lire("notifications et courriels", w, persona)
        for persona in ("referent", "referent_autre", "partenaire", "instructeur")
    }
    assert lus == {"referent": True, "referent_autre": False, "partenaire": False, "instructeur": False}
