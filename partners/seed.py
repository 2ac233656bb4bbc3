"""Demo partner network: about 100 structures of realistic kinds across the communes, with
contacts, the step types they offer and partner accounts (some structures have none)."""

from django.utils.text import slugify

from territoire.models import Commune

from .catalogue import charger_catalogue
from .models import Contact, EtapeType, Structure, TypeStructure
from .siret import make_siret

T = TypeStructure

# (name, acronym, kind, commune INSEE, PLIE partner, RNA)
STRUCTURES_SOCLE = [
    ("Métropole Rouen Normandie", "MRN", T.METROPOLE, "76540", False, None),
    ("PLIE de la Métropole Rouen Normandie", "PLIE", T.PLIE, "76540", True, None),
    ("France Travail Rouen Saint-Sever", "", T.FRANCE_TRAVAIL, "76540", True, None),
    ("Mission Locale de l'agglomération rouennaise", "MLAR", T.MISSION_LOCALE, "76540", True, None),
    ("CCAS de Rouen", "", T.COMMUNE_CCAS, "76540", True, None),
    ("CCAS de Saint-Étienne-du-Rouvray", "", T.COMMUNE_CCAS, "76575", True, None),
    ("Atelier chantier d'insertion Les Jardins de la Seine", "", T.SIAE_ACI, "76498", True, None),
    ("Organisme de formation Normandie Compétences", "", T.ORGANISME_FORMATION, "76157", True, None),
    ("Association Elbeuf Jeunesse Avenir", "EJA", T.ASSOCIATION, "76231", False, "W763000101"),
    ("Association Quartiers Solidaires Rouen", "AQSR", T.ASSOCIATION, "76540", False, "W763000102"),
]

CCAS = {
    "76681": "Sotteville-lès-Rouen",
    "76322": "Grand-Quevilly",
    "76498": "Petit-Quevilly",
    "76451": "Mont-Saint-Aignan",
    "76231": "Elbeuf",
    "76108": "Bois-Guillaume",
    "76157": "Canteleu",
    "76484": "Oissel-sur-Seine",
    "76410": "Maromme",
    "76216": "Déville-lès-Rouen",
    "76165": "Caudebec-lès-Elbeuf",
    "76319": "Grand-Couronne",
    "76212": "Darnétal",
    "76497": "Petit-Couronne",
    "76561": "Saint-Aubin-lès-Elbeuf",
    "76095": "Bihorel",
    "76640": "Saint-Pierre-lès-Elbeuf",
}

# (name, kind, commune, offered step codes, has a partner account)
RESEAU = [
    ("France Travail Rouen Rive Droite", T.FRANCE_TRAVAIL, "76540", None, True),
    ("France Travail Sotteville-lès-Rouen", T.FRANCE_TRAVAIL, "76681", None, True),
    ("France Travail Le Grand-Quevilly", T.FRANCE_TRAVAIL, "76322", None, True),
    ("France Travail Elbeuf", T.FRANCE_TRAVAIL, "76231", None, True),
    ("France Travail Mont-Saint-Aignan", T.FRANCE_TRAVAIL, "76451", None, False),
    ("France Travail Canteleu", T.FRANCE_TRAVAIL, "76157", None, False),
    ("France Travail Darnétal", T.FRANCE_TRAVAIL, "76212", None, True),
    ("France Travail Saint-Étienne-du-Rouvray", T.FRANCE_TRAVAIL, "76575", None, True),
    ("Mission Locale – antenne d'Elbeuf", T.MISSION_LOCALE, "76231", None, True),
    ("Mission Locale – antenne de Sotteville-lès-Rouen", T.MISSION_LOCALE, "76681", None, True),
    ("Mission Locale – antenne du Grand-Quevilly", T.MISSION_LOCALE, "76322", None, False),
    ("Mission Locale – antenne de Canteleu", T.MISSION_LOCALE, "76157", None, True),
    ("Mission Locale – antenne de Darnétal", T.MISSION_LOCALE, "76212", None, False),
    ("Mission Locale – antenne d'Oissel", T.MISSION_LOCALE, "76484", None, True),
    ("Cap emploi Seine-Maritime – Rouen", T.CAP_EMPLOI, "76540", None, True),
    ("Département de la Seine-Maritime – UTAS de Rouen", T.DEPARTEMENT, "76540", None, False),
    ("ACI Recyclerie de la Seine", T.SIAE_ACI, "76575", None, True),
    ("ACI Bois et Paysages de Canteleu", T.SIAE_ACI, "76157", None, True),
    ("ACI Maraîchage bio du plateau Est", T.SIAE_ACI, "76429", None, False),
    ("ACI Bâtiment second œuvre Elbeuf", T.SIAE_ACI, "76231", None, True),
    ("ACI Couture et repassage solidaires", T.SIAE_ACI, "76498", None, True),
    ("ACI Propreté des berges", T.SIAE_ACI, "76484", None, False),
    ("ACI Vélo solidaire rouennais", T.SIAE_ACI, "76540", None, True),
    ("EI Nettoyage Seine Services", T.SIAE_EI, "76681", None, True),
    ("EI Restaurant d'insertion Le Quai", T.SIAE_EI, "76540", None, True),
    ("EI Logistique et manutention Normandie", T.SIAE_EI, "76319", None, False),
    ("EI Espaces verts de l'agglomération", T.SIAE_EI, "76108", None, True),
    ("EI Recyclage électroménager", T.SIAE_EI, "76410", None, False),
    ("ETTI Intérim Solidaire Rouen", T.SIAE_ETTI, "76540", None, True),
    ("ETTI Tremplin Intérim Elbeuf", T.SIAE_ETTI, "76231", None, True),
    ("ETTI Passerelle Emploi Sud", T.SIAE_ETTI, "76575", None, False),
    ("AI Services de proximité Rive Gauche", T.SIAE_AI, "76498", None, True),
    ("AI Coup de main Darnétal", T.SIAE_AI, "76212", None, False),
    ("AI Entraide emploi Maromme", T.SIAE_AI, "76410", None, True),
    ("AI Elbeuf Services", T.SIAE_AI, "76231", None, True),
    ("GRETA Rouen Métropole", T.ORGANISME_FORMATION, "76540", ["formation-qualifiante", "savoirs-de-base"], True),
    ("AFPA Rouen", T.ORGANISME_FORMATION, "76540", ["formation-qualifiante", "formation-pre-qualifiante"], True),
    ("Centre de formation Mécanique et Logistique", T.ORGANISME_FORMATION, "76319", ["formation-qualifiante"], True),
    (
        "École des métiers de l'aide à domicile",
        T.ORGANISME_FORMATION,
        "76681",
        ["formation-qualifiante", "alternance"],
        False,
    ),
    ("Institut régional du travail social – antenne", T.ORGANISME_FORMATION, "76451", ["formation-qualifiante"], False),
    (
        "Atelier de pédagogie personnalisée Rouen",
        T.ORGANISME_FORMATION,
        "76540",
        ["savoirs-de-base", "formation-pre-qualifiante"],
        True,
    ),
    ("Centre FLE Rive Gauche", T.ORGANISME_FORMATION, "76498", ["fle", "savoirs-de-base"], True),
    (
        "Espace numérique formation Elbeuf",
        T.ORGANISME_FORMATION,
        "76231",
        ["inclusion-numerique", "savoirs-de-base"],
        True,
    ),
    ("Centre de bilan de compétences Normandie", T.ORGANISME_FORMATION, "76108", ["bilan-competences"], False),
    ("CFA des métiers du BTP", T.ORGANISME_FORMATION, "76575", ["alternance", "formation-qualifiante"], True),
    (
        "Formation Hôtellerie-Restauration Seine",
        T.ORGANISME_FORMATION,
        "76540",
        ["formation-qualifiante", "formation-pre-qualifiante"],
        False,
    ),
    ("Transport Logistique Formation 76", T.ORGANISME_FORMATION, "76322", ["formation-qualifiante"], True),
    ("Logistique Seine Aval", T.ENTREPRISE, "76319", None, False),
    ("Propreté Normande SAS", T.ENTREPRISE, "76681", None, True),
    ("Bâti Rouen Construction", T.ENTREPRISE, "76575", None, False),
    ("Restaurants Collectifs de la Métropole", T.ENTREPRISE, "76540", None, False),
    ("Aide et Soins à Domicile Rouen", T.ENTREPRISE, "76540", None, True),
    ("Transports urbains – recrutement", T.ENTREPRISE, "76540", None, False),
    ("Hypermarché Rive Gauche", T.ENTREPRISE, "76322", None, False),
    ("Chimie Vallée de Seine", T.ENTREPRISE, "76497", None, False),
    ("Plateforme e-commerce Oissel", T.ENTREPRISE, "76484", None, True),
    ("Garage solidaire de l'agglomération", T.ENTREPRISE, "76165", ["mobilite-permis"], False),
    ("Auto-école sociale Permis Solidaire", T.ASSOCIATION, "76540", ["mobilite-permis"], False),
    ("Plateforme Mobilité Emploi", T.ASSOCIATION, "76681", ["mobilite-permis"], True),
    ("Habitat et Insertion Rouen", T.ASSOCIATION, "76540", ["logement"], True),
    ("Épicerie sociale et accès aux droits", T.ASSOCIATION, "76498", ["acces-droits"], False),
    ("Santé Précarité Écoute", T.ASSOCIATION, "76540", ["sante"], True),
    ("Crèche à vocation d'insertion professionnelle", T.ASSOCIATION, "76575", ["garde-enfants"], True),
    ("Lire Écrire Compter Elbeuf", T.ASSOCIATION, "76231", ["fle", "savoirs-de-base"], False),
    ("Connexions solidaires", T.ASSOCIATION, "76157", ["inclusion-numerique"], False),
    ("Boutique de gestion – création d'activité", T.ASSOCIATION, "76540", ["creation-activite"], True),
    ("Microcrédit et création Normandie", T.ASSOCIATION, "76681", ["creation-activite"], False),
    ("Remobilisation par le sport", T.ASSOCIATION, "76322", ["atelier-remobilisation"], True),
    ("Théâtre et confiance en soi", T.ASSOCIATION, "76212", ["atelier-remobilisation"], False),
    ("Point Justice et droits", T.ASSOCIATION, "76410", ["acces-droits"], False),
]

# Step types each kind offers when the line above does not say.
OFFRES_PAR_TYPE = {
    T.PLIE: ["diagnostic-socio-pro", "suivi-emploi"],
    T.FRANCE_TRAVAIL: ["diagnostic-socio-pro", "bilan-competences", "immersion-pmsmp", "emploi-durable"],
    T.MISSION_LOCALE: ["diagnostic-socio-pro", "mobilite-permis", "logement", "atelier-remobilisation", "alternance"],
    T.CAP_EMPLOI: ["diagnostic-socio-pro", "sante", "emploi-durable"],
    T.COMMUNE_CCAS: ["acces-droits", "logement", "garde-enfants", "inclusion-numerique"],
    T.DEPARTEMENT: ["acces-droits", "logement", "sante"],
    T.SIAE_ACI: ["contrat-aci", "atelier-remobilisation", "savoirs-de-base"],
    T.SIAE_EI: ["contrat-ei", "immersion-pmsmp"],
    T.SIAE_ETTI: ["mission-etti"],
    T.SIAE_AI: ["mission-ai", "immersion-pmsmp"],
    T.ORGANISME_FORMATION: ["formation-pre-qualifiante"],
    T.ENTREPRISE: ["emploi-durable", "immersion-pmsmp", "alternance", "suivi-emploi"],
    T.ASSOCIATION: ["atelier-remobilisation"],
}

PRENOMS = [
    "Camille",
    "Nadia",
    "Julien",
    "Sarah",
    "Mehdi",
    "Laure",
    "Antoine",
    "Fatou",
    "Pierre",
    "Chloé",
    "Yanis",
    "Marion",
    "Karim",
    "Élodie",
    "Bruno",
    "Inès",
    "Hugo",
    "Manon",
    "Samir",
    "Aurélie",
]
NOMS = [
    "Lemoine",
    "Bouchard",
    "Diallo",
    "Renaud",
    "Cordier",
    "Haddad",
    "Lecomte",
    "Marie",
    "Poulain",
    "Vasseur",
    "Benaïssa",
    "Duval",
    "Leclerc",
    "Nguyen",
    "Masson",
    "Fournier",
    "Roussel",
    "Traoré",
    "Hébert",
    "Lefrançois",
]
FONCTIONS = [
    "Directeur·rice",
    "Chargé·e d'insertion",
    "Conseiller·ère emploi",
    "Encadrant·e technique",
    "Responsable pédagogique",
    "Accompagnateur·rice socioprofessionnel·le",
    "Chargé·e de recrutement",
]


def structure(ctx, nom, type_, insee, partenaire, rna=None, sigle="", numero=None):
    """Get or create a demo structure by name (idempotent)."""
    registre = ctx.data.setdefault("structures", {})
    numero = numero if numero is not None else len(registre) + 1
    obj, _created = Structure.objects.get_or_create(
        nom=nom,
        defaults={
            "type": type_,
            "sigle": sigle,
            "siret": make_siret(33_000 + numero * 7919),
            "rna": rna,
            "commune": Commune.objects.filter(pk=insee).first(),
            "adresse": f"{ctx.rng.randint(1, 120)} rue de la République",
            "telephone": f"02 35 {ctx.rng.randint(10, 99)} {ctx.rng.randint(10, 99)} {ctx.rng.randint(10, 99)}",
            "email": f"contact{numero}@exemple-structure.fr",
            "partenaire_plie": partenaire,
        },
    )
    registre[nom] = obj
    return obj


def lignes_reseau():
    """Every demo structure beyond the base ones: (name, kind, commune, offers, partner account)."""
    lignes = [
        (f"CCAS de {nom}", T.COMMUNE_CCAS, insee, None, i % 3 != 2) for i, (insee, nom) in enumerate(CCAS.items())
    ]
    return lignes + RESEAU


def _offres(ctx, obj, codes, types):
    voulus = [types[code] for code in codes or OFFRES_PAR_TYPE.get(obj.type, []) if code in types]
    if voulus:
        obj.offres.add(*voulus)


def _contacts(ctx, obj):
    if obj.contacts.exists():
        return
    for _ in range(ctx.rng.randint(1, 2)):
        prenom, nom = ctx.rng.choice(PRENOMS), ctx.rng.choice(NOMS)
        Contact.objects.create(
            structure=obj,
            prenom=prenom,
            nom=nom,
            fonction=ctx.rng.choice(FONCTIONS),
            email=f"{slugify(prenom)}.{slugify(nom)}@{slugify(obj.nom)[:30]}.exemple.fr",
            telephone=f"02 35 {ctx.rng.randint(10, 99)} {ctx.rng.randint(10, 99)} {ctx.rng.randint(10, 99)}",
        )


def seed(ctx):
    charger_catalogue(EtapeType)
    types = {t.code: t for t in EtapeType.objects.all()}
    for numero, (nom, sigle, type_, insee, partenaire, rna) in enumerate(STRUCTURES_SOCLE, start=1):
        obj = structure(ctx, nom, type_, insee, partenaire, rna=rna, sigle=sigle, numero=numero)
        if partenaire:
            _offres(
                ctx,
                obj,
                None
                if type_ != T.ORGANISME_FORMATION
                else ["formation-qualifiante", "formation-pre-qualifiante", "savoirs-de-base"],
                types,
            )
            _contacts(ctx, obj)
    comptes = ctx.data.setdefault("comptes_partenaires", [])
    debut = len(STRUCTURES_SOCLE) + 1
    for numero, (nom, type_, insee, codes, a_compte) in enumerate(lignes_reseau(), start=debut):
        rna = f"W7630002{numero:02d}" if type_ == T.ASSOCIATION else None
        obj = structure(ctx, nom, type_, insee, True, rna=rna, numero=numero)
        _offres(ctx, obj, codes, types)
        _contacts(ctx, obj)
        if a_compte:
            comptes.append(obj)
    partenaires = Structure.objects.partenaires_plie().count()
    ctx.log(f"Structures : {Structure.objects.count()} (dont {partenaires} partenaires du PLIE)")


def seed_utilisateurs(ctx):
    """Partner accounts for part of the network, once the accounts seeder has run."""
    from accounts.models import Role
    from accounts.seed import compte

    comptes = ctx.data.get("comptes_partenaires", [])
    for index, obj in enumerate(comptes):
        prenom, nom = PRENOMS[index % len(PRENOMS)], NOMS[(index * 7) % len(NOMS)]
        user = compte(ctx, f"partenaire@{slugify(obj.nom)[:40]}.exemple.fr", Role.PARTENAIRE, obj, prenom, nom)
        if index in (0, len(comptes) // 2):
            ctx.login(f"Partenaire ({obj.nom})", user)
    sans_compte = Structure.objects.partenaires_plie().avec_portail().filter(a_portail=False).count()
    ctx.log(f"Comptes partenaires : {len(comptes)} ; structures partenaires sans compte : {sans_compte}")
