"""Default step catalogue of the PLIE (codes are stable; labels editable by coordination)."""

from .models import CategorieEtape as C

CATALOGUE = [
    ("diagnostic-socio-pro", "Diagnostic socioprofessionnel", C.ACCUEIL_DIAGNOSTIC),
    ("bilan-competences", "Bilan de compétences", C.ACCUEIL_DIAGNOSTIC),
    ("mobilite-permis", "Aide à la mobilité (permis, location de véhicule)", C.LEVEE_FREINS),
    ("logement", "Accompagnement logement", C.LEVEE_FREINS),
    ("sante", "Accompagnement santé", C.LEVEE_FREINS),
    ("garde-enfants", "Solution de garde d'enfants", C.LEVEE_FREINS),
    ("fle", "Français langue étrangère (FLE)", C.LEVEE_FREINS),
    ("inclusion-numerique", "Inclusion numérique", C.LEVEE_FREINS),
    ("acces-droits", "Accès aux droits et démarches administratives", C.LEVEE_FREINS),
    ("atelier-remobilisation", "Atelier de remobilisation", C.REMOBILISATION),
    ("immersion-pmsmp", "Période de mise en situation en milieu professionnel (PMSMP)", C.REMOBILISATION),
    ("formation-pre-qualifiante", "Formation pré-qualifiante", C.FORMATION_PRE_QUALIFIANTE),
    ("savoirs-de-base", "Remise à niveau des savoirs de base", C.FORMATION_PRE_QUALIFIANTE),
    ("formation-qualifiante", "Formation qualifiante ou certifiante", C.FORMATION_QUALIFIANTE),
    ("contrat-aci", "Contrat en atelier et chantier d'insertion (ACI)", C.INSERTION_SIAE),
    ("contrat-ei", "Contrat en entreprise d'insertion (EI)", C.INSERTION_SIAE),
    ("mission-etti", "Mission en entreprise de travail temporaire d'insertion (ETTI)", C.INSERTION_SIAE),
    ("mission-ai", "Mission en association intermédiaire (AI)", C.INSERTION_SIAE),
    ("emploi-durable", "Accès à l'emploi durable", C.EMPLOI),
    ("alternance", "Contrat en alternance", C.EMPLOI),
    ("creation-activite", "Accompagnement à la création d'activité", C.CREATION_ENTREPRISE),
    ("suivi-emploi", "Suivi dans l'emploi (6 mois)", C.SUIVI_EMPLOI),
]


def charger_catalogue(etape_type_model):
    """Create the missing step types of the default catalogue; never renames or deletes. Idempotent."""
    existants = set(etape_type_model.objects.values_list("code", flat=True))
    nouveaux = [
        etape_type_model(code=code, libelle=libelle, categorie=categorie)
        for code, libelle, categorie in CATALOGUE
        if code not in existants
    ]
    etape_type_model.objects.bulk_create(nouveaux)
    return len(nouveaux)
