"""Demo data of the calls app: the "invisibles" call (closed, postponed), an open call, dossiers in every state."""

import datetime
import io
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from accounts.models import Role, User
from accounts.seed import compte as compte_demo
from partners.models import Structure, TypeStructure

from .models import (
    AppelAProjets,
    Avis,
    ConsultationEPS,
    CritereNotation,
    DemandeAvis,
    Dossier,
    Evaluation,
    LigneBudget,
    Message,
    NatureVersement,
    NoteCritere,
    PieceJointe,
    QuestionReponse,
    ReportCloture,
    StatutAppel,
    StatutDossier,
    TransitionDossier,
    Versement,
)
from .models.suivi import Convention
from .tasks import SANS_COURRIEL

PARIS = ZoneInfo("Europe/Paris")
SLUG_INVISIBLES = "reperer-mobiliser-invisibles"
SLUG_OUVERT = "mobilisation-jeunes-qpv"

DESCRIPTION = (
    "La Métropole Rouen Normandie finance des actions qui vont vers les jeunes de 16 à 29 ans ni en emploi, "
    "ni en études, ni en formation (NEET), dits « invisibles » parce qu'aucune institution ne les accompagne, "
    "pour les repérer puis les mobiliser vers un parcours d'insertion."
)
CRITERES = [
    ("Pertinence du repérage et de l'« aller vers »", 30),
    ("Partenariat avec les EPS et les acteurs locaux", 25),
    ("Capacité de mobilisation vers un parcours", 25),
    ("Coût, cofinancements et réalisme du budget", 20),
]
QUESTIONS = [
    (
        "La consultation des EPS est-elle obligatoire ?",
        "Oui : la consultation préalable des Équipes Pluridisciplinaires de Suivi des communes concernées est une "
        "condition de recevabilité. Joignez le compte rendu ou l'attestation.",
    ),
    ("Peut-on candidater à plusieurs associations ?", "Oui, un dossier par organisme ; précisez le partenariat."),
    ("Quel est le montant maximal ?", "Aucun plafond par dossier ; l'enveloppe totale est de 154 000 €."),
]
# (name, RNA, commune, demo user email, first name, last name)
ASSOCIATIONS = [
    ("Association Elbeuf Jeunesse Avenir", None, None, "porteur@elbeuf-jeunesse.fr", None, None),
    ("Association Quartiers Solidaires Rouen", None, None, "porteur@quartiers-solidaires.fr", None, None),
    ("Les Maraudeurs du Plateau", "W763100001", "76165", "porteur@maraudeurs-plateau.fr", "Samir", "Khelifi"),
    ("Rives de Seine Médiation", "W763100002", "76540", "porteur@rives-mediation.fr", "Claire", "Dubois"),
    ("Sport dans la Ville Rouen", "W763100003", "76540", "porteur@sport-ville-rouen.fr", "Moussa", "Diallo"),
    ("Collectif Hauts-de-Rouen", "W763100004", "76540", "porteur@hauts-de-rouen.fr", "Élodie", "Renard"),
    ("Canteleu Initiatives Jeunes", "W763100005", "76157", "porteur@canteleu-jeunes.fr", "Hugo", "Lambert"),
    ("Oissel Avenir", "W763100006", "76484", "porteur@oissel-avenir.fr", "Fatou", "Sow"),
    ("Maison des Jeunes de Darnétal", "W763100007", "76212", "porteur@mj-darnetal.fr", "Lucas", "Bernard"),
    ("Grand-Quevilly Solidarités", "W763100008", "76322", "porteur@gq-solidarites.fr", "Nadia", "Benaïssa"),
    # The rest of a real campaign (about 25 dossiers on the call): applicants without a printed login.
    ("Maromme Horizons", "W763100009", "76410", "porteur@maromme-horizons.fr", "Inès", "Moreau"),
    ("Déville Jeunes Pousses", "W763100010", "76216", "porteur@deville-pousses.fr", "Théo", "Girard"),
    ("Rouvray Tremplin", "W763100011", "76575", "porteur@rouvray-tremplin.fr", "Aïcha", "Traoré"),
    ("Sotteville Passerelles", "W763100012", "76681", "porteur@sotteville-passerelles.fr", "Jérôme", "Lefèbvre"),
    ("Petit-Quevilly Ensemble", "W763100013", "76498", "porteur@pq-ensemble.fr", "Chloé", "Martin"),
    ("Cléon Sport et Insertion", "W763100014", "76178", "porteur@cleon-sport.fr", "Yanis", "Benali"),
    ("Caudebec Médiation Jeunesse", "W763100015", "76165", "porteur@caudebec-mediation.fr", "Léna", "Faure"),
    ("Mont-Saint-Aignan Solidaire", "W763100016", "76451", "porteur@msa-solidaire.fr", "Noé", "Roussel"),
    ("Grand-Couronne Avenir Jeunes", "W763100017", "76319", "porteur@gc-avenir.fr", "Maëlle", "Perrin"),
    ("Bihorel Quartiers Vivants", "W763100018", "76095", "porteur@bihorel-quartiers.fr", "Bastien", "Leroux"),
    ("Notre-Dame-de-Bondeville Animation", "W763100019", "76474", "porteur@ndb-animation.fr", "Sarah", "Chevalier"),
    ("Petit-Couronne Coup de Pouce", "W763100020", "76497", "porteur@pc-coupdepouce.fr", "Kévin", "Lopez"),
    ("Rouen Rive Gauche Prévention", "W763100021", "76540", "porteur@rrg-prevention.fr", "Anaïs", "Gautier"),
    ("Elbeuf Numérique Jeunes", "W763100022", "76231", "porteur@elbeuf-numerique.fr", "Rayan", "Mercier"),
]
# (association index, state, amount requested, young people to identify / mobilise, commune codes)
DOSSIERS = [
    (0, StatutDossier.RETENU, "38000", (70, 45), ["76231", "76165"]),
    (1, StatutDossier.RETENU, "21000", (40, 30), ["76540"]),
    (2, StatutDossier.AUDITION, "25000", (45, 30), ["76165"]),
    (3, StatutDossier.AUDITION, "18000", (30, 20), ["76540"]),
    (4, StatutDossier.EN_INSTRUCTION, "30000", (50, 35), ["76540"]),
    (5, StatutDossier.EN_INSTRUCTION, "22000", (35, 25), ["76540"]),
    (6, StatutDossier.DEPOSE, "15000", (25, 15), ["76157"]),
    (7, StatutDossier.IRRECEVABLE, "12000", (20, 12), ["76484"]),
    (8, StatutDossier.REFUSE, "28000", (30, 15), ["76212"]),
    (9, StatutDossier.SANS_SUITE, "16000", (25, 15), ["76322"]),
    (10, StatutDossier.EN_INSTRUCTION, "19000", (30, 20), ["76410"]),
    (11, StatutDossier.DEPOSE, "14000", (20, 14), ["76216"]),
    (12, StatutDossier.AUDITION, "27000", (45, 30), ["76575"]),
    (13, StatutDossier.EN_INSTRUCTION, "23000", (40, 25), ["76681"]),
    (14, StatutDossier.REFUSE, "31000", (35, 18), ["76498"]),
    (15, StatutDossier.DEPOSE, "12500", (20, 12), ["76178"]),
    (16, StatutDossier.AUDITION, "20000", (35, 22), ["76165"]),
    (17, StatutDossier.IRRECEVABLE, "17000", (25, 15), ["76451"]),
    (18, StatutDossier.EN_INSTRUCTION, "26000", (40, 28), ["76319"]),
    (19, StatutDossier.DEPOSE, "11000", (18, 12), ["76095"]),
    (20, StatutDossier.EN_INSTRUCTION, "15500", (22, 15), ["76474"]),
    (21, StatutDossier.REFUSE, "29000", (30, 16), ["76497"]),
    (22, StatutDossier.AUDITION, "33000", (55, 35), ["76540"]),
    (23, StatutDossier.DEPOSE, "18500", (28, 18), ["76231"]),
]
# The same applicants on the call still open today.
DOSSIERS_APPEL_OUVERT = [
    (6, StatutDossier.BROUILLON, "20000", (30, 20), ["76157"]),
    (1, StatutDossier.DEPOSE, "24000", (40, 25), ["76540"]),
]


def pdf(titre):
    """A small real PDF (the attachments are checked by content)."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Title": titre})
    buffer = io.BytesIO()
    writer.write(buffer)
    return ContentFile(buffer.getvalue(), name=f"{titre}.pdf")


def paris(*args):
    return datetime.datetime(*args, tzinfo=PARIS)


def appels(ctx, coordination, instructeurs):
    invisibles, cree = AppelAProjets.objects.get_or_create(
        slug=SLUG_INVISIBLES,
        defaults={
            "titre": "Repérer et mobiliser les publics « invisibles »",
            "description": DESCRIPTION,
            "reglement": "Actions de 6 à 12 mois sur le territoire de la Métropole. Audition des porteurs devant le "
            "comité de lecture et de validation.",
            "public_cible": "Jeunes NEET de 16 à 29 ans, en priorité des quartiers prioritaires (QPV) et des "
            "communes rurales.",
            "conditions_recevabilite": "Dossier complet (Cerfa 12156 et pièces) ; consultation préalable des "
            "Équipes Pluridisciplinaires de Suivi (EPS) des communes concernées.",
            "modalites_depot": "Créez un compte porteur, complétez le dossier en ligne section par section, "
            "puis déposez-le avant la date limite.",
            "objectif_jeunes_min": 200,
            "objectif_jeunes_max": 250,
            "budget_total": Decimal("154000"),
            "date_ouverture": paris(2020, 3, 2, 9, 0),
            "date_cloture": paris(2020, 7, 1, 12, 0),
            "date_audition": None,
            # A demonstration number: the grants' open data cite the deliberation that awards them.
            "reference_deliberation": "C2020-0512",
            "pieces_requises": ["rib", "statuts", "comptes"],
            "statut": StatutAppel.PUBLIE,
        },
    )
    if cree:
        ReportCloture.objects.create(
            appel=invisibles,
            ancienne_date=paris(2020, 5, 15, 12, 0),
            nouvelle_date=paris(2020, 7, 1, 12, 0),
            motif="Crise sanitaire (Covid-19) : report de la date limite de dépôt au 1er juillet 2020.",
            par=coordination,
            le=paris(2020, 4, 20, 10, 0),
        )
        for ordre, (libelle, poids) in enumerate(CRITERES):
            CritereNotation.objects.create(appel=invisibles, libelle=libelle, poids=poids, ordre=ordre)
        for ordre, (question, reponse) in enumerate(QUESTIONS):
            QuestionReponse.objects.create(appel=invisibles, question=question, reponse=reponse, ordre=ordre)
        invisibles.documents.create(titre="Règlement de l'appel à projets", fichier=pdf("reglement-aap-invisibles"))
    now = timezone.now()
    ouvert, cree = AppelAProjets.objects.get_or_create(
        slug=SLUG_OUVERT,
        defaults={
            "titre": "Mobiliser les jeunes des quartiers prioritaires",
            "description": "Actions de remobilisation des jeunes de 16 à 29 ans des quartiers prioritaires.",
            "public_cible": "Jeunes de 16 à 29 ans des QPV de la Métropole.",
            "conditions_recevabilite": "Consultation préalable des EPS des communes concernées.",
            "objectif_jeunes_min": 100,
            "objectif_jeunes_max": 150,
            "budget_total": Decimal("80000"),
            "date_ouverture": now - datetime.timedelta(days=15),
            "date_cloture": (timezone.localtime(now) + datetime.timedelta(days=45)).replace(
                hour=12, minute=0, second=0, microsecond=0
            ),
            "pieces_requises": ["rib", "statuts"],
            "statut": StatutAppel.PUBLIE,
        },
    )
    if cree:
        for ordre, (libelle, poids) in enumerate(CRITERES):
            CritereNotation.objects.create(appel=ouvert, libelle=libelle, poids=poids, ordre=ordre)
    for appel in (invisibles, ouvert):
        appel.instructeurs.add(*instructeurs)
    return invisibles, ouvert


def organisations(ctx):
    users = ctx.data.get("users", {})
    resultat = []
    for nom, rna, commune, email, prenom, nom_famille in ASSOCIATIONS:
        user = users.get(email) or User.objects.filter(email=email).first()
        if user is None:
            structure, _ = Structure.objects.get_or_create(
                rna=rna,
                defaults={
                    "nom": nom,
                    "type": TypeStructure.ASSOCIATION,
                    "commune_id": commune,
                    "partenaire_plie": False,
                },
            )
            user = compte_demo(ctx, email, Role.PORTEUR, structure, prenom, nom_famille)
        resultat.append(user)
    return resultat


def remplir(dossier, montant, jeunes, communes, rng):
    """Every Cerfa section filled, a balanced budget with line 74 Métropole, EPS attested, attachments."""
    structure = dossier.porteur
    reperer, mobiliser = jeunes
    for champ, valeur in {
        "nom": structure.nom,
        "sigle": structure.sigle,
        "rna": structure.rna or "",
        "siret": structure.siret or "",
        "adresse_siege": structure.adresse or "Hôtel de ville, 76000 Rouen",
        "telephone": structure.telephone or "02 35 00 00 00",
        "email": structure.email or "contact@exemple.fr",
        "representant_nom": "Président·e de l'association",
        "representant_qualite": "Président·e",
        "responsable_nom": "Coordinateur·rice jeunesse",
        "responsable_email": structure.email or "contact@exemple.fr",
        "aides_publiques": "Ville : 12 000 € (2019) ; Département : 8 000 € (2018).",
        "reseaux": "Membre de la fédération départementale des centres sociaux.",
        "nb_adherents": rng.randint(30, 200),
        "nb_benevoles": rng.randint(5, 40),
        "nb_volontaires": rng.randint(0, 4),
        "nb_salaries": rng.randint(2, 15),
        "etp_salaries": Decimal(rng.randint(15, 120)) / 10,
        "nb_emplois_aides": rng.randint(0, 2),
        "budget_annee": 2020,
        "budget_total_charges": Decimal(rng.randint(100, 600) * 1000),
        "projet_intitule": f"Aller vers les jeunes invisibles – {structure.nom}",
        "projet_objectifs": "Repérer les jeunes NEET inconnus des institutions et les mobiliser vers un parcours.",
        "projet_description": "Maraudes de rue et numériques, permanences dans les quartiers, ateliers collectifs, "
        "orientation vers la Mission Locale et le PLIE.",
        "projet_public": "Jeunes de 16 à 29 ans ni en emploi, ni en études, ni en formation.",
        "nb_jeunes_a_reperer": reperer,
        "nb_jeunes_a_mobiliser": mobiliser,
        "date_debut": datetime.date(2020, 9, 1),
        "date_fin": datetime.date(2021, 8, 31),
        "moyens_humains": "Deux éducateurs spécialisés et un animateur numérique.",
        "moyens_materiels": "Un véhicule, un local, des tablettes.",
        "indicateurs_evaluation": "Jeunes repérés, jeunes mobilisés, orientations réalisées.",
        "autres_financeurs": "État (politique de la ville), Département.",
        "signataire_nom": "Président·e de l'association",
        "signataire_qualite": "Président·e",
        "atteste_contrat_engagement": True,
        "atteste_exactitude": True,
        "titulaire_compte": structure.nom,
        "iban": "FR7630006000011234567890189",
        "bic": "AGRIFRPP",
    }.items():
        setattr(dossier, champ, valeur)
    dossier.budget_total_produits = dossier.budget_total_charges
    dossier.save()
    dossier.communes.set(communes)
    montant = Decimal(montant)
    etat = Decimal(rng.randint(3, 10) * 1000)
    nature = Decimal(rng.randint(1, 4) * 1000)
    lignes = [
        ("64", "Rémunération des personnels", montant + etat - Decimal("4000")),
        ("60", "Achats et fournitures", Decimal("1500")),
        ("62", "Déplacements et missions", Decimal("2500")),
        ("86", "Mise à disposition gratuite de locaux", nature),
        ("74", "État – politique de la ville", etat),
        ("87", "Bénévolat valorisé", nature),
    ]
    for compte, libelle, valeur in lignes:
        LigneBudget.objects.create(dossier=dossier, compte=compte, libelle=libelle, montant=valeur)
    LigneBudget.objects.create(
        dossier=dossier, compte="74", libelle="Métropole Rouen Normandie", montant=montant, subvention_metropole=True
    )
    eps = ConsultationEPS.objects.create(
        dossier=dossier, date_consultation=datetime.date(2020, 5, 12), justificatif=pdf("compte-rendu-eps")
    )
    eps.communes.set(communes)
    for code in dossier.appel.pieces_requises:
        PieceJointe.objects.create(
            dossier=dossier, type_piece=code, fichier=pdf(code), nom_original=f"{code}.pdf", type_mime="application/pdf"
        )
    dossier.recalculer_montant_demande()


def deposer(dossier, porteur, le):
    """Submission as of `le` (the call is closed today, so the transition is replayed, not called)."""
    dossier.statut = StatutDossier.DEPOSE
    dossier.date_accuse = le
    dossier.numero_accuse = f"AAP{dossier.appel_id:03d}-{dossier.pk:05d}"
    dossier.copie_deposee = dossier.copie_figee()
    dossier.save()
    TransitionDossier.objects.create(
        dossier=dossier, de=StatutDossier.BROUILLON, vers=StatutDossier.DEPOSE, par=porteur, le=le
    )
    Message.objects.create(
        dossier=dossier,
        objet=f"Accusé de réception n° {dossier.numero_accuse}",
        texte=f"Votre dossier a bien été déposé le {timezone.localtime(le):%d/%m/%Y à %H:%M}.",
        automatique=True,
        envoye_le=le,
    )


def noter(dossier, instructeur, rng, base):
    evaluation = Evaluation.objects.create(dossier=dossier, instructeur=instructeur, commentaire="Projet cohérent.")
    for critere in dossier.appel.criteres.all():
        NoteCritere.objects.create(
            evaluation=evaluation, critere=critere, note=max(0, min(5, base + rng.randint(-1, 1)))
        )
    evaluation.soumettre()


def instruire(dossier, statut, coordination, instructeurs, porteur, rng):
    instructeur = instructeurs[0]
    if statut == StatutDossier.DEPOSE:
        return
    if statut == StatutDossier.IRRECEVABLE:
        dossier.declarer_irrecevable(instructeur, "La consultation des EPS est postérieure à la date limite.")
        return
    if statut == StatutDossier.SANS_SUITE:
        dossier.classer_sans_suite(porteur, "L'association a perdu son financement principal.")
        return
    dossier.declarer_recevable(instructeur)
    base = {StatutDossier.RETENU: 4, StatutDossier.AUDITION: 3, StatutDossier.REFUSE: 2}.get(statut, 3)
    for i in instructeurs:
        noter(dossier, i, rng, base)
    Message.objects.create(
        dossier=dossier,
        auteur=instructeur,
        objet="Question sur les communes",
        texte="Pouvez-vous préciser les quartiers où auront lieu les maraudes ?",
    )
    Message.objects.create(
        dossier=dossier, auteur=porteur, objet="Re : Question sur les communes", texte="Les QPV des deux communes."
    )
    if statut == StatutDossier.EN_INSTRUCTION:
        if dossier.montant_demande < 25000:
            dossier.demander_correction(instructeur, ["6bis"], "Le budget doit détailler les frais de déplacement.")
        return
    dossier.fixer_audition(
        instructeur, datetime.date(2020, 9, 15), datetime.time(9 + rng.randint(0, 6), 0), "Métropole, salle 3"
    )
    if statut == StatutDossier.AUDITION:
        return
    if statut == StatutDossier.RETENU:
        dossier.proposer(instructeur, Avis.FAVORABLE, dossier.montant_demande, "Projet solide, partenariat EPS réel.")
        dossier.retenir(coordination, dossier.montant_demande, "Avis favorable du comité.")
        if dossier.convention_requise():
            Convention.objects.create(
                dossier=dossier,
                date_signature=datetime.date(2020, 10, 5),
                fichier=pdf("convention"),
                enregistree_par=coordination,
            )
        Versement.objects.create(
            dossier=dossier,
            nature=NatureVersement.AVANCE,
            montant=(dossier.montant_accorde * Decimal("0.5")).quantize(Decimal("0.01")),
            date=datetime.date(2020, 10, 15),
            enregistre_par=coordination,
        )
    else:
        dossier.proposer(instructeur, Avis.DEFAVORABLE, 0, "Repérage insuffisamment décrit.")
        dossier.refuser(coordination, "Le repérage des jeunes invisibles n'est pas assez décrit.")


def demander_un_avis(ctx, appel, instructeur):
    """A member of a commune's EPS asked for an opinion on a dossier under instruction of the open call."""
    expert = compte_demo(ctx, "eps.canteleu@exemple.fr", Role.EXPERT, None, "Inès", "Morel")
    ctx.login("Experte (EPS de Canteleu)", expert)
    dossier = appel.dossiers.filter(statut__in=[StatutDossier.EN_INSTRUCTION, StatutDossier.AUDITION]).first()
    if dossier is not None:
        DemandeAvis.objects.get_or_create(
            dossier=dossier,
            expert=expert,
            defaults={
                "question": "Les jeunes visés sont-ils déjà connus de l'EPS de la commune ?",
                "echeance": timezone.localdate() + datetime.timedelta(days=10),
                "demandee_par": instructeur,
            },
        )


def seed(ctx):
    users = ctx.data.get("users", {})
    coordination = users.get("coordination@plie-rouen.fr") or User.objects.filter(role=Role.COORDINATION).first()
    instructeur = users.get("instructeur@metropole-rouen-normandie.fr")
    if coordination is None or instructeur is None:
        ctx.log("AAP : comptes de démonstration absents, appels non créés.")
        return
    second = compte_demo(
        ctx, "instructeur2@metropole-rouen-normandie.fr", Role.INSTRUCTEUR, instructeur.structure, "Marc", "Lemaire"
    )
    ctx.login("Instructeur AAP (2e)", second)
    instructeurs = [instructeur, second]
    jeton = SANS_COURRIEL.set(True)
    try:
        with transaction.atomic():
            invisibles, ouvert = appels(ctx, coordination, instructeurs)
            porteurs = organisations(ctx)
            a_creer = [(invisibles, d) for d in DOSSIERS] + [(ouvert, d) for d in DOSSIERS_APPEL_OUVERT]
            for index, (appel, (asso, statut, montant, jeunes, communes)) in enumerate(a_creer):
                porteur = porteurs[asso]
                if Dossier.objects.filter(appel=appel, porteur_id=porteur.structure_id).exists():
                    continue
                dossier = Dossier.objects.create(appel=appel, porteur=porteur.structure, cree_par=porteur)
                remplir(dossier, montant, jeunes, communes, ctx.rng)
                if statut == StatutDossier.BROUILLON:
                    continue
                # Deposits spread over June 2020, before the postponed deadline of 1 July.
                le = paris(2020, 6, 1 + index, 14, 30) if appel == invisibles else timezone.now()
                deposer(dossier, porteur, le)
                instruire(dossier, statut, coordination, instructeurs, porteur, ctx.rng)
            demander_un_avis(ctx, ouvert, instructeur)
    finally:
        SANS_COURRIEL.reset(jeton)
    ctx.log(f"AAP : {Dossier.objects.filter(appel__slug__in=[SLUG_INVISIBLES, SLUG_OUVERT]).count()} dossiers.")
